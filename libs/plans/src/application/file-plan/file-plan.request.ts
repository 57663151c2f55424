import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsDateOrInstant } from '@app/shared/nest';

export class FilePlanRequest {
  @ApiProperty({ example: '宁夏回族自治区应急管理厅' }) @IsString() @IsNotEmpty() @MaxLength(200) authority!: string;
  @ApiProperty({ example: '2026-11-20', description: '备案日期（日期或带时区的时刻）' })
  @IsDateOrInstant()
  filedAt!: string;
}

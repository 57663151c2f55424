import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';

/** 交接班 */
export class HandOverRequest {
  @ApiProperty({ example: '640521' }) @IsKnownJurisdiction() jurisdiction!: string;
  @ApiProperty({ description: '交班记录：需接班人员跟进的事项' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  note!: string;
  @ApiPropertyOptional({ description: '接班班次；默认为下一个班次' }) @IsOptional() @IsUUID() toShiftId?: string;
}

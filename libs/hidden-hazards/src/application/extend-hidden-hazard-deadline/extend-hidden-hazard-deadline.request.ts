import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsInstant } from '@app/shared/nest';

export class ExtendHiddenHazardDeadlineRequest {
  @ApiProperty({
    example: '2026-12-30T18:00:00+08:00',
    description: '新的整改期限（带时区偏移），须晚于原期限和当前时间',
  })
  @IsInstant()
  deadline!: string;

  @ApiProperty({ example: '紧急切断阀到货延迟，企业申请延期' })
  @IsString()
  @Matches(/\S/, { message: '须写明延期理由（reason）' })
  @MaxLength(4000)
  reason!: string;
}

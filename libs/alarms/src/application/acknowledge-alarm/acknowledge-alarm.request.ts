import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export const ALARM_NOTE_MAX = 500;

/** 确认告警: who takes it in hand comes from the session; a note says what is being done. */
export class AcknowledgeAlarmRequest {
  @ApiPropertyOptional({ description: '处置说明（可选）', example: '已电话联系县应急局，10 分钟内补报' })
  @IsOptional()
  @IsString()
  @MaxLength(ALARM_NOTE_MAX)
  note?: string;
}

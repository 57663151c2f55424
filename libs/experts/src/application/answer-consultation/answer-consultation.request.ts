import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EXPERT_LIMITS } from '../../domain/expert/expert.types';

/** The expert's answer, usually given by phone and recorded by the watch. */
export class AnswerConsultationRequest {
  @ApiPropertyOptional({ example: '电话确认，30 分钟后接入远程会商', description: '答复说明' })
  @IsOptional()
  @IsString()
  @MaxLength(EXPERT_LIMITS.note)
  note?: string;
}

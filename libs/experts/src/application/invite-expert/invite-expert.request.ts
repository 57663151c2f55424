import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { ConsultationMode } from '../../contract';
import { EXPERT_LIMITS } from '../../domain/expert/expert.types';

const MODES: ConsultationMode[] = ['on_site', 'remote'];

/** 邀请专家会商. */
export class InviteExpertRequest {
  @ApiProperty({ description: '专家编号' })
  @IsUUID('all', { message: 'expertId 须为专家编号（UUID）' })
  expertId!: string;

  @ApiPropertyOptional({ enum: MODES, description: '现场会商或远程会商；缺省为远程会商' })
  @IsOptional()
  @IsIn(MODES, { message: 'mode 须为 on_site（现场）或 remote（远程）' })
  mode?: ConsultationMode;

  @ApiProperty({ example: '储罐泄漏的堵漏方案与警戒范围', description: '会商议题' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(EXPERT_LIMITS.topic)
  topic!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { IsDateOrInstant } from '@app/shared/nest';
import { PLAN_REVIEW_CONCLUSIONS, PLAN_REVIEW_KINDS } from '../../domain/plan/plan.types';
import type { PlanReviewConclusion, PlanReviewKind } from '../../domain/plan/plan.types';

/** `POST /plans/{id}/reviews`: the 评审/论证 record of the newest version. */
export class RecordPlanReviewRequest {
  @ApiProperty({ enum: Object.keys(PLAN_REVIEW_KINDS), description: 'review 评审 / demonstration 论证' })
  @IsIn(Object.keys(PLAN_REVIEW_KINDS), { message: 'kind 须为 review（评审）或 demonstration（论证）' })
  kind!: PlanReviewKind;
  @ApiProperty({ example: '2026-11-18', description: '评审/论证日期（不得晚于今天）' })
  @IsDateOrInstant()
  reviewedOn!: string;
  @ApiProperty({ example: ['张立（化工安全）', '李红（应急管理）'], description: '参加评审的专家' })
  @IsArray()
  @ArrayMinSize(1, { message: 'experts 至少须有一名专家' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  experts!: string[];
  @ApiPropertyOptional({ example: '中卫市应急管理局', description: '组织评审的单位' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  organisation?: string;
  @ApiProperty({
    enum: Object.keys(PLAN_REVIEW_CONCLUSIONS),
    description: 'passed 通过 / passed_with_changes 修改后通过 / failed 不通过',
  })
  @IsIn(Object.keys(PLAN_REVIEW_CONCLUSIONS))
  conclusion!: PlanReviewConclusion;
  @ApiProperty({ example: '中应急评〔2026〕12号 评审纪要', description: '评审纪要或论证意见的文号/文件' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  document!: string;
}

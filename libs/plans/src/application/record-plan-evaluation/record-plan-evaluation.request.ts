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
import { PLAN_EVALUATION_CONCLUSIONS, type PlanEvaluationConclusion } from '../../domain/plan/plan.types';

/** `POST /plans/{id}/evaluations`: the 评估 of the version in force. */
export class RecordPlanEvaluationRequest {
  @ApiProperty({ example: '2026-12-01', description: '评估日期（不得晚于今天，不得早于现行版本发布日期）' })
  @IsDateOrInstant()
  evaluatedOn!: string;
  @ApiProperty({
    enum: Object.keys(PLAN_EVALUATION_CONCLUSIONS),
    description: 'no_revision 继续有效 / revision_needed 需要修订',
  })
  @IsIn(Object.keys(PLAN_EVALUATION_CONCLUSIONS))
  conclusion!: PlanEvaluationConclusion;
  @ApiProperty({ example: '组织机构和职责调整后，警戒疏散组牵头单位需更新' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary!: string;
  @ApiProperty({ example: ['市应急管理局预案科'], description: '评估人员或机构' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  evaluators!: string[];
  @ApiPropertyOptional({ example: '中应急〔2026〕30号 评估报告' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  document?: string;
}

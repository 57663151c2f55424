import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '@app/shared/nest';
import type { HiddenHazardGrade, HiddenHazardSource } from '../../contract';
import { HIDDEN_HAZARD_GRADES, HIDDEN_HAZARD_SOURCES } from '../../domain/hidden-hazard/hidden-hazard.types';

/** Something must be written, not only spaces. */
const WRITTEN = /\S/;

export class ResponsiblePersonRequest {
  @ApiProperty({ example: '张明（企业安全负责人）' })
  @IsString()
  @Matches(WRITTEN, { message: '须写明整改责任人姓名（name）' })
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ type: String, example: '13995512345', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;
}

export class RectificationPlanRequest {
  @ApiProperty({ example: '更换泄漏阀门，补装可燃气体检测报警器并接入监控中心' })
  @IsString()
  @Matches(WRITTEN, { message: '须写明整改措施（measures）' })
  @MaxLength(4000)
  measures!: string;

  @ApiProperty({ example: '2026-12-20T18:00:00+08:00', description: '整改期限（带时区偏移），须晚于发现时间' })
  @IsInstant()
  deadline!: string;

  @ApiProperty({ type: ResponsiblePersonRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => ResponsiblePersonRequest)
  responsible!: ResponsiblePersonRequest;
}

export class RecordHiddenHazardRequest {
  @ApiProperty({ description: '隐患所在企业（须已登记；隐患的辖区即企业的辖区）' })
  @IsUUID()
  enterpriseId!: string;

  @ApiPropertyOptional({ type: String, description: '所涉重大危险源（须属于该企业）', nullable: true })
  @IsOptional()
  @IsUUID()
  hazardSourceId?: string | null;

  @ApiProperty({ example: '液氨储罐区可燃气体检测报警器失效' })
  @IsString()
  @IsNotEmpty()
  @Matches(WRITTEN, { message: '须写明隐患名称（title）' })
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2# 储罐区 3 台检测报警器无法报警，未接入监控中心' })
  @IsString()
  @Matches(WRITTEN, { message: '须写明隐患情况（description）' })
  @MaxLength(4000)
  description!: string;

  @ApiProperty({ enum: HIDDEN_HAZARD_GRADES, description: 'general 一般事故隐患 / major 重大事故隐患' })
  @IsIn(HIDDEN_HAZARD_GRADES)
  grade!: HiddenHazardGrade;

  @ApiPropertyOptional({
    type: String,
    example: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）第十一条',
    description: '判定依据；重大事故隐患必填',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  standard?: string | null;

  @ApiProperty({
    enum: HIDDEN_HAZARD_SOURCES,
    description: 'self_inspection 企业自查 / inspection 监督检查 / report 举报',
  })
  @IsIn(HIDDEN_HAZARD_SOURCES)
  source!: HiddenHazardSource;

  @ApiProperty({ example: '2026-12-06T10:30:00+08:00', description: '发现时间（带时区偏移），不能晚于当前时间' })
  @IsInstant()
  foundAt!: string;

  @ApiPropertyOptional({ example: '市应急管理局执法支队 李检查', description: '发现人；缺省为登记人' })
  @IsOptional()
  @IsString()
  @Matches(WRITTEN, { message: '发现人（foundBy）不能只有空格' })
  @MaxLength(200)
  foundBy?: string;

  @ApiProperty({ type: RectificationPlanRequest, description: '整改措施、期限和责任人' })
  @IsDefined()
  @ValidateNested()
  @Type(() => RectificationPlanRequest)
  rectification!: RectificationPlanRequest;
}

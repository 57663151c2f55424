import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  MAX_RECORDED_CATEGORIES,
  MAX_TARGETS,
  TARGET_INDICATORS,
  TARGET_KINDS,
  type TargetIndicator,
  type TargetKind,
} from '../../domain/target-document/target-document.types';

const FINITE = { allowNaN: false, allowInfinity: false } as const;

export class TargetSpecRequest {
  @ApiProperty({ enum: Object.keys(TARGET_INDICATORS), description: '指标' })
  @IsIn(Object.keys(TARGET_INDICATORS))
  indicator!: TargetIndicator;

  @ApiProperty({ enum: TARGET_KINDS, description: 'ceiling 上限（至多）；reduction 较基准年下降百分比（至少）' })
  @IsIn(TARGET_KINDS)
  kind!: TargetKind;

  @ApiProperty({ description: '上限值（起、人、比例 0–1、死亡率），或下降的百分数（0–100，不含端点）', example: 15 })
  @IsNumber(FINITE)
  value!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '基准年（下降类目标必填，须早于考核年度）',
    example: 2025,
  })
  @IsOptional()
  @IsInt()
  baselineYear?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '行业类别（事故类别代码）；不填为全部行业' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  category?: string | null;
}

export class TargetDenominatorsRequest {
  @ApiPropertyOptional({ type: Number, nullable: true, description: '地区生产总值（亿元）' })
  @IsOptional()
  @IsNumber(FINITE)
  gdp100mYuan?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '机动车保有量（万辆）' })
  @IsOptional()
  @IsNumber(FINITE)
  vehicles10k?: number | null;
}

/** Entered counts: whole numbers; the domain checks ≥ 0 and says which figure is wrong in Chinese. */
export class RecordedCountsRequest {
  @ApiPropertyOptional({ type: Number, nullable: true, description: '事故起数（录入）' })
  @IsOptional()
  @IsInt()
  incidents?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '死亡人数（录入；辖区把失踪计入死亡时含失踪）' })
  @IsOptional()
  @IsInt()
  deaths?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '较大及以上事故起数（录入）' })
  @IsOptional()
  @IsInt()
  majorOrAboveIncidents?: number | null;
}

export class RecordedCategoryRequest extends RecordedCountsRequest {
  @ApiProperty({ description: '行业类别（事故类别代码）' })
  @IsString()
  @MaxLength(64)
  category!: string;
}

/** 本年度统计数据（录入）: the year's official figures, for later years' baselines. */
export class RecordedFiguresRequest extends RecordedCountsRequest {
  @ApiPropertyOptional({ type: [RecordedCategoryRequest], description: '分行业类别的统计数据（每个类别至多一项）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RECORDED_CATEGORIES)
  @ValidateNested({ each: true })
  @Type(() => RecordedCategoryRequest)
  categories?: RecordedCategoryRequest[];
}

/** 下达考核目标: the whole document for the jurisdiction and year (an earlier one is replaced). */
export class SetTargetsRequest {
  @ApiProperty({ type: [TargetSpecRequest], description: '考核目标；可为空（只录入该年度的分母数据）' })
  @IsArray()
  @ArrayMaxSize(MAX_TARGETS)
  @ValidateNested({ each: true })
  @Type(() => TargetSpecRequest)
  targets!: TargetSpecRequest[];

  @ApiPropertyOptional({ type: TargetDenominatorsRequest, description: '该年度的分母数据（比率类目标及其基准年需要）' })
  @IsOptional()
  @IsDefined()
  @ValidateNested()
  @Type(() => TargetDenominatorsRequest)
  denominators?: TargetDenominatorsRequest;

  @ApiPropertyOptional({
    type: RecordedFiguresRequest,
    description: '本年度统计数据（录入）：以后年度以本年为基准年时，基准值取这些数字；未录入的取系统记录的事故',
  })
  @IsOptional()
  @IsDefined()
  @ValidateNested()
  @Type(() => RecordedFiguresRequest)
  recorded?: RecordedFiguresRequest;
}

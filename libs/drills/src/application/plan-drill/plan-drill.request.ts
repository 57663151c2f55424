import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';
import { DRILL_FORMS, DRILL_SCOPES } from '../../domain/drill/drill.types';
import { InjectRequest } from '../injects/inject.request';

export class ScenarioRequest {
  @ApiProperty({ type: [InjectRequest] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InjectRequest)
  injects!: InjectRequest[];
}

export class PlanDrillRequest {
  @ApiProperty({ example: '中卫工业园区危化品泄漏综合演练' }) @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiProperty({ enum: Object.keys(DRILL_FORMS) }) @IsIn(Object.keys(DRILL_FORMS)) form!: string;
  @ApiProperty({ enum: Object.keys(DRILL_SCOPES) }) @IsIn(Object.keys(DRILL_SCOPES)) scope!: string;
  @ApiProperty({ example: '640500' }) @IsKnownJurisdiction() jurisdiction!: string;
  @ApiPropertyOptional({ description: '检验的预案：固定其现行版本' }) @IsOptional() @IsUUID() planId?: string;
  @ApiPropertyOptional({ type: [String], description: '参演单位' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  participants?: string[];
  @ApiPropertyOptional({ type: ScenarioRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScenarioRequest)
  scenario?: ScenarioRequest;
  @ApiPropertyOptional({ description: '从情景库复制注入脚本' }) @IsOptional() @IsUUID() scenarioId?: string;
}

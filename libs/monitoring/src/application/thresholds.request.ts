import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import type { SensorThresholds } from '../contract';
import { MAX_DEBOUNCE_READINGS } from '../domain/sensor/sensor.types';

const FINITE = { allowNaN: false, allowInfinity: false };

/** 高报 / 高高报 / 低报 / 低低报, each optional; their order is the domain's to check (a clear Chinese refusal). */
export class ThresholdsRequest {
  @ApiPropertyOptional({ example: 8 }) @IsOptional() @IsNumber(FINITE, { message: '高报阈值须为数值' }) high?: number;
  @ApiPropertyOptional({ example: 9 })
  @IsOptional()
  @IsNumber(FINITE, { message: '高高报阈值须为数值' })
  highHigh?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber(FINITE, { message: '低报阈值须为数值' }) low?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber(FINITE, { message: '低低报阈值须为数值' }) lowLow?: number;
}

export function thresholdsOf(request: ThresholdsRequest): SensorThresholds {
  return {
    high: request.high ?? null,
    highHigh: request.highHigh ?? null,
    low: request.low ?? null,
    lowLow: request.lowLow ?? null,
  };
}

/** The alarm tuning fields both the registration and a threshold change accept. */
export class AlarmTuningRequest {
  @ApiPropertyOptional({ description: '死区（传感器单位）；缺省为阈值跨度的配置百分比', example: 0.2 })
  @IsOptional()
  @IsNumber(FINITE, { message: '死区（deadband）须为数值' })
  @Min(0, { message: '死区（deadband）不能为负数' })
  deadband?: number;

  @ApiPropertyOptional({ description: '连续多少个读数越限才报警（防抖）', example: 2 })
  @IsOptional()
  @IsInt({ message: 'debounceReadings 须为整数' })
  @Min(1, { message: 'debounceReadings 至少为 1' })
  @Max(MAX_DEBOUNCE_READINGS, { message: `debounceReadings 至多为 ${MAX_DEBOUNCE_READINGS}` })
  debounceReadings?: number;

  @ApiPropertyOptional({ description: '越限持续多少秒即报警（0 表示只按读数个数）', example: 0 })
  @IsOptional()
  @IsInt({ message: 'debounceSeconds 须为整数' })
  @Min(0, { message: 'debounceSeconds 不能为负数' })
  @Max(3600, { message: 'debounceSeconds 至多为 3600' })
  debounceSeconds?: number;
}

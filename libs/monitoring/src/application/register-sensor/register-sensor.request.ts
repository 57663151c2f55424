import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { SensorKind } from '../../contract';
import { SENSOR_KINDS } from '../../domain/sensor/sensor.types';
import { AlarmTuningRequest, ThresholdsRequest } from '../thresholds.request';

export class RegisterSensorRequest extends AlarmTuningRequest {
  @ApiProperty({ example: 'LT-101', description: '企业内唯一；MQTT 主题 monitoring/{统一社会信用代码}/{编码} 的末段' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: '传感器编码须为 1–64 位字母、数字、点、下划线或连字符，且以字母或数字开头',
  })
  code!: string;

  @ApiPropertyOptional({ example: '液氨储罐 1# 液位' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiProperty({ enum: SENSOR_KINDS }) @IsIn(SENSOR_KINDS, { message: '传感器类型不正确' }) kind!: SensorKind;

  @ApiProperty({ example: 'm' })
  @IsString()
  @Matches(/^\S(.{0,18}\S)?$/, { message: '计量单位须为 1–20 个字符' })
  unit!: string;

  @ApiProperty({ type: ThresholdsRequest })
  @IsDefined({ message: '须给出报警阈值（thresholds），可为空对象' })
  @ValidateNested()
  @Type(() => ThresholdsRequest)
  thresholds!: ThresholdsRequest;

  @ApiPropertyOptional({ example: 10, description: '网关承诺的上报周期（秒），默认 30' })
  @IsOptional()
  @IsInt({ message: '上报周期须为整数秒' })
  @Min(1, { message: '上报周期至少 1 秒' })
  @Max(86_400, { message: '上报周期至多 86400 秒' })
  expectedIntervalSeconds?: number;
}

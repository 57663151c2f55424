import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  WARNING_CHANNELS,
  WARNING_LEVELS,
  WARNING_LIMITS,
  type WarningChannel,
  type WarningLevel,
} from '../../domain/warning/warning.types';
import { IsClosedRing } from './warning-validators';

export class WarningPointRequest {
  @ApiProperty({ example: 37.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude({ message: 'lat 须为 -90 到 90 之间的纬度' })
  lat!: number;
  @ApiProperty({ example: 105.2 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude({ message: 'lng 须为 -180 到 180 之间的经度' })
  lng!: number;
}

export class WarningAreaRequest {
  @ApiProperty({ description: '预警区域描述', example: '中卫工业园区及周边 3 公里' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(WARNING_LIMITS.areaDescription)
  description!: string;

  @ApiPropertyOptional({ type: [WarningPointRequest], description: '闭合多边形（WGS 84），至少 4 个点，首点 = 末点' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WARNING_LIMITS.polygonPoints)
  @ValidateNested({ each: true })
  @Type(() => WarningPointRequest)
  @IsClosedRing()
  polygon?: WarningPointRequest[];
}

/** Fields an adjustment (调整) may change, all optional there; issuing requires level, area and message. */
export class WarningChangeableFields {
  @ApiProperty({ enum: WARNING_LEVELS, description: '预警级别：red 红色（最高）、orange 橙色、yellow 黄色、blue 蓝色' })
  @IsIn(WARNING_LEVELS)
  level!: WarningLevel;

  @ApiProperty({ type: WarningAreaRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => WarningAreaRequest)
  area!: WarningAreaRequest;

  @ApiProperty({ description: '预警信息正文' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(WARNING_LIMITS.message)
  message!: string;

  @ApiPropertyOptional({ description: '防御指引' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(WARNING_LIMITS.instruction)
  instruction?: string;

  @ApiPropertyOptional({ enum: WARNING_CHANNELS, isArray: true, description: '发布渠道' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WARNING_CHANNELS.length)
  @ArrayUnique()
  @IsIn(WARNING_CHANNELS, { each: true })
  channels?: WarningChannel[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HAZARD_LIMITS } from '../../domain/gb18218/assess-hazard-source';
import { HAZARD_CLASS_CODES, NAMED_SUBSTANCES, type HazardClassCode } from '../../domain/gb18218/gb18218.data';
import type { HazardUnitKind } from '../../contract';

const FINITE = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 };

/** One dangerous chemical of the unit. The CAS number finds a named substance; else the Table 2 category is needed. */
export class HazardSubstanceRequest {
  @ApiPropertyOptional({
    example: '7664-41-7',
    description: 'CAS号（带校验位）；列入 GB 18218-2018 表1 的物质按表1辨识',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  casNo?: string;

  @ApiProperty({ example: '液氨' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ enum: HAZARD_CLASS_CODES, description: '表2 危险性类别符号；未列入表1的物质必填' })
  @IsOptional()
  @IsIn(HAZARD_CLASS_CODES)
  category?: HazardClassCode;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: NAMED_SUBSTANCES.length,
    description: '表1序号：同一CAS号有多项或无CAS号时指明',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(NAMED_SUBSTANCES.length)
  tableEntry?: number;

  @ApiProperty({ example: 300, description: '单元内最大存在量 q（吨）' })
  @IsNumber(FINITE)
  @IsPositive()
  @Max(HAZARD_LIMITS.tonnes)
  quantityTonnes!: number;

  @ApiPropertyOptional({ description: '临界量 Q（吨）：表列物质须与标准一致；按类别辨识的只可填严于标准的值' })
  @IsOptional()
  @IsNumber(FINITE)
  @IsPositive()
  @Max(HAZARD_LIMITS.tonnes)
  criticalQuantityTonnes?: number;

  @ApiPropertyOptional({ description: '校正系数 β：表列物质须与标准一致；按类别辨识的只可填不低于标准的值' })
  @IsOptional()
  @IsNumber(FINITE)
  @IsPositive()
  @Max(HAZARD_LIMITS.beta)
  beta?: number;
}

export class HazardLocationRequest {
  @ApiProperty({ example: 37.53 }) @IsLatitude({ message: 'lat 须为 -90 到 90 之间的纬度' }) lat!: number;
  @ApiProperty({ example: 105.15 }) @IsLongitude({ message: 'lng 须为 -180 到 180 之间的经度' }) lng!: number;
}

/** What a change may name (the enterprise and the unit kind stay as registered). */
export class HazardSourceChangeableFields {
  @ApiProperty({ example: '液氨储罐区' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ minimum: 0, description: '500米范围内厂外暴露人员数（决定校正系数 α）' })
  @IsInt()
  @Min(0)
  @Max(HAZARD_LIMITS.population)
  exposedPopulation!: number;

  @ApiProperty({ type: [HazardSubstanceRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(HAZARD_LIMITS.substances)
  @ValidateNested({ each: true })
  @Type(() => HazardSubstanceRequest)
  substances!: HazardSubstanceRequest[];
}

export class RegisterHazardSourceRequest extends HazardSourceChangeableFields {
  @ApiProperty({ description: '所属企业（须已登记，单元的辖区即企业的辖区）' })
  @IsUUID()
  enterpriseId!: string;

  @ApiProperty({ enum: ['production', 'storage'], description: 'production 生产单元 / storage 储存单元' })
  @IsIn(['production', 'storage'])
  unitKind!: HazardUnitKind;

  @ApiPropertyOptional({ type: HazardLocationRequest, description: '单元位置；缺省为企业位置' })
  @IsOptional()
  @IsDefined()
  @ValidateNested()
  @Type(() => HazardLocationRequest)
  location?: HazardLocationRequest;
}

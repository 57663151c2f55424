import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { EnterpriseIndustry } from '../../contract';
import { ENTERPRISE_INDUSTRIES, ENTERPRISE_LIMITS } from '../../domain/enterprise/enterprise.types';

export class EnterpriseLocationRequest {
  @ApiProperty({ example: 37.533 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude({ message: 'lat 须为 -90 到 90 之间的纬度' })
  lat!: number;
  @ApiProperty({ example: 105.146 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude({ message: 'lng 须为 -180 到 180 之间的经度' })
  lng!: number;
}

export class EnterpriseContactRequest {
  @ApiProperty({ example: '王建国' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ENTERPRISE_LIMITS.contactName)
  name!: string;
  @ApiProperty({ example: '0955-7012345' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ENTERPRISE_LIMITS.contactPhone)
  phone!: string;
}

export class EnterpriseContactsRequest {
  @ApiProperty({ type: EnterpriseContactRequest, description: '主要负责人' })
  @IsDefined()
  @ValidateNested()
  @Type(() => EnterpriseContactRequest)
  principal!: EnterpriseContactRequest;

  @ApiPropertyOptional({ type: EnterpriseContactRequest, nullable: true, description: '安全负责人' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnterpriseContactRequest)
  safety?: EnterpriseContactRequest | null;
}

/** The fields a change (PATCH) may name too; the code and the jurisdiction are fixed at registration. */
export class EnterpriseProfileFields {
  @ApiProperty({ example: '中卫某化工有限公司（演示数据）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ENTERPRISE_LIMITS.name)
  name!: string;

  @ApiProperty({ enum: ENTERPRISE_INDUSTRIES, description: '行业类别' })
  @IsIn(ENTERPRISE_INDUSTRIES, { message: 'industry 须为已知的行业类别' })
  industry!: EnterpriseIndustry;

  @ApiProperty({ example: '中卫工业园区纬三路（虚构地址）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ENTERPRISE_LIMITS.address)
  address!: string;

  @ApiProperty({ type: EnterpriseLocationRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => EnterpriseLocationRequest)
  location!: EnterpriseLocationRequest;

  @ApiPropertyOptional({ type: EnterpriseContactRequest, description: '主要负责人（与 contacts.principal 二选一）' })
  @ValidateIf((o: EnterpriseProfileFields) => o.contacts === undefined || o.contact !== undefined)
  @IsDefined({ message: '须填写 contact 或 contacts.principal（主要负责人）' })
  @ValidateNested()
  @Type(() => EnterpriseContactRequest)
  contact?: EnterpriseContactRequest;

  @ApiPropertyOptional({ type: EnterpriseContactsRequest, description: '主要负责人与安全负责人' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnterpriseContactsRequest)
  contacts?: EnterpriseContactsRequest;
}

/** 企业登记 (docs/enterprises.md). `contact` is the 主要负责人; `contacts` names both people. */
export class RegisterEnterpriseRequest extends EnterpriseProfileFields {
  @ApiProperty({ example: '91640500MA76A1B295', description: '统一社会信用代码（GB 32100-2015，18 位，校验码须正确）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  creditCode!: string;

  @ApiProperty({ example: '640571', description: '辖区代码' })
  @IsKnownJurisdiction()
  jurisdiction!: string;
}

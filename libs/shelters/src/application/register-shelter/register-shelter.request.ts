import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ShelterFacility, ShelterKind } from '../../contract';
import { SHELTER_FACILITIES, SHELTER_KINDS, SHELTER_LIMITS } from '../../domain/shelter/shelter.types';

export class ShelterLocationRequest {
  @ApiProperty({ example: 37.514 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude({ message: 'lat 须为 -90 到 90 之间的纬度' })
  lat!: number;
  @ApiProperty({ example: 105.19 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude({ message: 'lng 须为 -180 到 180 之间的经度' })
  lng!: number;
}

/** The fields a change (PATCH) may name too; the jurisdiction is fixed at registration. */
export class ShelterProfileFields {
  @ApiProperty({ example: '沙坡头区中心公园应急避难场所（演示数据）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHELTER_LIMITS.name)
  name!: string;

  @ApiProperty({ enum: SHELTER_KINDS, description: '类型' })
  @IsIn(SHELTER_KINDS, { message: 'kind 须为已知的避难场所类型' })
  kind!: ShelterKind;

  @ApiProperty({ example: 5000, description: '可容纳人数' })
  @IsInt({ message: 'capacity 须为整数' })
  @Min(1, { message: 'capacity 至少为 1' })
  @Max(SHELTER_LIMITS.capacity, { message: `capacity 不能超过 ${SHELTER_LIMITS.capacity}` })
  capacity!: number;

  @ApiProperty({ type: ShelterLocationRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => ShelterLocationRequest)
  location!: ShelterLocationRequest;

  @ApiProperty({ enum: SHELTER_FACILITIES, isArray: true, description: '配套设施' })
  @IsArray()
  @ArrayMaxSize(SHELTER_FACILITIES.length)
  @IsIn(SHELTER_FACILITIES, { each: true, message: 'facilities 须为已知的配套设施' })
  facilities!: ShelterFacility[];

  @ApiProperty({ example: '中卫市沙坡头区某路（虚构地址）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHELTER_LIMITS.address)
  address!: string;
}

/** 避难场所登记 (docs/shelters.md). */
export class RegisterShelterRequest extends ShelterProfileFields {
  @ApiProperty({ example: '640502', description: '辖区代码' })
  @IsKnownJurisdiction()
  jurisdiction!: string;
}

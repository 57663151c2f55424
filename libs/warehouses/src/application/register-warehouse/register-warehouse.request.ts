import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  RESERVE_KINDS,
  WAREHOUSE_LEVELS,
  type ReserveKind,
  type WarehouseLevel,
} from '../../domain/warehouse/warehouse.types';

export class WarehouseLocationRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) address!: string;
  @ApiProperty() @IsLatitude({ message: 'lat 须为 -90 到 90 之间的纬度' }) lat!: number;
  @ApiProperty() @IsLongitude({ message: 'lng 须为 -180 到 180 之间的经度' }) lng!: number;
}

export class RegisterWarehouseRequest {
  @ApiProperty({ example: '中卫市应急物资储备库' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: WAREHOUSE_LEVELS }) @IsIn(WAREHOUSE_LEVELS) level!: WarehouseLevel;
  @ApiProperty({ type: WarehouseLocationRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => WarehouseLocationRequest)
  location!: WarehouseLocationRequest;
  @ApiProperty({ example: '640500' }) @IsKnownJurisdiction() jurisdiction!: string;
  @ApiProperty({ enum: RESERVE_KINDS }) @IsIn(RESERVE_KINDS) reserveKind!: ReserveKind;
}

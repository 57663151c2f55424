import { IsInstant, IsKnownJurisdiction } from '@app/shared/nest';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsLatitude, IsLongitude, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { RESERVE_KINDS, WAREHOUSE_LEVELS, type ReserveKind, type WarehouseLevel } from '../../domain/warehouse.types';

const CODE = /^\d{7}$/;
/** One shipment of supplies is never more than this many units of a line; larger numbers are typing errors. */
const MAX_QUANTITY = 10_000_000;

export class WarehouseLocationRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) address!: string;
  @ApiProperty() @IsLatitude({ message: 'lat 须为 -90 到 90 之间的纬度' }) lat!: number;
  @ApiProperty() @IsLongitude({ message: 'lng 须为 -180 到 180 之间的经度' }) lng!: number;
}

export class RegisterWarehouseRequest {
  @ApiProperty({ example: '中卫市应急物资储备库' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: WAREHOUSE_LEVELS }) @IsIn(WAREHOUSE_LEVELS) level!: WarehouseLevel;
  @ApiProperty({ type: WarehouseLocationRequest }) @IsDefined() @ValidateNested() @Type(() => WarehouseLocationRequest) location!: WarehouseLocationRequest;
  @ApiProperty({ example: '640500' }) @IsKnownJurisdiction() jurisdiction!: string;
  @ApiProperty({ enum: RESERVE_KINDS }) @IsIn(RESERVE_KINDS) reserveKind!: ReserveKind;
}

export class StockLineRequest {
  @ApiProperty({ example: '1010101', description: '物资编码（7 位）' }) @Matches(CODE, { message: 'materialCode 须为 7 位物资编码' }) materialCode!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity!: number;
}

export class ReceiptLineRequest extends StockLineRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) batch?: string;
  @ApiPropertyOptional({ description: '有效期至（ISO 8601 带时区）' }) @IsOptional() @IsInstant() expiresAt?: string;
}

export class ReceiptRequest {
  @ApiProperty({ type: [ReceiptLineRequest] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ReceiptLineRequest)
  items!: ReceiptLineRequest[];
}

export class AllocationRequest {
  @ApiProperty() @IsUUID() incidentId!: string;
  @ApiProperty({ type: [StockLineRequest] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => StockLineRequest)
  items!: StockLineRequest[];
}

export class AllocationMoveRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class StockCountRequest {
  @ApiProperty() @Matches(CODE, { message: 'materialCode 须为 7 位物资编码' }) materialCode!: string;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(MAX_QUANTITY) counted!: number;
  @ApiProperty({ example: '月度盘点' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}

export class MinimumLevelRequest {
  @ApiProperty() @Matches(CODE, { message: 'materialCode 须为 7 位物资编码' }) materialCode!: string;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(MAX_QUANTITY) minimum!: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';

/** A material code of the catalogue's shape (7 digits); whether it is in the catalogue the decider checks. */
export const MATERIAL_CODE = /^\d{7}$/;
export const MATERIAL_CODE_MESSAGE = 'materialCode 须为 7 位物资编码';
/** One shipment of supplies is never more than this many units of a line; larger numbers are typing errors. */
export const MAX_QUANTITY = 10_000_000;

export class StockLineRequest {
  @ApiProperty({ example: '1010101', description: '物资编码（7 位）' })
  @Matches(MATERIAL_CODE, { message: MATERIAL_CODE_MESSAGE })
  materialCode!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity!: number;
}

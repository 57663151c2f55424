import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MATERIAL_CODE, MATERIAL_CODE_MESSAGE, MAX_QUANTITY } from '../stock-line.request';

export class StockCountRequest {
  @ApiProperty() @Matches(MATERIAL_CODE, { message: MATERIAL_CODE_MESSAGE }) materialCode!: string;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(MAX_QUANTITY) counted!: number;
  @ApiProperty({ example: '月度盘点' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}

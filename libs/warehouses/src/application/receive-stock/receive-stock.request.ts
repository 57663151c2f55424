import { IsInstant } from '@app/shared/nest';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { StockLineRequest } from '../stock-line.request';

export class ReceiptLineRequest extends StockLineRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) batch?: string;
  @ApiPropertyOptional({ description: '有效期至（ISO 8601 带时区）' }) @IsOptional() @IsInstant() expiresAt?: string;
}

export class ReceiptRequest {
  @ApiProperty({ type: [ReceiptLineRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineRequest)
  items!: ReceiptLineRequest[];
}

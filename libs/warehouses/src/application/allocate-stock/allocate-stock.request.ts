import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { StockLineRequest } from '../stock-line.request';

export class AllocationRequest {
  @ApiProperty() @IsUUID() incidentId!: string;
  @ApiProperty({ type: [StockLineRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => StockLineRequest)
  items!: StockLineRequest[];
}

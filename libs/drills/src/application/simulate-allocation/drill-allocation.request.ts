import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { MATERIAL_CODES } from '@app/warehouses';

export class DrillAllocationItemRequest {
  @ApiProperty({ example: '1010101' })
  @IsIn(MATERIAL_CODES as string[], { message: 'materialCode 须为物资目录中的编码' })
  materialCode!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(10_000_000) quantity!: number;
}

export class DrillAllocationRequest {
  @ApiProperty() @IsUUID() incidentId!: string;
  @ApiProperty() @IsUUID() warehouseId!: string;
  @ApiProperty({ type: [DrillAllocationItemRequest] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DrillAllocationItemRequest)
  items!: DrillAllocationItemRequest[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class DrillDispatchRequest {
  @ApiProperty() @IsUUID() incidentId!: string;
  @ApiProperty() @IsUUID() teamId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) task?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { GeoPointRequest } from '../register-team/register-team.request';

export const REPORTABLE_STATUSES = ['en_route', 'on_scene', 'returning', 'available', 'out_of_service'] as const;

export class ReportTeamStatusRequest {
  @ApiProperty({ enum: REPORTABLE_STATUSES }) @IsIn(REPORTABLE_STATUSES) status!: (typeof REPORTABLE_STATUSES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ type: GeoPointRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointRequest)
  location?: GeoPointRequest;
}

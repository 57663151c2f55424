import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';

export class AvailabilityRequest {
  @ApiPropertyOptional() @IsOptional() @IsKnownJurisdiction() jurisdiction?: string;
}

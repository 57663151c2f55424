import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';

export class JurisdictionFilterRequest {
  @ApiPropertyOptional() @IsOptional() @IsKnownJurisdiction() jurisdiction?: string;
}

import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SPECIALTIES, TEAM_STATUSES } from '../../domain/team/team.types';

export class ListTeamsRequest {
  @ApiPropertyOptional({ enum: TEAM_STATUSES }) @IsOptional() @IsIn(TEAM_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: SPECIALTIES }) @IsOptional() @IsIn(SPECIALTIES) specialty?: string;
  @ApiPropertyOptional() @IsOptional() @IsKnownJurisdiction() jurisdiction?: string;
}

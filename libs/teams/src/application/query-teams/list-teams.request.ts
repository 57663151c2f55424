import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DEMO_JURISDICTIONS } from '@app/shared';
import { SPECIALTIES, TEAM_STATUSES } from '../../domain/team.types';

export class ListTeamsRequest {
  @ApiPropertyOptional({ enum: TEAM_STATUSES }) @IsOptional() @IsIn(TEAM_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: SPECIALTIES }) @IsOptional() @IsIn(SPECIALTIES) specialty?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(DEMO_JURISDICTIONS.map((j) => j.code), { message: 'jurisdiction 不是已知的辖区代码' }) jurisdiction?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';

export class PlanGovernanceRequest {
  @ApiPropertyOptional({ example: '640521', description: '只看该辖区（须在本人辖区内）；不填为本人全部辖区' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;
}

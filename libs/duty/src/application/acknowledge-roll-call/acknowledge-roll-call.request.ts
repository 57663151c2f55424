import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';

export class AcknowledgeRollCallRequest {
  @ApiPropertyOptional({ description: '应答的辖区；默认为本人所在辖区' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;
}

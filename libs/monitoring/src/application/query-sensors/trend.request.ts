import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';

export class TrendRequest {
  @ApiPropertyOptional({ description: '起始时间（ISO 8601），默认为结束前 1 小时' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from 须为 ISO 8601 时间' })
  from?: string;

  @ApiPropertyOptional({ description: '结束时间（ISO 8601），默认为现在' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to 须为 ISO 8601 时间' })
  to?: string;
}

export class OnlineRateRequest {
  @ApiPropertyOptional({ example: '640500', description: '辖区（含下级）；默认本人辖区' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;
}

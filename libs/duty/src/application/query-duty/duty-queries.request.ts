import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';
import { IsInstant } from '@app/shared/nest';

export class DutyJurisdictionQuery {
  @ApiPropertyOptional({ description: '辖区代码（含下级辖区）；默认为本人可见的全部辖区' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;
}

export class ListShiftsQuery extends DutyJurisdictionQuery {
  @ApiPropertyOptional({ description: '默认为 24 小时前' }) @IsOptional() @IsInstant() from?: string;
  @ApiPropertyOptional({ description: '默认为 7 天后' }) @IsOptional() @IsInstant() to?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';
import { ALARM_KINDS, ALARM_STATUSES, type AlarmKind, type AlarmStatus } from '../../contract';

export class ListAlarmsRequest {
  @ApiPropertyOptional({ enum: ALARM_STATUSES, description: 'raised 未确认、acknowledged 已确认、resolved 已解除' })
  @IsOptional()
  @IsIn(ALARM_STATUSES)
  status?: AlarmStatus;

  @ApiPropertyOptional({ enum: ALARM_KINDS })
  @IsOptional()
  @IsIn(ALARM_KINDS)
  kind?: AlarmKind;

  @ApiPropertyOptional({ description: '辖区代码：含其下级辖区' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;
}

import { HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, Requires, uuidParam } from '@app/shared/nest';
import type { IncidentIntakeDraft, MonitoringAlarmContext } from '../../contract';
import { AlarmToIncidentHandler } from './alarm-to-incident.handler';

/**
 * 从告警到事故接报. Both routes read: `open-incident` is a POST because it starts the intake (the contract names it so),
 * but it stores nothing, so it is no command route (no Idempotency-Key answer to keep, no event).
 */
@QueryController('alarms', { tag: 'alarms' })
export class AlarmToIncidentController {
  constructor(private readonly handler: AlarmToIncidentHandler) {}

  @QueryGet(':id/context', {
    requires: 'monitoring.read',
    summary: '在线监测告警的上下文：企业、重大危险源（等级、危险化学品）、传感器读数与阈值、附近队伍、适用预案',
  })
  context(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<MonitoringAlarmContext> {
    return this.handler.context(id, actor);
  }

  @Post(':id/open-incident')
  @Requires('incident.report')
  @HttpCode(200)
  @ApiOperation({
    summary: '由在线监测告警转为事故接报：返回预填的接报草稿（不登记事故、不确认告警；由值班员核对后提交）',
  })
  openIncident(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<IncidentIntakeDraft> {
    return this.handler.draft(id, actor);
  }
}

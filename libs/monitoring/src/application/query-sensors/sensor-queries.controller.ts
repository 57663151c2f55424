import { Param, Query } from '@nestjs/common';
import { Controller } from '@nestjs/common';
import { HazardSourceRegister } from '@app/enterprises';
import { NotFoundError, type Actor } from '@app/shared';
import { CurrentActor, QueryGet, uuidParam, Paged, type ListPaging } from '@app/shared/nest';
import { ApiTags } from '@nestjs/swagger';
import type { OnlineRateView, SensorTrend, SensorView } from '../../contract';
import { SensorTrendReader } from '../../read-models/readings/sensor-trend.reader';
import { OnlineRateReader } from '../../read-models/sensors/online-rate.reader';
import { SensorRegister } from '../../read-models/sensors/sensor.queries';
import { OnlineRateRequest, TrendRequest } from './trend.request';

/** How the list pages (docs/api.md, "Paging every list"). */
const SENSOR_PAGING: ListPaging<SensorView> = {
  list: 'sensors/1',
  order: 'status-code',
  kinds: ['text', 'text', 'uuid'],
  keys: (s) => [s.status, s.code, s.id],
  defaultLimit: 500,
  maxLimit: 500,
};

@ApiTags('monitoring')
@Controller()
export class SensorQueriesController {
  constructor(
    private readonly sensors: SensorRegister,
    private readonly hazardSources: HazardSourceRegister,
    private readonly trends: SensorTrendReader,
    private readonly onlineRate: OnlineRateReader,
  ) {}

  @Paged(SENSOR_PAGING)
  @QueryGet('hazard-sources/:id/sensors', { requires: 'monitoring.read', summary: '重大危险源的传感器及其最新读数' })
  async list(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<SensorView[]> {
    const source = await this.hazardSources.find(id);
    if (!source || !actor.scope.includes(source.jurisdiction))
      throw new NotFoundError('HAZARD_SOURCE', '重大危险源', id);
    return this.sensors.listByHazardSource(id);
  }

  @QueryGet('monitoring/online-rate', { requires: 'monitoring.read', summary: '在线监测监控率（按辖区、企业）' })
  rate(@Query() query: OnlineRateRequest, @CurrentActor() actor: Actor): Promise<OnlineRateView> {
    return this.onlineRate.rate(query.jurisdiction ?? actor.jurisdiction, actor.scope);
  }

  @QueryGet('monitoring/sensors/:id', { requires: 'monitoring.read', summary: '传感器详情' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<SensorView> {
    return this.sensors.get(id, actor.scope);
  }

  @QueryGet('monitoring/sensors/:id/readings', {
    requires: 'monitoring.read',
    summary: '传感器读数趋势（短时段为原始读数，长时段为分钟/小时聚合）',
  })
  trend(
    @Param('id', uuidParam) id: string,
    @Query() query: TrendRequest,
    @CurrentActor() actor: Actor,
  ): Promise<SensorTrend> {
    return this.trends.trend(id, actor.scope, query);
  }
}

import { Inject, Query } from '@nestjs/common';
import { CLOCK, type Actor, type Clock } from '@app/shared';
import { CurrentActor, QueryController, QueryGet } from '@app/shared/nest';
import type { NearbyIncidentView } from '../../contract';
import { NearbyIncidentsQueries } from '../../read-models/incident-board/nearby-incidents.queries';
import {
  NEARBY_DEFAULT_LOOK_BACK_MS,
  NEARBY_LOOK_BACK_LIMIT_MS,
  NearbySinceTooEarlyError,
} from './nearby-incidents.errors';
import { NearbyIncidentsRequest } from './nearby-incidents.request';

// A controller of its own on the same path: a static segment (`nearby`) wins over `:id` in the router.
@QueryController('incidents', { tag: 'incidents' })
export class NearbyIncidentsController {
  constructor(
    private readonly nearby: NearbyIncidentsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @QueryGet('nearby', {
    requires: 'incident.read',
    summary: '附近近期接报的事故（疑似同一事故；默认 1 公里、一小时内；不含演练数据）',
  })
  near(@Query() query: NearbyIncidentsRequest, @CurrentActor() actor: Actor): Promise<NearbyIncidentView[]> {
    const now = this.clock.now().getTime();
    const since = query.since ? new Date(query.since) : new Date(now - NEARBY_DEFAULT_LOOK_BACK_MS);
    if (since.getTime() < now - NEARBY_LOOK_BACK_LIMIT_MS) throw new NearbySinceTooEarlyError();
    return this.nearby.near({
      lat: query.lat,
      lng: query.lng,
      radiusM: query.radiusM ?? 1000,
      since,
      ...(query.address ? { address: query.address } : {}),
      ...(query.jurisdiction ? { jurisdiction: query.jurisdiction } : {}),
      ...(query.drillId ? { drillId: query.drillId } : {}),
      scope: actor.scope,
    });
  }
}

import { Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet } from '@app/shared/nest';
import { AvailabilityReader } from './availability.reader';
import { AvailabilityRequest } from './availability.request';

@QueryController('availability', { tag: 'dispatch' })
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityReader) {}

  @QueryGet(undefined, {
    requires: 'warehouse.read',
    summary: '资源可用情况：队伍（按专长、状态）与物资（按品种汇总各库）',
  })
  get(@Query() query: AvailabilityRequest, @CurrentActor() actor: Actor) {
    return this.availability.summary(query.jurisdiction, actor);
  }
}

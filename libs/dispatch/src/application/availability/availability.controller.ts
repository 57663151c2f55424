import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires } from '@app/shared/nest';
import { AvailabilityReader } from './availability.reader';
import { AvailabilityRequest } from './availability.request';

@ApiTags('dispatch')
@Controller('availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityReader) {}

  @Get()
  @Requires('warehouse.read')
  @ApiOperation({ summary: '资源可用情况：队伍（按专长、状态）与物资（按品种汇总各库）' })
  get(@Query() query: AvailabilityRequest, @CurrentActor() actor: Actor) {
    return this.availability.summary(query.jurisdiction, actor);
  }
}

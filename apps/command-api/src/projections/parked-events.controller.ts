import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PROJECTION_RUNNER, type ParkedEvent, type ProjectionRunner } from '@app/event-sourcing/projections';
import { DomainError } from '@app/shared';
import { Requires, uuidParam } from '@app/shared/nest';

/**
 * Events a projection or process manager set aside after its bounded retries (docs/adr/0010), and the retry an
 * administrator starts once the cause is fixed. Parked events belong to the whole installation, not to a
 * jurisdiction: only administrators see them.
 */
@ApiTags('admin')
@Controller('admin/projections')
export class ParkedEventsController {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  @Get('parked')
  @Requires('projection.admin')
  @ApiOperation({ summary: '搁置事件：投影多次重试仍无法应用、已跳过的事件（含原因与重试次数）' })
  parked(): Promise<ParkedEvent[]> {
    return this.runner.parked();
  }

  @Post(':name/parked/:eventId/retry')
  @HttpCode(200)
  @Requires('projection.admin')
  @ApiOperation({ summary: '重试一条搁置事件（修复原因后）：应用成功则不再计入搁置' })
  async retry(
    @Param('name') name: string,
    @Param('eventId', uuidParam) eventId: string,
  ): Promise<{ applied: true; eventId: string }> {
    if (!this.runner.status().some((p) => p.name === name)) {
      throw new DomainError('PROJECTION_NOT_FOUND', 'not_found', '没有这个投影', { projection: name.slice(0, 100) });
    }
    const outcome = await this.runner.retryParked(name, eventId);
    if (!outcome)
      throw new DomainError('PARKED_EVENT_NOT_FOUND', 'not_found', '该投影没有这条搁置中的事件', {
        projection: name,
        eventId,
      });
    if (!outcome.applied) {
      throw new DomainError(
        'PARKED_EVENT_STILL_FAILS',
        'conflict',
        '重试仍未能应用该事件，事件保持搁置；请先排除原因',
        { projection: name, eventId, error: outcome.error },
      );
    }
    return { applied: true, eventId };
  }
}

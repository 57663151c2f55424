import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { Public } from '@app/shared/nest';

/** Liveness for operators and load balancers: the read-model database, the event store, and projection lag. */
@ApiTags('health')
@Public() // load balancers and operators probe it without a token; it names no incident
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: '健康检查：数据库、事件存储与投影' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      async () => {
        const indicator = this.indicators.check('eventStore');
        try {
          await this.store.ping();
          return indicator.up();
        } catch (error) {
          return indicator.down({ message: error instanceof Error ? error.message : String(error) });
        }
      },
      () => this.indicators.check('projections').up({ projections: this.runner.status() }),
    ]);
  }
}

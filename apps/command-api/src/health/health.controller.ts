import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { Public } from '@app/shared/nest';
import { Lifecycle } from '../lifecycle/lifecycle';

/** Health for operators and load balancers: `/health` in full (database, event store, projections), `/health/live`, `/health/ready`. */
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
    private readonly lifecycle: Lifecycle,
  ) {}

  /** Liveness: the process answers. A failing liveness probe means "restart me"; a database outage is not that. */
  @Get('live')
  @ApiOperation({ summary: '存活探针：进程可响应' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: send me traffic. Down while the database or the event store cannot be reached, and while the process
   * drains before it stops.
   */
  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: '就绪探针：数据库与事件存储可用且未在停机' })
  ready() {
    if (this.lifecycle.draining) throw new ServiceUnavailableException('正在停机，不再接收新请求');
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      () => this.eventStoreCheck(),
    ]);
  }

  private async eventStoreCheck() {
    const indicator = this.indicators.check('eventStore');
    try {
      await this.store.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * `status` is `degraded` (still 200: everything answers and the projections go on) while events are parked: some read
   * model lacks what they would have written until an administrator retries them (docs/adr/0010).
   */
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: '健康检查：数据库、事件存储与投影；有搁置事件时为 degraded' })
  async check(): Promise<Omit<HealthCheckResult, 'status'> & { status: HealthCheckResult['status'] | 'degraded' }> {
    let parked: Map<string, number> | undefined;
    const result = await this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      () => this.eventStoreCheck(),
      async () => {
        parked = await this.runner.parkedCounts().catch(() => undefined);
        const parkedEvents = parked ? Object.fromEntries(parked) : null;
        return this.indicators.check('projections').up({ projections: this.runner.status(), parkedEvents });
      },
    ]);
    const total = [...(parked?.values() ?? [])].reduce((a, b) => a + b, 0);
    return total > 0 ? { ...result, status: 'degraded' } : result;
  }
}

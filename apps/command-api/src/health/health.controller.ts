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
import { Public, type AppConfig } from '@app/shared/nest';
import { Lifecycle } from '../lifecycle/lifecycle';
import { APP_CONFIG } from '../infrastructure/infrastructure.module';
import { TRANSACTION_HORIZON, type HorizonSample, type TransactionHorizon } from './transaction-horizon';
import { CATCH_UP, type CatchUpProgress, type CatchUpReport } from './catch-up';

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
    @Inject(TRANSACTION_HORIZON) private readonly horizon: TransactionHorizon,
    @Inject(CATCH_UP) private readonly catchUp: CatchUpProgress,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'HEALTH_OLD_TRANSACTION_SECONDS'>,
  ) {}

  /** Liveness: the process answers. A failing liveness probe means "restart me"; a database outage is not that. */
  @Get('live')
  @ApiOperation({ summary: '存活探针：进程可响应' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: send me traffic. Down while the database or the event store cannot be reached, and while the process
   * drains before it stops. A process whose projections are still catching up after its start is ready: commands are
   * stored and answered (202 while a read model trails), and the read models are shared by every process, so keeping
   * this one out would not give anyone fresher answers (docs/operations.md, "Catching up after a start").
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
   * model lacks what they would have written until an administrator retries them (docs/adr/0010); and while one
   * transaction has held back the event store's readers for longer than HEALTH_OLD_TRANSACTION_SECONDS: projections,
   * live deltas and read-your-writes waits stand still until it ends. `transactions.oldest` names it (pid,
   * application, state, age) so an operator can end it (docs/operations.md); and while a projection is stopped on a
   * record it cannot decode (`projections[].stopped` says why).
   *
   * `catching_up` (still 200) from a start until every projection and process manager has been through the log once:
   * `info.catchUp` (`catchingUp`, `head`, `startedAt`, `projections`) gives per projection its checkpoint, the events
   * of its filter still behind it, its rate here and an estimate, and the head of the log. `degraded` wins over it
   * (someone has to act; catching up ends by itself).
   */
  @Get()
  @HealthCheck()
  @ApiOperation({
    summary:
      '健康检查：数据库、事件存储与投影；有搁置事件或长事务阻塞投影时为 degraded，启动后追赶事件时为 catching_up',
  })
  async check(): Promise<
    Omit<HealthCheckResult, 'status'> & { status: HealthCheckResult['status'] | 'degraded' | 'catching_up' }
  > {
    let parked: Map<string, number> | undefined;
    let horizon: HorizonSample | undefined;
    let catchUp: CatchUpReport | undefined;
    const thresholdSeconds = this.config.HEALTH_OLD_TRANSACTION_SECONDS;
    const result = await this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      () => this.eventStoreCheck(),
      async () => {
        parked = await this.runner.parkedCounts().catch(() => undefined);
        const parkedEvents = parked ? Object.fromEntries(parked) : null;
        return this.indicators.check('projections').up({ projections: this.runner.status(), parkedEvents });
      },
      async () => {
        // Unreadable (database down) says nothing about transactions: the database check above reports that.
        horizon = await this.horizon.sample().catch(() => undefined);
        return this.indicators.check('transactions').up({
          oldest: horizon?.oldest ?? null,
          transactionsBehind: horizon?.transactionsBehind ?? null,
          idleInTransaction: horizon?.idleInTransaction ?? null,
          thresholdSeconds,
        });
      },
      async () => {
        // Unreadable (database down): the database check says so; nothing is known about catching up.
        catchUp = await this.catchUp.report().catch(() => undefined);
        return this.indicators.check('catchUp').up({
          catchingUp: catchUp ? catchUp.status === 'catching_up' : null,
          head: catchUp?.head ?? null,
          startedAt: catchUp?.startedAt ?? null,
          projections: catchUp?.projections ?? [],
        });
      },
    ]);
    const total = [...(parked?.values() ?? [])].reduce((a, b) => a + b, 0);
    const stalled = (horizon?.oldest?.ageSeconds ?? 0) > thresholdSeconds;
    // A projection stopped on a record it cannot decode: its read model stands still until an operator acts.
    const stopped = this.runner.status().some((p) => p.stopped !== null);
    if (total > 0 || stalled || stopped) return { ...result, status: 'degraded' };
    return result.status === 'ok' && catchUp?.status === 'catching_up' ? { ...result, status: 'catching_up' } : result;
  }
}

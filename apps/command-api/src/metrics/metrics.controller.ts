import { Controller, ForbiddenException, Get, Header, Inject, Req, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { CLOCK, type Clock } from '@app/shared';
import { Public } from '@app/shared/nest';
import { MonitoringCounters } from '@app/monitoring';
import { DeadlineAlarmScheduler } from '@app/incidents';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Lifecycle } from '../lifecycle/lifecycle';
import { ConsoleGateway } from '../realtime/console.gateway';
import { METRICS, type CommandApiMetrics } from './metrics';
import { METRICS_ACCESS, type MetricsAccess } from './metrics-access';
import { TRANSACTION_HORIZON, type TransactionHorizon } from '../health/transaction-horizon';

/**
 * `GET /metrics` in Prometheus' text format. It needs no user token (a scraper has none) and names no incident or
 * person, only counts and latencies; who may scrape is METRICS_ALLOW / METRICS_TOKEN (metrics-access.ts): by default
 * this machine only.
 */
@ApiTags('metrics')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS) private readonly metrics: CommandApiMetrics,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly gateway: ConsoleGateway,
    @Inject(METRICS_ACCESS) private readonly access: MetricsAccess,
    @Inject(TRANSACTION_HORIZON) private readonly horizon: TransactionHorizon,
    private readonly monitoring: MonitoringCounters,
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly lifecycle: Lifecycle,
    private readonly modules: ModuleRef,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus 指标（本机或 METRICS_ALLOW 所列地址，或携带 METRICS_TOKEN）' })
  @Header('cache-control', 'no-store')
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  async scrape(@Req() request: FastifyRequest): Promise<string> {
    const verdict = this.access.check(request.ip, request.headers.authorization);
    if (verdict === 'address') throw new ForbiddenException('此地址无权读取监控指标（METRICS_ALLOW）');
    if (verdict === 'token') throw new UnauthorizedException('读取监控指标须携带 METRICS_TOKEN');
    // Gauges that describe "now" are read at scrape time rather than kept up to date on every event.
    const parked = await this.runner.parkedCounts().catch(() => undefined);
    for (const p of this.runner.status()) {
      this.metrics.projectionOwner.set({ projection: p.name }, p.owner ? 1 : 0);
      if (parked) this.metrics.projectionParked.set({ projection: p.name }, parked.get(p.name) ?? 0);
    }
    for (const lag of await this.runner.lag(this.clock.now()).catch(() => [])) {
      this.metrics.projectionLagEvents.set({ projection: lag.name }, lag.events);
      this.metrics.projectionLagSeconds.set({ projection: lag.name }, lag.seconds);
    }
    const horizon = await this.horizon.sample().catch(() => undefined);
    if (horizon) {
      this.metrics.oldestTransactionAge.set(horizon.oldest?.ageSeconds ?? 0);
      this.metrics.transactionsBehind.set(horizon.transactionsBehind);
      this.metrics.idleInTransaction.set(horizon.idleInTransaction);
    }
    this.metrics.socketConnections.set(this.gateway.connectedConsoles());
    const buffer = this.gateway.resumeBuffer();
    this.metrics.deltaBufferDeltas.set(buffer.deltas);
    this.metrics.deltaBufferBytes.set(buffer.bytes);
    const counts = this.monitoring.snapshot();
    for (const via of ['http', 'mqtt'] as const) {
      for (const outcome of ['accepted', 'rejected', 'malformed'] as const)
        this.metrics.monitoringReadings.set({ via, outcome }, counts[outcome][via]);
    }
    await this.sampleService();
    return this.metrics.registry.metrics();
  }

  /** Readiness as GET /health/ready sees it, the reporting-deadline watch's last good tick, and the pool's use. */
  private async sampleService(): Promise<void> {
    const answers = (work: () => Promise<unknown>) =>
      work().then(
        () => true,
        () => false,
      );
    const ready =
      !this.lifecycle.draining &&
      (await answers(() => this.store.ping())) &&
      (await answers(() => this.dataSource.query('select 1')));
    this.metrics.ready.set(ready ? 1 : 0);
    // Looked up, not injected: the watch belongs to the incidents context, which exports only what others use.
    const watch = this.modules.get(DeadlineAlarmScheduler, { strict: false });
    if (watch.lastSucceededAt !== undefined)
      this.metrics.scheduledJobLastSuccess.set({ job: watch.label }, watch.lastSucceededAt / 1000);
    const pool = (this.dataSource.driver as { master?: PoolCounts }).master;
    if (pool) {
      this.metrics.databasePoolConnections.set({ state: 'busy' }, pool.totalCount - pool.idleCount);
      this.metrics.databasePoolConnections.set({ state: 'idle' }, pool.idleCount);
      this.metrics.databasePoolWaiting.set(pool.waitingCount);
      if (typeof pool.options?.max === 'number') this.metrics.databasePoolMax.set(pool.options.max);
    }
  }
}

/** What node-postgres' pool tells about itself (TypeORM's PostgreSQL driver keeps it as `master`). */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: unknown };
}

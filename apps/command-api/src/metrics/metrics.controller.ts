import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { CLOCK, type Clock } from '@app/shared';
import { Public } from '@app/shared/nest';
import { ConsoleGateway } from '../realtime/console.gateway';
import { METRICS, type CommandApiMetrics } from './metrics';

/**
 * `GET /metrics` in Prometheus' text format. Public like /health (a scraper carries no user token); it names no
 * incident or person, only counts and latencies. Restrict it to the monitoring network at the load balancer.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS) private readonly metrics: CommandApiMetrics,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly gateway: ConsoleGateway,
  ) {}

  @Get()
  @Header('cache-control', 'no-store')
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  async scrape(): Promise<string> {
    // Gauges that describe "now" are read at scrape time rather than kept up to date on every event.
    for (const p of this.runner.status()) this.metrics.projectionOwner.set({ projection: p.name }, p.owner ? 1 : 0);
    for (const lag of await this.runner.lag(this.clock.now()).catch(() => [])) {
      this.metrics.projectionLagEvents.set({ projection: lag.name }, lag.events);
      this.metrics.projectionLagSeconds.set({ projection: lag.name }, lag.seconds);
    }
    this.metrics.socketConnections.set(this.gateway.connectedConsoles());
    const buffer = this.gateway.resumeBuffer();
    this.metrics.deltaBufferDeltas.set(buffer.deltas);
    this.metrics.deltaBufferBytes.set(buffer.bytes);
    return this.metrics.registry.metrics();
  }
}

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics of one API process (prom-client: the de-facto Node client, kept by the Prometheus
 * community; its default metrics add CPU, memory, GC and event-loop lag). Names follow Prometheus conventions:
 * base units (seconds), `_total` for counters, low-cardinality labels (route patterns, not URLs).
 */
export class CommandApiMetrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'commands_total',
    help: 'Commands (POST/PUT/PATCH/DELETE) by route pattern and outcome: accepted, rejected (4xx), unavailable (503), failed (5xx)',
    labelNames: ['route', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'event_store_append_duration_seconds',
    help: 'Event store append latency, by outcome',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  readonly projectionLagEvents = new Gauge({
    name: 'projection_lag_events',
    help: 'Events committed but not yet applied by the projection (capped at 10000), as seen by this process',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionLagSeconds = new Gauge({
    name: 'projection_lag_seconds',
    help: 'Age of the oldest event the projection has not applied yet (0 when caught up)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionOwner = new Gauge({
    name: 'projection_owner',
    help: '1 when this process runs the projection (holds its lock), else 0',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionParked = new Gauge({
    name: 'projection_parked_events',
    help: 'Events the projection set aside after its bounded retries and that no retry has applied yet (all processes)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly socketConnections = new Gauge({
    name: 'console_socket_connections',
    help: 'Consoles connected to this process over Socket.IO',
    registers: [this.registry],
  });

  readonly deltaBufferDeltas = new Gauge({
    name: 'live_delta_buffer_deltas',
    help: 'Deltas kept for consoles that resume after a reconnect (bounded: 20,000 or 64 MB)',
    registers: [this.registry],
  });

  readonly deltaBufferBytes = new Gauge({
    name: 'live_delta_buffer_bytes',
    help: 'Approximate bytes held by the resume buffer',
    registers: [this.registry],
  });

  readonly monitoringReadings = new Gauge({
    name: 'monitoring_readings_since_start',
    help: 'Readings from gateways since this process started, by way in (http, mqtt) and outcome (accepted, rejected, malformed: a subset of rejected)',
    labelNames: ['via', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly liveDeltas = new Counter({
    name: 'live_deltas_total',
    help: 'Live deltas produced by this process, by message name',
    labelNames: ['name'] as const,
    registers: [this.registry],
  });

  readonly deadlineAlarms = new Counter({
    name: 'deadline_alarms_total',
    help: 'Reporting-deadline alarms raised (due: 10 minutes before, overdue: missed)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly oldestTransactionAge = new Gauge({
    name: 'database_oldest_transaction_age_seconds',
    help: 'Age of the open transaction that holds back the event store readers (the oldest transaction id still running), 0 when none; a lower bound when the role cannot see its start (docs/operations.md)',
    registers: [this.registry],
  });

  readonly transactionsBehind = new Gauge({
    name: 'database_transactions_behind_horizon',
    help: 'Transactions begun since the oldest one still running: what writers have done that readers may not see yet',
    registers: [this.registry],
  });

  readonly idleInTransaction = new Gauge({
    name: 'database_idle_in_transaction_sessions',
    help: 'Sessions idle inside an open transaction, among those the database role may see',
    registers: [this.registry],
  });

  readonly ready = new Gauge({
    name: 'command_api_ready',
    help: 'What GET /health/ready answers: 1 when the database and the event store answer and the process is not draining, else 0',
    registers: [this.registry],
  });

  readonly scheduledJobLastSuccess = new Gauge({
    name: 'scheduled_job_last_success_timestamp_seconds',
    help: 'When a scheduled job (deadline: the reporting-deadline watch) last completed a tick without failing (Unix time)',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  readonly databasePoolConnections = new Gauge({
    name: 'database_pool_connections',
    help: 'Connections of the read-model pool (TypeORM), by state: busy (checked out) or idle',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  readonly databasePoolWaiting = new Gauge({
    name: 'database_pool_waiting_requests',
    help: 'Queries waiting for a connection of the read-model pool (all connections busy)',
    registers: [this.registry],
  });

  readonly databasePoolMax = new Gauge({
    name: 'database_pool_max_connections',
    help: 'Size limit of the read-model pool',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}

export const METRICS = Symbol('METRICS');

/** A command's outcome from its status code. */
export function outcomeOf(status: number): 'accepted' | 'rejected' | 'unavailable' | 'failed' {
  if (status < 400) return 'accepted';
  if (status === 503) return 'unavailable';
  return status < 500 ? 'rejected' : 'failed';
}

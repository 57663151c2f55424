import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { createEventStore } from './event-store.factory';
import { CommandApiMetrics, METRICS } from '../metrics/metrics';
import { MeteredEventStore } from '../metrics/metered-event-store';
import { startTracing, TRACING, type Tracing, type TracingSettings } from '../tracing/tracing';
import { TracedEventStore } from '../tracing/traced-event-store';
import { TracedCommandExecutor } from '../tracing/traced-command-executor';
import { CommandExecutor, LiveDeltaBus, type CommandExecutorDeps } from '@app/event-sourcing';
import {
  LIVE_DELTA_BUS,
  PostgresSnapshotStore,
  PROJECTION_RUNNER,
  ProjectionRunner,
  SNAPSHOT_STORE,
  type Projection,
} from '@app/event-sourcing/projections';
import { DEADLINE_ALARM_OPTIONS } from '@app/incidents';
import { ALARM_WATCH_OPTIONS } from '@app/alarms';
import { HIDDEN_HAZARD_WATCH_OPTIONS } from '@app/hidden-hazards';
import { MONITORING_OPTIONS, MQTT_TRANSPORT_OPTIONS, monitoringOptionsOf, mqttOptionsFrom } from '@app/monitoring';
import { ROLL_CALL_OPTIONS } from '@app/duty';
import { DRILL_OPTIONS } from '@app/drills';
import { REPLAY_OPTIONS } from '@app/replay';
import { loadJurisdictionRegistry } from '@app/identity';
import { ALL_PROJECTIONS, allProjections } from './projection-registry';
import {
  CLOCK,
  DRILL_PARTICIPATION,
  JURISDICTIONS,
  systemClock,
  type DrillParticipation,
  type Clock,
  type JurisdictionRegistry,
} from '@app/shared';
import { KnownJurisdictionConstraint, type AppConfig } from '@app/shared/nest';

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Wiring only: picks the event-store adapter from configuration and builds the single-process projection
 * runner with every context's projections.
 */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Infrastructure');

  constructor(
    @Inject(LIVE_DELTA_BUS) private readonly bus: LiveDeltaBus,
    @Inject(METRICS) private readonly metrics: CommandApiMetrics,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig & { RUN_PROJECTIONS?: boolean },
    @Inject(TRACING) private readonly tracing: Tracing | null,
  ) {}

  static forRoot(
    config: AppConfig & TracingSettings & { DATABASE_URL: string; RUN_PROJECTIONS?: boolean; clock?: Clock },
  ): DynamicModule {
    // The one write path, traced when tracing is on (docs/operations.md, "Traces"); the kernel stays the same.
    const executor = (deps: CommandExecutorDeps, tracing: Tracing | null): CommandExecutor =>
      tracing ? new TracedCommandExecutor(deps, tracing) : new CommandExecutor(deps);
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        // Tests that measure times (drill evaluation, deadlines) drive a ManualClock; everything else reads the system's.
        { provide: CLOCK, useValue: config.clock ?? systemClock },
        {
          provide: JURISDICTIONS,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => loadJurisdictionRegistry(dataSource),
        },
        { provide: LIVE_DELTA_BUS, useValue: new LiveDeltaBus() },
        KnownJurisdictionConstraint,
        { provide: DEADLINE_ALARM_OPTIONS, useValue: { tickMs: config.DEADLINE_TICK_MS } },
        { provide: ROLL_CALL_OPTIONS, useValue: { tickMs: config.ROLL_CALL_TICK_MS } },
        { provide: ALARM_WATCH_OPTIONS, useValue: { tickMs: config.ALARM_TICK_MS } },
        { provide: DRILL_OPTIONS, useValue: { tickMs: config.DRILL_TICK_MS } },
        { provide: MONITORING_OPTIONS, useValue: monitoringOptionsOf(config) },
        {
          provide: HIDDEN_HAZARD_WATCH_OPTIONS,
          useValue: { tickMs: config.HIDDEN_HAZARD_TICK_MS, pageSize: config.HIDDEN_HAZARD_WATCH_PAGE_SIZE },
        },
        { provide: REPLAY_OPTIONS, useValue: { perUser: config.REPLAYS_PER_USER } },
        { provide: MQTT_TRANSPORT_OPTIONS, useValue: mqttOptionsFrom(config) },
        {
          provide: SNAPSHOT_STORE,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new PostgresSnapshotStore(dataSource),
        },
        { provide: METRICS, useValue: new CommandApiMetrics() },
        // Null unless OTEL_TRACES_EXPORTER / OTEL_EXPORTER_OTLP_ENDPOINT ask for traces: then nothing is wrapped.
        { provide: TRACING, useFactory: (): Tracing | null => startTracing(config) ?? null },
        {
          provide: EVENT_STORE,
          inject: [METRICS, TRACING],
          useFactory: (metrics: CommandApiMetrics, tracing: Tracing | null): EventStore => {
            const metered = new MeteredEventStore(createEventStore(config), metrics);
            if (!tracing) return metered;
            return new TracedEventStore(
              metered,
              tracing,
              config.EVENT_STORE === 'kurrentdb' ? 'kurrentdb' : 'postgresql',
            );
          },
        },
        {
          // The one write path (docs/adr/0012-one-write-path.md): every command of every context runs through it.
          provide: CommandExecutor,
          inject: [EVENT_STORE, CLOCK, SNAPSHOT_STORE, PROJECTION_RUNNER, DRILL_PARTICIPATION, TRACING],
          useFactory: (
            store: EventStore,
            clock: Clock,
            snapshots: PostgresSnapshotStore,
            readModels: ProjectionRunner,
            drills: DrillParticipation,
            tracing: Tracing | null,
          ) => executor({ store, clock, snapshots, readModels, drills }, tracing),
        },
        {
          provide: ALL_PROJECTIONS,
          inject: [DataSource, EVENT_STORE, JURISDICTIONS, CLOCK, SNAPSHOT_STORE, DRILL_PARTICIPATION, TRACING],
          useFactory: (
            dataSource: DataSource,
            store: EventStore,
            jurisdictions: JurisdictionRegistry,
            clock: Clock,
            snapshots: PostgresSnapshotStore,
            drills: DrillParticipation,
            tracing: Tracing | null,
          ): Projection[] =>
            // The process managers run inside the runner: their executors do not wait on the read models.
            allProjections({
              dataSource,
              jurisdictions,
              clock,
              dispatchExecutor: executor({ store, clock, snapshots }, tracing),
              drillTeamsExecutor: executor({ store, clock, snapshots, drills }, tracing),
            }),
        },
        {
          provide: PROJECTION_RUNNER,
          inject: [DataSource, EVENT_STORE, LIVE_DELTA_BUS, ALL_PROJECTIONS, TRACING],
          useFactory: (
            dataSource: DataSource,
            store: EventStore,
            bus: LiveDeltaBus,
            projections: Projection[],
            tracing: Tracing | null,
          ) =>
            new ProjectionRunner(dataSource, store, projections, bus, {
              log: (m) => new Logger('Projections').warn(m),
              readModelWaitMs: config.READ_MODEL_WAIT_MS,
              ...(tracing ? { aroundBatch: tracing.projectionBatches() } : {}),
            }),
        },
      ],
      exports: [
        CommandExecutor,
        METRICS,
        DEADLINE_ALARM_OPTIONS,
        ROLL_CALL_OPTIONS,
        ALARM_WATCH_OPTIONS,
        DRILL_OPTIONS,
        MONITORING_OPTIONS,
        HIDDEN_HAZARD_WATCH_OPTIONS,
        REPLAY_OPTIONS,
        MQTT_TRANSPORT_OPTIONS,
        APP_CONFIG,
        CLOCK,
        JURISDICTIONS,
        LIVE_DELTA_BUS,
        EVENT_STORE,
        PROJECTION_RUNNER,
        ALL_PROJECTIONS,
        SNAPSHOT_STORE,
        TRACING,
        KnownJurisdictionConstraint,
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    // Every process checks, not only the one that runs projections: all of them answer from these read models.
    await this.runner.verifyCheckpointOrigin();
    // Every live delta of this process, and the deadline alarms among them, are counted for /metrics.
    this.bus.deltas.subscribe((delta) => {
      this.metrics.liveDeltas.inc({ name: delta.name });
      if (delta.name === 'deadline.due' || delta.name === 'deadline.overdue')
        this.metrics.deadlineAlarms.inc({ kind: delta.name === 'deadline.due' ? 'due' : 'overdue' });
    });
    if (this.config.RUN_PROJECTIONS === false) return;
    this.runner.start();
    this.logger.log('projections started');
  }

  /**
   * Projections stop before any module closes its connections: TypeORM closes its data source in its own shutdown hook,
   * which Nest may call before this module's, and a projection still running would then fail its batch mid-way.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    // Last: the spans of the stop itself are sent too.
    await this.tracing?.shutdown();
  }
}

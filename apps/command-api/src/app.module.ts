import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AnswerStore } from './http/idempotent-answers/answer-store';
import { IdempotentAnswersInterceptor } from './http/idempotent-answers/idempotent-answers.interceptor';
import { IdentityModule } from '@app/identity';
import { IncidentsModule } from '@app/incidents';
import { DispatchModule } from '@app/dispatch';
import { EvaluationModule } from '@app/evaluation';
import { PlansModule } from '@app/plans';
import { TeamsModule } from '@app/teams';
import { DutyModule } from '@app/duty';
import { DrillsModule } from '@app/drills';
import { WarehousesModule } from '@app/warehouses';
import { WarningsModule } from '@app/warnings';
import { AlarmsModule } from '@app/alarms';
import { EnterprisesModule } from '@app/enterprises';
import { MonitoringModule } from '@app/monitoring';
import { HiddenHazardsModule } from '@app/hidden-hazards';
import { ExpertsModule } from '@app/experts';
import { SheltersModule } from '@app/shelters';
import { TargetsModule } from '@app/targets';
import { ReplayModule } from '@app/replay';
import type { AppConfig } from '@app/shared/nest';
import { RevisionETagInterceptor } from '@app/shared/nest';
import type { Clock } from '@app/shared';
import { HealthController } from './health/health.controller';
import { TRANSACTION_HORIZON, TransactionHorizon } from './health/transaction-horizon';
import { CATCH_UP, CatchUpProgress } from './health/catch-up';
import { ALL_PROJECTIONS } from './infrastructure/projection-registry';
import { PROJECTION_RUNNER, type Projection, type ProjectionRunner } from '@app/event-sourcing/projections';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { sessionLimits } from './infrastructure/session-limits';
import { CancellableClient, RequestCancellationInterceptor } from './infrastructure/request-cancellation';
import { ConsoleGateway, REALTIME_OPTIONS } from './realtime/console.gateway';
import { MetricsController } from './metrics/metrics.controller';
import { ParkedEventsController } from './projections/parked-events.controller';
import { Lifecycle } from './lifecycle/lifecycle';
import { METRICS_ACCESS, MetricsAccess } from './metrics/metrics-access';
import { RATE_LIMIT_OPTIONS, RateLimiter, UserRateLimitInterceptor } from './http/rate-limit';
import type { TracingSettings } from './tracing/tracing';

export type CommandApiConfig = AppConfig &
  TracingSettings & { DATABASE_URL: string; RUN_PROJECTIONS?: boolean; clock?: Clock };

/** Composes the bounded contexts with the infrastructure they need. Wiring only. */
@Module({})
export class AppModule {
  static forRoot(config: CommandApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.DATABASE_URL,
          // Each context registers its own tables (TypeOrmModule.forFeature in its module).
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          // Named in pg_stat_activity, and limited like every connection of the API (infrastructure/session-limits.ts);
          // a read's statements are cancelled when its client goes away (infrastructure/request-cancellation.ts).
          applicationName: 'command-api',
          extra: { max: 20, Client: CancellableClient, ...sessionLimits(config) },
        }),
        TerminusModule,
        InfrastructureModule.forRoot(config),
        IdentityModule.forRoot({
          ...(config.AUTH_TOKEN_SECRET ? { secret: config.AUTH_TOKEN_SECRET } : {}),
          ttlSeconds: config.AUTH_TOKEN_TTL_MINUTES * 60,
          sessionHours: config.AUTH_SESSION_HOURS,
          eventLogInPostgres: config.EVENT_STORE === 'postgres',
        }),
        IncidentsModule,
        TeamsModule,
        WarehousesModule,
        DispatchModule,
        DutyModule,
        PlansModule,
        DrillsModule,
        EvaluationModule,
        WarningsModule,
        AlarmsModule,
        ReplayModule,
        EnterprisesModule,
        MonitoringModule,
        HiddenHazardsModule,
        ExpertsModule,
        SheltersModule,
        TargetsModule,
      ],
      controllers: [HealthController, MetricsController, ParkedEventsController],
      providers: [
        Lifecycle,
        // Rate limits (http/rate-limit.ts): anonymous requests per address in a Fastify hook before anything else
        // (bootstrap.ts), signed-in ones per user in this interceptor, after the auth guard; counted in PostgreSQL.
        {
          provide: RATE_LIMIT_OPTIONS,
          useValue: {
            perUser: config.RATE_LIMIT_PER_MINUTE,
            perAddress: config.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
            perAddressSignIn: config.RATE_LIMIT_SIGN_IN_PER_MINUTE,
            perAddressDevice: config.RATE_LIMIT_DEVICE_PER_MINUTE,
          },
        },
        RateLimiter,
        { provide: METRICS_ACCESS, useValue: new MetricsAccess(config) },
        {
          provide: TRANSACTION_HORIZON,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new TransactionHorizon(dataSource),
        },
        {
          provide: CATCH_UP,
          inject: [PROJECTION_RUNNER, ALL_PROJECTIONS, DataSource, EVENT_STORE],
          useFactory: (
            runner: ProjectionRunner,
            projections: Projection[],
            dataSource: DataSource,
            store: EventStore,
          ) => new CatchUpProgress(runner, projections, dataSource, store),
        },
        // First, so that everything serving a read runs with the signal of its client's going away.
        { provide: APP_INTERCEPTOR, useClass: RequestCancellationInterceptor },
        { provide: APP_INTERCEPTOR, useClass: UserRateLimitInterceptor },
        // After the rate limit: stored first answers and 202s of commands (http/idempotent-answers, ADR 0013).
        AnswerStore,
        { provide: APP_INTERCEPTOR, useClass: IdempotentAnswersInterceptor },
        // Reads of one aggregate answer its revision as ETag (and 304 to a matching If-None-Match).
        { provide: APP_INTERCEPTOR, useClass: RevisionETagInterceptor },
        { provide: REALTIME_OPTIONS, useValue: { flushMs: config.LIVE_FLUSH_MS, clustered: config.CLUSTER } },
        ConsoleGateway,
      ],
    };
  }
}

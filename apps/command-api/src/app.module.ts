import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentBoardRow, IncidentsModule, IncidentTimelineRow } from '@app/incidents';
import type { AppConfig } from '@app/shared/nest';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { ConsoleGateway } from './realtime/console.gateway';

export type CommandApiConfig = AppConfig & { DATABASE_URL: string; RUN_PROJECTIONS?: boolean };

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
          entities: [IncidentBoardRow, IncidentTimelineRow],
          synchronize: false,
          migrationsRun: false,
          extra: { max: 20 },
        }),
        TerminusModule,
        InfrastructureModule.forRoot(config),
        IncidentsModule,
      ],
      controllers: [HealthController],
      providers: [ConsoleGateway],
    };
  }
}

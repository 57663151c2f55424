import { Client } from 'pg';
import { DataSource, type MixedList } from 'typeorm';
import { EventStore1732000000000 } from '../migrations/1732000000000-event-store';
import { ReadModels1732000000100 } from '../migrations/1732000000100-read-models';
import { Identity1732000000200 } from '../migrations/1732000000200-identity';
import { Teams1732000000300 } from '../migrations/1732000000300-teams';
import { Warehouses1732000000400 } from '../migrations/1732000000400-warehouses';
import { DeadlineProfiles1732000000500 } from '../migrations/1732000000500-deadline-profiles';
import { Plans1732000000600 } from '../migrations/1732000000600-plans';
import { Evaluation1732000001000 } from '../migrations/1732000001000-evaluation';
import { AppendFunctionV21732000001200 } from '../migrations/1732000001200-append-function-v2';
import { DeadlineCompliance1732000000610 } from '../migrations/1732000000610-deadline-compliance';
import { DutyWatch1732000000700 } from '../migrations/1732000000700-duty-watch';
import { Warnings1732000000800 } from '../migrations/1732000000800-warnings';
import { Drills1732000000900 } from '../migrations/1732000000900-drills';
import { TeamsInDrill1732000001100 } from '../migrations/1732000001100-teams-in-drill';
import { SocketIoAttachments1732000001300 } from '../migrations/1732000001300-socket-io-attachments';
import { SessionsAndSecurityEvents1732000001500 } from '../migrations/1732000001500-sessions-and-security-events';
import { LeastPrivilege1732000001600 } from '../migrations/1732000001600-least-privilege';
import { RateLimits1732000001610 } from '../migrations/1732000001610-rate-limits';
import { ParkedEvents1732000001700 } from '../migrations/1732000001700-parked-events';
import { IdempotencyKeys1732000001750 } from '../migrations/1732000001750-idempotency-keys';
import { IdempotentAnswers1732000001800 } from '../migrations/1732000001800-idempotent-answers';
import { ReportingChain1732000002000 } from '../migrations/1732000002000-reporting-chain';
import { PlanGovernance1732000002050 } from '../migrations/1732000002050-plan-governance';
import { Alarms1732000002100 } from '../migrations/1732000002100-alarms';
import { HandoverAcceptance1732000002150 } from '../migrations/1732000002150-handover-acceptance';
import { BoardPaging1732000002200 } from '../migrations/1732000002200-board-paging';
import { IncidentWorkspace1732000002250 } from '../migrations/1732000002250-incident-workspace';
import { Gazetteer1732000002300 } from '../migrations/1732000002300-gazetteer';
import { OwedReportsIndex1732000002400 } from '../migrations/1732000002400-owed-reports-index';
import { DrillFailuresAndTeams1732000002750 } from '../migrations/1732000002750-drill-failures-and-teams';
import { EnterpriseRegister1732000002900 } from '../migrations/1732000002900-enterprise-register';
import { IncidentEnterprise1732000002910 } from '../migrations/1732000002910-incident-enterprise';
import { HazardSourceRegister1732000002950 } from '../migrations/1732000002950-hazard-source-register';
import { Monitoring1732000003000 } from '../migrations/1732000003000-monitoring';
import { ReadingsUnique1732000003200 } from '../migrations/1732000003200-readings-unique';
import { HiddenHazardRegister1732000003250 } from '../migrations/1732000003250-hidden-hazard-register';
import { HiddenHazardDeadlines1732000003251 } from '../migrations/1732000003251-hidden-hazard-deadlines';
import { Experts1732000003300 } from '../migrations/1732000003300-experts';
import { TimelineConsultations1732000003310 } from '../migrations/1732000003310-timeline-consultations';
import { ConsultationAnsweredBy1732000003320 } from '../migrations/1732000003320-consultation-answered-by';
import { Shelters1732000003350 } from '../migrations/1732000003350-shelters';
import { TargetDocuments1732000003400 } from '../migrations/1732000003400-target-documents';
import { TargetRecordedFigures1732000003401 } from '../migrations/1732000003401-target-recorded-figures';
import { CoalAndNonCoalMines1732000003450 } from '../migrations/1732000003450-coal-and-non-coal-mines';
import { CheckpointStore1732000003500 } from '../migrations/1732000003500-checkpoint-store';
import { ListPaging1732000003550 } from '../migrations/1732000003550-list-paging';
import { ReplayCheckpoints1732000003610 } from '../migrations/1732000003610-replay-checkpoints';
import { BoundedReads1732000003620 } from '../migrations/1732000003620-bounded-reads';
import { ListPagingInSql1732000003621 } from '../migrations/1732000003621-list-paging-in-sql';
import { ProcessManagerFacts1732000003630 } from '../migrations/1732000003630-process-manager-facts';
import { AppendGroups1732000003640 } from '../migrations/1732000003640-append-groups';
import { CityYearReadPaths1732000003641 } from '../migrations/1732000003641-city-year-read-paths';
import { ProcessManagerSeating1732000003650 } from '../migrations/1732000003650-process-manager-seating';
import { grantApplicationRole } from './roles';

// TypeORM types its `migrations` option as MixedList<Function | string>; the list below matches that type.
/* eslint-disable @typescript-eslint/no-unsafe-function-type -- see the line above */
/** Every migration, in order. Listed explicitly so compiled and ts-run code find the same set. */
export const MIGRATIONS: MixedList<Function> = [
  EventStore1732000000000,
  ReadModels1732000000100,
  Identity1732000000200,
  Teams1732000000300,
  Warehouses1732000000400,
  DeadlineProfiles1732000000500,
  Plans1732000000600,
  DeadlineCompliance1732000000610,
  DutyWatch1732000000700,
  Warnings1732000000800,
  Drills1732000000900,
  Evaluation1732000001000,
  TeamsInDrill1732000001100,
  AppendFunctionV21732000001200,
  SocketIoAttachments1732000001300,
  SessionsAndSecurityEvents1732000001500,
  LeastPrivilege1732000001600,
  RateLimits1732000001610,
  ParkedEvents1732000001700,
  IdempotencyKeys1732000001750,
  IdempotentAnswers1732000001800,
  ReportingChain1732000002000,
  PlanGovernance1732000002050,
  Alarms1732000002100,
  HandoverAcceptance1732000002150,
  BoardPaging1732000002200,
  IncidentWorkspace1732000002250,
  Gazetteer1732000002300,
  OwedReportsIndex1732000002400,
  DrillFailuresAndTeams1732000002750,
  EnterpriseRegister1732000002900,
  IncidentEnterprise1732000002910,
  HazardSourceRegister1732000002950,
  Monitoring1732000003000,
  ReadingsUnique1732000003200,
  HiddenHazardRegister1732000003250,
  HiddenHazardDeadlines1732000003251,
  Experts1732000003300,
  TimelineConsultations1732000003310,
  ConsultationAnsweredBy1732000003320,
  Shelters1732000003350,
  TargetDocuments1732000003400,
  TargetRecordedFigures1732000003401,
  CoalAndNonCoalMines1732000003450,
  CheckpointStore1732000003500,
  ListPaging1732000003550,
  ReplayCheckpoints1732000003610,
  BoundedReads1732000003620,
  ListPagingInSql1732000003621,
  ProcessManagerFacts1732000003630,
  AppendGroups1732000003640,
  CityYearReadPaths1732000003641,
  ProcessManagerSeating1732000003650,
];

/**
 * The key of the session advisory lock every migration run holds (one value, the same in every version, so an old and
 * a new process starting together also wait for each other).
 */
export const MIGRATION_LOCK_KEY = 7_320_003_510;

/**
 * Applies pending migrations, connected as the owner. With `appRole` (the role the application connects as, when it
 * is not the owner) the grants of infra/database/roles.ts are applied afterwards, every time, so tables a migration
 * added are covered at once.
 *
 * TypeORM takes no lock of its own: two processes migrating one fresh database together both create its migrations
 * table and both apply the first migration, and one fails (`duplicate key … pg_type_typname_nsp_index`). So the whole
 * run, grants included, holds a PostgreSQL session advisory lock on a connection of its own: the second process
 * waits for the first, then finds nothing pending. The lock is released when that connection ends, also when this
 * process dies mid-run.
 */
export async function runMigrations(url: string, options: { appRole?: string } = {}): Promise<string[]> {
  const lock = new Client({
    connectionString: url,
    // Waiting for another process's migrations may take as long as they do, whatever the role's defaults.
    options: '-c statement_timeout=0 -c lock_timeout=0 -c idle_in_transaction_session_timeout=0',
  });
  // A connection lost while waiting or migrating surfaces as the query's error; without this listener it would crash.
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    return await migrateLocked(url, options);
  } finally {
    await lock.query('select pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}

async function migrateLocked(url: string, options: { appRole?: string }): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    logging: false,
    // A migration may rewrite a large table in one statement: no statement or idle-in-transaction limit, whatever
    // the role's defaults (the API's own connections have them, docs/operations.md).
    extra: { options: '-c statement_timeout=0 -c idle_in_transaction_session_timeout=0' },
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    if (options.appRole) {
      const runner = dataSource.createQueryRunner();
      try {
        await grantApplicationRole((await runner.connect()) as import('pg').ClientBase, options.appRole);
      } finally {
        await runner.release();
      }
    }
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

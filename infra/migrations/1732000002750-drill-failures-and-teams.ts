import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The drill register keeps the scripted injects that failed (retried, then given up) and the real teams taken into a
 * live drill, so a drill's page shows both. Disposable like the rest of the register: a rebuild replays the streams.
 */
export class DrillFailuresAndTeams1732000002750 implements MigrationInterface {
  name = 'DrillFailuresAndTeams1732000002750';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table drills add column failed_injects jsonb not null default '[]'::jsonb`);
    await q.query(`alter table drills add column teams jsonb not null default '[]'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table drills drop column teams');
    await q.query('alter table drills drop column failed_injects');
  }
}

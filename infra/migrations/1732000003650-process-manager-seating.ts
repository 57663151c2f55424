import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The process managers that keep facts tables of their own (docs/adr/0024-cold-start.md). */
const PROCESS_MANAGERS = ['dispatch-process', 'drill-teams-process'];

/**
 * A process manager whose facts tables could not be filled by the upgrade that created them: with KurrentDB the
 * events are not in this database, so those tables stayed empty while the checkpoint said the process had handled
 * everything up to it (a team dispatched after the upgrade would have been recorded without its name, an allocation
 * after a close not cancelled). Listed in `process_manager_seating`, such a process seats itself from the store up to
 * its checkpoint when it starts, before it handles anything new, and then takes itself off the list.
 * With PostgreSQL the upgrade filled the tables from the log; nothing is listed.
 */
export class ProcessManagerSeating1732000003650 implements MigrationInterface {
  name = 'ProcessManagerSeating1732000003650';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create table process_manager_seating (projection text primary key, listed_at timestamptz not null)`);
    await q.query(
      `insert into process_manager_seating (projection, listed_at)
       select projection, now() from projection_checkpoints
        where projection = any($1)
          and (position_commit > 0 or position_prepare > 0)
          and store is distinct from 'postgres'`,
      [PROCESS_MANAGERS],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table process_manager_seating`);
  }
}

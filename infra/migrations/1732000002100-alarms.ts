import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The alarm centre's read model (告警中心). Disposable: a rebuild truncates and replays the alarm streams. */
export class Alarms1732000002100 implements MigrationInterface {
  name = 'Alarms1732000002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table alarms (
        id uuid primary key,
        source_key text not null,
        kind text not null,
        severity text not null,
        status text not null,
        jurisdiction text not null,
        title text not null,
        message text not null,
        subject_type text not null,
        subject_id text not null,
        raised_at timestamptz not null,
        due_at timestamptz,
        acknowledged_at timestamptz,
        acknowledged_by_id text,
        acknowledged_by_name text,
        acknowledgement_note text,
        escalation_level int not null,
        escalated_at timestamptz,
        resolved_at timestamptz,
        resolution text,
        urgency double precision not null,
        revision int not null,
        position text not null
      )`);
    await q.query(`create index alarms_by_jurisdiction on alarms (jurisdiction, status, urgency)`);
    await q.query(`create index alarms_open on alarms (status) where status <> 'resolved'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table alarms`);
  }
}

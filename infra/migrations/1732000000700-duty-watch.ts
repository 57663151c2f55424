import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of the watch (值班): shifts, handovers and roll calls. Disposable: a rebuild replays duty-* and rollcall-*. */
export class DutyWatch1732000000700 implements MigrationInterface {
  name = 'DutyWatch1732000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table duty_shifts (
        id uuid primary key,
        jurisdiction text not null,
        leader jsonb not null,
        officers jsonb not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        scheduled_by jsonb not null,
        scheduled_at timestamptz not null,
        handover_id uuid,
        position text not null
      )`);
    await q.query(`create index duty_shifts_by_jurisdiction on duty_shifts (jurisdiction, starts_at)`);
    await q.query(`
      create table duty_handovers (
        id uuid primary key,
        jurisdiction text not null,
        from_shift_id uuid not null,
        to_shift_id uuid not null,
        note text not null,
        summary jsonb not null,
        handed_over_by jsonb not null,
        handed_over_at timestamptz not null,
        position text not null
      )`);
    await q.query(`create index duty_handovers_by_jurisdiction on duty_handovers (jurisdiction, handed_over_at desc)`);
    await q.query(`
      create table roll_calls (
        id uuid primary key,
        jurisdiction text not null,
        target_jurisdictions text[] not null,
        targets jsonb not null,
        message text not null,
        ack_within_minutes int not null,
        issued_by jsonb not null,
        issued_at timestamptz not null,
        due_at timestamptz not null,
        open boolean not null,
        revision int not null,
        position text not null
      )`);
    await q.query(`create index roll_calls_by_jurisdiction on roll_calls (jurisdiction, issued_at desc)`);
    await q.query(`create index roll_calls_by_target on roll_calls using gin (target_jurisdictions)`);
    // The roll-call scheduler scans only open roll calls by deadline.
    await q.query(`create index roll_calls_open_by_due on roll_calls (due_at) where open`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table roll_calls`);
    await q.query(`drop table duty_handovers`);
    await q.query(`drop table duty_shifts`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The incident timeline shows consultations (会商) too: lines whose source is `consultation`. */
export class TimelineConsultations1732000003310 implements MigrationInterface {
  name = 'TimelineConsultations1732000003310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table incident_timeline drop constraint if exists incident_timeline_source_check`);
    await q.query(
      `alter table incident_timeline add constraint incident_timeline_source_check
         check (source in ('incident', 'warehouse', 'consultation'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from incident_timeline where source = 'consultation'`);
    await q.query(`alter table incident_timeline drop constraint if exists incident_timeline_source_check`);
    await q.query(
      `alter table incident_timeline add constraint incident_timeline_source_check check (source in ('incident', 'warehouse'))`,
    );
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who registered an expert's answer (接受/谢绝) to a consultation, by display name; null while the invitation is pending. */
export class ConsultationAnsweredBy1732000003320 implements MigrationInterface {
  name = 'ConsultationAnsweredBy1732000003320';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table expert_consultations add column if not exists answered_by text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table expert_consultations drop column if exists answered_by`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first answer of a keyed request, stored on its key row (docs/adr/0013-first-answers.md): a retry with the same
 * key and request is answered with it — success, no-op or refusal — whatever happened to the records since. A 202
 * (stored events, result not yet readable) is not stored: its retry is answered in full once it can be.
 */
export class IdempotentAnswers1732000001800 implements MigrationInterface {
  name = 'IdempotentAnswers1732000001800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table idempotency_keys
        add column answer_status integer check (answer_status between 200 and 499),
        add column answer_body jsonb,
        add column answer_headers jsonb,
        add column answered_at timestamptz,
        add constraint idempotency_keys_answer_whole
          check ((answer_status is null) = (answered_at is null) and (answer_status is null) = (answer_body is null))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table idempotency_keys
        drop constraint idempotency_keys_answer_whole,
        drop column answer_status, drop column answer_body, drop column answer_headers, drop column answered_at`);
  }
}

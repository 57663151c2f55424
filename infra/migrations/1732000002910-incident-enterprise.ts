import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An incident may name a registered enterprise (企业登记): the board keeps its id beside the unit's name. Older
 * incidents keep null (their events carry no id), and so does every incident whose unit was typed as free text.
 */
export class IncidentEnterprise1732000002910 implements MigrationInterface {
  name = 'IncidentEnterprise1732000002910';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table incident_board add column enterprise_id uuid`);
    await q.query(
      `create index incident_board_enterprise on incident_board (enterprise_id) where enterprise_id is not null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table incident_board drop column enterprise_id`);
  }
}

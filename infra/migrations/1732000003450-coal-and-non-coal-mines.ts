import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coal and non-coal mines told apart (docs/adr/0016-coal-and-non-coal-mines.md): plan events of schema version 1 that
 * name 矿山 (`mining`) are read as naming both mines. The plan register is rebuilt from the plan streams so its rows
 * and versions show the upcast categories; the incident board keeps `mining` on old incidents (矿山（未区分）).
 */
export class CoalAndNonCoalMines1732000003450 implements MigrationInterface {
  name = 'CoalAndNonCoalMines1732000003450';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`truncate plans, plan_versions`);
    await q.query(`delete from projection_checkpoints where projection = 'plan-register'`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the rebuild reads the same events; an older release simply reads them without the upcaster.
  }
}

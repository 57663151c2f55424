import type { EntityManager } from 'typeorm';
import { isAfter, type Position } from '@app/event-store';
import type { OpenAllocation } from './dispatch.workflow';

/**
 * The dispatch process's own tables (migration 1732000003630 and process_open_allocations), read and written through
 * the runner's transaction, so they always match the process's checkpoint.
 */
export class DispatchFactsTables {
  constructor(private readonly manager: EntityManager) {}

  async teamName(teamId: string): Promise<string | undefined> {
    const rows: { name: string }[] = await this.manager.query(
      `select name from process_dispatch_teams where team_id = $1`,
      [teamId],
    );
    return rows[0]?.name;
  }

  async nameTeam(teamId: string, name: string): Promise<void> {
    await this.manager.query(
      `insert into process_dispatch_teams (team_id, name) values ($1, $2)
       on conflict (team_id) do update set name = excluded.name`,
      [teamId, name],
    );
  }

  /**
   * Whether the incident's close lies before `position` in store order. Judged by the close's recorded position, not
   * by the row's presence: an allocation redelivered after the close was handled still lies where it lies.
   */
  async closedBefore(incidentId: string, position: Position): Promise<boolean> {
    const rows: { commit: string; prepare: string }[] = await this.manager.query(
      `select close_commit::text as commit, close_prepare::text as prepare
         from process_dispatch_closed_incidents where incident_id = $1`,
      [incidentId],
    );
    const row = rows[0];
    return !!row && isAfter(position, { commit: BigInt(row.commit), prepare: BigInt(row.prepare) });
  }

  async close(incidentId: string, position: Position): Promise<void> {
    await this.manager.query(
      `insert into process_dispatch_closed_incidents (incident_id, close_commit, close_prepare) values ($1, $2, $3)
       on conflict do nothing`,
      [incidentId, position.commit.toString(), position.prepare.toString()],
    );
  }

  async openAllocations(incidentId: string): Promise<OpenAllocation[]> {
    const rows: { allocation_id: string; warehouse_id: string }[] = await this.manager.query(
      `select allocation_id, warehouse_id from process_open_allocations where incident_id = $1 order by allocation_id`,
      [incidentId],
    );
    return rows.map((r) => ({ allocationId: r.allocation_id, warehouseId: r.warehouse_id }));
  }

  async openAllocation(allocationId: string, warehouseId: string, incidentId: string): Promise<void> {
    await this.manager.query(
      `insert into process_open_allocations (allocation_id, warehouse_id, incident_id) values ($1, $2, $3)
       on conflict do nothing`,
      [allocationId, warehouseId, incidentId],
    );
  }

  async settleAllocation(allocationId: string): Promise<void> {
    await this.manager.query(`delete from process_open_allocations where allocation_id = $1`, [allocationId]);
  }

  async truncate(): Promise<void> {
    await this.manager.query(
      'truncate process_open_allocations, process_dispatch_teams, process_dispatch_closed_incidents',
    );
  }
}

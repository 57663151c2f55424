import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { inKeysetOrder, type PageRequest } from '@app/shared/nest';
import { DrillNotFoundError } from '../../domain/drill/drill.errors';
import type { DrillStatus, ScriptedInject } from '../../domain/drill/drill.types';
import { DrillRow, DrillScenarioRow } from './drill-register.entities';
import { toDrillView, toScenarioView, type DrillView, type ScenarioView } from './drill.views';

export interface DrillFilter {
  status?: DrillStatus;
  /** One of the actor's jurisdictions (exactly: a drill belongs to the level that runs it). */
  jurisdiction?: string;
  /** The actor's jurisdictions: nothing outside them is listed or found. */
  scope: readonly string[];
}

/**
 * Reads of the drill register and the scenario library. Outside the actor's jurisdictions a drill is not found, so its
 * existence does not leak; the scheduler reads which running drills have a scripted inject due.
 */
@Injectable()
export class DrillRegisterQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: DrillFilter): Promise<DrillView[]> {
    const asked = filter.jurisdiction ? filter.scope.filter((c) => c === filter.jurisdiction) : filter.scope;
    const rows = await this.dataSource.getRepository(DrillRow).find({
      where: { jurisdiction: In([...asked]), ...(filter.status ? { status: filter.status } : {}) },
      order: { plannedAt: 'DESC' },
      take: 500,
    });
    return rows.map(toDrillView);
  }

  async get(id: string, scope: readonly string[]): Promise<DrillView> {
    const row = await this.dataSource.getRepository(DrillRow).findOneBy({ id, jurisdiction: In([...scope]) });
    if (!row) throw new DrillNotFoundError();
    return toDrillView(row);
  }

  /** The drill as the register shows it now, whoever asks (a command's answer, after its own checks). */
  async find(id: string): Promise<DrillView | null> {
    const row = await this.dataSource.getRepository(DrillRow).findOneBy({ id });
    return row ? toDrillView(row) : null;
  }

  /**
   * The last drill run to its end for each plan (a drill counts once it has ended, whatever its form): what the
   * drill-frequency rule measures from.
   */
  async lastDrillsOf(planIds: readonly string[]): Promise<Map<string, { drillId: string; endedAt: Date }>> {
    if (planIds.length === 0) return new Map();
    const rows: { plan_id: string; id: string; ended_at: Date }[] = await this.dataSource.query(
      `select distinct on (plan_id) plan_id, id, ended_at
         from drills
        where plan_id = any($1::uuid[]) and status = 'ended' and ended_at is not null
        order by plan_id, ended_at desc`,
      [planIds],
    );
    return new Map(rows.map((r) => [r.plan_id, { drillId: r.id, endedAt: new Date(r.ended_at) }]));
  }

  /** Running drills whose next scripted inject is due by `now`, the most overdue first. */
  async dueForInjects(now: Date, limit = 200): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(DrillRow)
      .createQueryBuilder('d')
      .select(['d.id'])
      .where(`d.status = 'running' and d.next_due_at <= :now`, { now })
      .orderBy('d.next_due_at', 'ASC')
      .take(limit)
      .getMany();
    return rows.map((row) => row.id);
  }

  /** The scenario library of the given jurisdictions, by name. */
  /**
   * One page of the scenarios of these jurisdictions, by name (code-unit order) then id: a keyset range after the
   * cursor (docs/api.md, "Paging every list"; index of migration 1732000003621), at any depth.
   */
  async scenarios(jurisdictions: readonly string[], page?: PageRequest): Promise<ScenarioView[]> {
    const keys = ['s.name collate "C"', 's.id'];
    const qb = this.dataSource
      .getRepository(DrillScenarioRow)
      .createQueryBuilder('s')
      .where('s.jurisdiction = any(:jurisdictions)', { jurisdictions: [...jurisdictions] });
    const rows = await inKeysetOrder(qb, keys, ['text', 'uuid'], page, 500).getMany();
    return rows.map(toScenarioView);
  }

  /** A scenario's script, if it belongs to one of the given jurisdictions; null otherwise. */
  async scenarioScript(id: string, jurisdictions: readonly string[]): Promise<ScriptedInject[] | null> {
    const row = await this.dataSource
      .getRepository(DrillScenarioRow)
      .findOneBy({ id, jurisdiction: In([...jurisdictions]) });
    return row ? row.injects.map((i) => ({ ...i })) : null;
  }

  async scenario(id: string): Promise<ScenarioView | null> {
    const row = await this.dataSource.getRepository(DrillScenarioRow).findOneBy({ id });
    return row ? toScenarioView(row) : null;
  }
}

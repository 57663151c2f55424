import { keysetWhere, type PageRequest } from '@app/shared/nest';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { UserNames } from '@app/identity';
import { DEFAULT_TIME_ZONE, JURISDICTIONS, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import type { HazardAssessmentHistoryEntry, HazardGrade, HazardSourceView } from '../../contract';
import { HazardSourceNotFoundError } from '../../domain/hazard-source/hazard-source.errors';
import { HazardSourceHistoryRow, HazardSourceRow } from './hazard-source-register.entity';
import { toHazardSourceView } from './hazard-source.views';

const LIST_LIMIT = 1000;

export interface HazardSourceFilter {
  /** The actor's jurisdictions: nothing outside them is listed or found. */
  scope: readonly string[];
  /** A jurisdiction includes everything below it. */
  jurisdiction?: string;
  enterpriseId?: string;
  /** Only units identified as major hazard sources (Σ q/Q ≥ 1). */
  majorOnly?: boolean;
  /** Only units identified as not major. */
  minorOnly?: boolean;
  grade?: HazardGrade;
  /** Retired units are left out unless asked for. */
  includeRetired?: boolean;
}

/**
 * Reads of the hazard source register. Outside the actor's jurisdictions a unit is not found, so its existence does
 * not leak. Exported from the context as the runtime service other parts code against (sensors, alarm context).
 */
@Injectable()
export class HazardSourceRegister {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    private readonly userNames: UserNames,
  ) {}

  /** The unit as the register shows it now, wherever it is (for a command's answer and other contexts' checks). */
  async find(id: string): Promise<HazardSourceView | null> {
    const row = await this.dataSource.getRepository(HazardSourceRow).findOneBy({ id });
    return row ? toHazardSourceView(row, this.jurisdictions) : null;
  }

  async get(id: string, scope: readonly string[]): Promise<HazardSourceView> {
    return toHazardSourceView(await this.visible(id, scope), this.jurisdictions);
  }

  /** Most severe first (一级 … 四级, then units that are not major), then by enterprise and name. */
  /**
   * One page: grade I → IV, ungraded last (as grade 5, so the key is never null), then enterprise, name (code-unit
   * order) and id — a keyset range after the cursor in the database (docs/api.md, "Paging every list").
   */
  async list(filter: HazardSourceFilter, page?: PageRequest): Promise<HazardSourceView[]> {
    const asked = filter.jurisdiction ? this.jurisdictions.descendants(filter.jurisdiction) : filter.scope;
    const keys = ['coalesce(h.grade, 5)', 'h.enterprise_name collate "C"', 'h.name collate "C"', 'h.id'];
    const qb = this.dataSource
      .getRepository(HazardSourceRow)
      .createQueryBuilder('h')
      .where({ jurisdiction: In(asked.filter((c) => filter.scope.includes(c))) })
      .orderBy(keys[0]!, 'ASC')
      .addOrderBy(keys[1]!, 'ASC')
      .addOrderBy(keys[2]!, 'ASC')
      .addOrderBy(keys[3]!, 'ASC')
      .limit(page?.fetch ?? LIST_LIMIT);
    if (page?.after) {
      const after = keysetWhere(keys, ['int', 'text', 'text', 'uuid'], page.after);
      qb.andWhere(after.sql, after.params);
    }
    if (!filter.includeRetired) qb.andWhere('h.retired_at is null');
    if (filter.enterpriseId) qb.andWhere('h.enterprise_id = :enterpriseId', { enterpriseId: filter.enterpriseId });
    if (filter.majorOnly) qb.andWhere('h.is_major');
    if (filter.minorOnly) qb.andWhere('not h.is_major');
    if (filter.grade) qb.andWhere('h.grade = :grade', { grade: filter.grade });
    return (await qb.getMany()).map((row) => toHazardSourceView(row, this.jurisdictions));
  }

  /**
   * Every assessment of the unit, oldest first. People are named as their colleagues know them (display names);
   * a name no account holds any more stays as recorded.
   */
  async history(id: string, scope: readonly string[]): Promise<HazardAssessmentHistoryEntry[]> {
    const unit = await this.visible(id, scope);
    const zone = this.jurisdictions.get(unit.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
    const rows = await this.dataSource
      .getRepository(HazardSourceHistoryRow)
      .find({ where: { hazardSourceId: id }, order: { revision: 'ASC' } });
    const people = await this.userNames.people(rows.map((r) => r.actorId).filter((a): a is string => a !== null));
    return rows.map((r) => ({
      at: toZonedIso(r.at, zone),
      by: (r.actorId ? people.get(r.actorId)?.displayName : undefined) ?? r.actorName ?? '系统',
      what: r.what,
      sumRatio: r.sumRatio,
      r: r.r,
      grade: r.grade,
      isMajor: r.isMajor,
    }));
  }

  private async visible(id: string, scope: readonly string[]): Promise<HazardSourceRow> {
    const row = await this.dataSource.getRepository(HazardSourceRow).findOneBy({ id, jurisdiction: In([...scope]) });
    if (!row) throw new HazardSourceNotFoundError();
    return row;
  }
}

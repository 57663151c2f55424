import { keysetWhere, withPageKeys, type PageRequest } from '@app/shared/nest';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  CLOCK,
  DEFAULT_TIME_ZONE,
  JURISDICTIONS,
  toZonedIso,
  type Clock,
  type JurisdictionRegistry,
} from '@app/shared';
import type {
  HiddenHazardGrade,
  HiddenHazardStatus,
  HiddenHazardSummaryLine,
  HiddenHazardSummaryView,
  HiddenHazardView,
} from '../../contract';
import { HiddenHazardNotFoundError } from '../../domain/hidden-hazard/hidden-hazard.errors';
import { HiddenHazardRow } from './hidden-hazard-register.entity';
import { isOverdue, toHiddenHazardView } from './hidden-hazard.views';

const LIST_LIMIT = 1000;

export interface HiddenHazardFilter {
  /** The actor's jurisdictions: nothing outside them is listed or found. */
  scope: readonly string[];
  /** A jurisdiction includes everything below it. */
  jurisdiction?: string;
  status?: HiddenHazardStatus;
  /** true: only hazards still being rectified past their deadline; false: only the others. */
  overdue?: boolean;
  grade?: HiddenHazardGrade;
  enterpriseId?: string;
}

export interface HiddenHazardSummaryFilter {
  scope: readonly string[];
  /** The jurisdiction summed over (with everything below it). */
  jurisdiction: string;
  groupBy: 'enterprise' | 'jurisdiction';
  /** Hazards found in [from, to). */
  from?: Date;
  to?: Date;
}

/** A hazard the overdue watch looks at. */
export interface WatchedHiddenHazard {
  id: string;
  enterpriseName: string;
  title: string;
  grade: HiddenHazardGrade;
  jurisdiction: string;
  deadline: Date;
  round: number;
  extensions: number;
  status: HiddenHazardStatus;
}

interface SummaryRow {
  key: string;
  label: string;
  total: string;
  major: string;
  rectified: string;
  major_rectified: string;
  overdue: string;
  supervised: string;
}

/**
 * Reads of the hidden hazard register (隐患台账). Outside the actor's jurisdictions a hazard is not found, so its
 * existence does not leak. `overdue` is computed against the clock at the moment of the read.
 */
@Injectable()
export class HiddenHazardRegister {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The hazard as the register shows it now, wherever it is (for a command's answer). */
  async find(id: string): Promise<HiddenHazardView | null> {
    const row = await this.dataSource.getRepository(HiddenHazardRow).findOneBy({ id });
    return row ? toHiddenHazardView(row, this.jurisdictions, this.clock.now()) : null;
  }

  async get(id: string, scope: readonly string[]): Promise<HiddenHazardView> {
    const row = await this.dataSource.getRepository(HiddenHazardRow).findOneBy({ id, jurisdiction: In([...scope]) });
    if (!row) throw new HiddenHazardNotFoundError();
    return toHiddenHazardView(row, this.jurisdictions, this.clock.now());
  }

  /** Overdue first, then the open ones by deadline, then the finished ones, most recently changed first. */
  async list(filter: HiddenHazardFilter, page?: PageRequest): Promise<HiddenHazardView[]> {
    const now = this.clock.now();
    // Overdue first, then by status, the nearest deadline, the latest change (negated), the id: each key ascending,
    // so the page after the cursor is one row comparison in the database (docs/api.md, "Paging every list").
    const keys = [
      `(case when h.status = 'rectifying' and h.deadline < :now then 0 else 1 end)`,
      `(case h.status when 'rectifying' then 0 when 'rectified' then 1 when 'verified' then 2 else 3 end)`,
      `floor(extract(epoch from h.deadline) * 1000)::bigint`,
      `(-floor(extract(epoch from h.updated_at) * 1000))::bigint`,
      'h.id',
    ];
    const qb = this.dataSource
      .getRepository(HiddenHazardRow)
      .createQueryBuilder('h')
      .where({ jurisdiction: In(this.asked(filter.scope, filter.jurisdiction)) })
      .orderBy(keys[0]!, 'ASC')
      .addOrderBy(keys[1]!, 'ASC')
      .addOrderBy(keys[2]!, 'ASC')
      .addOrderBy(keys[3]!, 'ASC')
      .addOrderBy(keys[4]!, 'ASC')
      .setParameter('now', now)
      .limit(page?.fetch ?? LIST_LIMIT);
    if (page?.after) {
      const after = keysetWhere(keys, ['int', 'int', 'bigint', 'bigint', 'uuid'], page.after);
      qb.andWhere(after.sql, after.params);
    }
    if (filter.status) qb.andWhere('h.status = :status', { status: filter.status });
    if (filter.grade) qb.andWhere('h.grade = :grade', { grade: filter.grade });
    if (filter.enterpriseId) qb.andWhere('h.enterprise_id = :enterpriseId', { enterpriseId: filter.enterpriseId });
    if (filter.overdue === true) qb.andWhere(`h.status = 'rectifying' and h.deadline < :now`);
    if (filter.overdue === false) qb.andWhere(`not (h.status = 'rectifying' and h.deadline < :now)`);
    // The view shows times to the second; the page's keys are the stored milliseconds.
    return (await qb.getMany()).map((row) =>
      withPageKeys(toHiddenHazardView(row, this.jurisdictions, now), [
        isOverdue(row, now) ? '0' : '1',
        String(STATUS_RANK[row.status] ?? 3),
        String(row.deadline.getTime()),
        String(-row.updatedAt.getTime()),
        row.id,
      ]),
    );
  }

  /**
   * 整改率 per enterprise or per jurisdiction: found, rectified (验收通过 or 销号), open, overdue now, supervised, over
   * the hazards found in the window.
   */
  async summary(filter: HiddenHazardSummaryFilter): Promise<HiddenHazardSummaryView> {
    const now = this.clock.now();
    const key = filter.groupBy === 'enterprise' ? 'enterprise_id::text' : 'jurisdiction';
    const label = filter.groupBy === 'enterprise' ? 'max(enterprise_name)' : 'max(jurisdiction)';
    const params: unknown[] = [this.asked(filter.scope, filter.jurisdiction), now];
    const window: string[] = [];
    if (filter.from) window.push(`and found_at >= $${params.push(filter.from)}`);
    if (filter.to) window.push(`and found_at < $${params.push(filter.to)}`);
    const rows = (await this.dataSource.query(
      `select ${key} as key, ${label} as label,
              count(*) as total,
              count(*) filter (where grade = 'major') as major,
              count(*) filter (where status in ('verified', 'closed')) as rectified,
              count(*) filter (where grade = 'major' and status in ('verified', 'closed')) as major_rectified,
              count(*) filter (where status = 'rectifying' and deadline < $2) as overdue,
              count(*) filter (where supervision_level is not null) as supervised
         from hidden_hazard_register
        where jurisdiction = any($1::text[]) ${window.join(' ')}
        group by ${key}`,
      params,
    )) as SummaryRow[];
    const lines = rows
      .map((r) =>
        line(
          r.key,
          filter.groupBy === 'jurisdiction' ? (this.jurisdictions.get(r.label)?.name ?? r.label) : r.label,
          r,
        ),
      )
      .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'zh-CN') || a.key.localeCompare(b.key));
    const zone = this.jurisdictions.get(filter.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
    const sum = (field: keyof SummaryRow) => String(rows.reduce((n, r) => n + Number(r[field]), 0));
    return {
      jurisdiction: filter.jurisdiction,
      jurisdictionName: this.jurisdictions.get(filter.jurisdiction)?.name ?? filter.jurisdiction,
      groupBy: filter.groupBy,
      from: filter.from ? toZonedIso(filter.from, zone) : null,
      to: filter.to ? toZonedIso(filter.to, zone) : null,
      rows: lines,
      totals: line(filter.jurisdiction, '合计', {
        key: filter.jurisdiction,
        label: '合计',
        total: sum('total'),
        major: sum('major'),
        rectified: sum('rectified'),
        major_rectified: sum('major_rectified'),
        overdue: sum('overdue'),
        supervised: sum('supervised'),
      }),
    };
  }

  /**
   * For the overdue watch: one page of the hazards still being rectified past their deadline, in (deadline, id)
   * order after `after` (keyset paging). The watch reads page after page until one comes back short, so however many
   * hazards are overdue every one of them is seen; an offset would skip or repeat rows as hazards leave the set.
   */
  async overdueRectifying(
    now: Date,
    after: { deadline: Date; id: string } | null,
    pageSize: number,
  ): Promise<WatchedHiddenHazard[]> {
    const qb = this.watchedQuery().where(`h.status = 'rectifying' and h.deadline < :now`, { now });
    if (after)
      qb.andWhere('(h.deadline, h.id) > (:afterDeadline, :afterId)', {
        afterDeadline: after.deadline,
        afterId: after.id,
      });
    return (await qb
      .orderBy('h.deadline', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .limit(pageSize)
      .getMany()) as WatchedHiddenHazard[];
  }

  /**
   * For the overdue watch: the hazards among `ids` (the subjects of open overdue alarms) whatever their state, so
   * that it can end the alarms whose cause is gone. Read in slices of `pageSize` ids, so no alarm is left unread.
   */
  async watchedByIds(ids: readonly string[], pageSize: number): Promise<WatchedHiddenHazard[]> {
    const found: WatchedHiddenHazard[] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += pageSize) {
      const slice = unique.slice(i, i + pageSize);
      found.push(
        ...((await this.watchedQuery().where('h.id in (:...ids)', { ids: slice }).getMany()) as WatchedHiddenHazard[]),
      );
    }
    return found;
  }

  private watchedQuery() {
    return this.dataSource
      .getRepository(HiddenHazardRow)
      .createQueryBuilder('h')
      .select([
        'h.id',
        'h.enterpriseName',
        'h.title',
        'h.grade',
        'h.jurisdiction',
        'h.deadline',
        'h.round',
        'h.extensions',
        'h.status',
      ]);
  }

  private asked(scope: readonly string[], jurisdiction?: string): string[] {
    const asked = jurisdiction ? this.jurisdictions.descendants(jurisdiction) : scope;
    return asked.filter((c) => scope.includes(c));
  }
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

function line(key: string, label: string, r: SummaryRow): HiddenHazardSummaryLine {
  const total = Number(r.total);
  const major = Number(r.major);
  const rectified = Number(r.rectified);
  return {
    key,
    label,
    total,
    major,
    rectified,
    open: total - rectified,
    overdue: Number(r.overdue),
    supervised: Number(r.supervised),
    rectificationRate: rate(rectified, total),
    majorRectificationRate: rate(Number(r.major_rectified), major),
  };
}

/** The list's status order (rectifying, rectified, verified, then closed), as in its SQL key. */
const STATUS_RANK: Record<string, number> = { rectifying: 0, rectified: 1, verified: 2 };

import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CLOCK,
  JURISDICTIONS,
  toZonedIso,
  zonedPeriods,
  type Clock,
  type JurisdictionRegistry,
  type ZonedPeriod,
} from '@app/shared';
import { askedArea } from '../asked-area';
import type { AccidentGrade } from '../../domain/incident/accident-grade';
import type { StatisticsView } from '../../contract';
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../domain/incident/incident.types';
import { NO_SHARE_TARGETS, SHARE_TARGETS, type ShareTargets } from '../../application/share-targets';

export const GROUP_BY = ['month', 'day', 'year', 'jurisdiction', 'category', 'total'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface StatisticsFilter {
  from?: string;
  to?: string;
  jurisdiction?: string;
  groupBy?: GroupBy;
}

/**
 * docs/domain.md rule 26: the share of 较大-and-above incidents stays at or under 2% — the default, used only for a
 * jurisdiction and year without a share target of its own (rule 35).
 */
export const MAJOR_OR_ABOVE_SHARE_TARGET = 0.02;

/** Real incidents of one local calendar month and one category (the assessment targets' progress sums them). */
export interface MonthlyCategoryFigures {
  month: string;
  category: string;
  incidents: number;
  deaths: number;
  missing: number;
  majorOrAbove: number;
}

export interface StatisticsLine {
  key: string;
  label: string;
  incidents: number;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
  injuries: number;
  directLossYuan: number;
  grades: Record<AccidentGrade, number>;
  majorOrAboveShare: number;
}

interface Aggregate {
  key: string;
  /** The row of the grouping set (): the period's total. */
  total_row?: boolean;
  incidents: number;
  deaths: number;
  missing: number;
  serious: number;
  minor: number;
  loss: string;
  general: number;
  major: number;
  serious_grade: number;
  especially_serious: number;
}

/**
 * The "four indicators" (事故起数、死亡人数、受伤人数、直接经济损失) per period, jurisdiction or category, from the
 * incident board's latest figures. Drill incidents never count. Periods are calendar periods in the jurisdiction's
 * zone, on the instant the incident occurred.
 */
@Injectable()
export class IncidentStatisticsQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(SHARE_TARGETS) private readonly shareTargets: ShareTargets = NO_SHARE_TARGETS,
  ) {}

  /** Within the asked jurisdiction (default: the actor's own) and the actor's scope. */
  async statistics(
    filter: StatisticsFilter,
    actor: { jurisdiction: string; scope: readonly string[] },
  ): Promise<StatisticsView> {
    const { jurisdiction, scope, zone } = askedArea(this.jurisdictions, filter.jurisdiction, actor);
    const groupBy: GroupBy = filter.groupBy ?? 'month';
    const from = filter.from ? new Date(filter.from) : new Date(0);
    const to = filter.to ? new Date(filter.to) : this.clock.now();
    // Calendar periods (their starts computed here, in the zone) are summed one index range each, where grouping by
    // each row's instant formatted in the zone sorted a year of a large city's rows on disk; other groupings make one
    // pass over the period: its groups and, as the grouping set (), its total.
    const found = isCalendar(groupBy) ? zonedPeriods(from, to, groupBy, zone, MAX_BUCKETS) : undefined;
    const aggregates =
      found && found.length > 0
        ? await this.aggregatePeriods(scope, from, to, found)
        : await this.aggregate(keyOf(groupBy), scope, from, to, zone);
    const lines = aggregates.filter((a) => !a.total_row).map((a) => this.line(a, groupBy));
    const total = aggregates.find((a) => a.total_row);
    const totals = this.line(total ? { ...total, key: 'total' } : emptyAggregate(), 'total');
    // The share target of the year the period ends in (its last instant), set for the asked jurisdiction or else 2%.
    const targetYear = Number(toZonedIso(new Date(Math.max(from.getTime(), to.getTime() - 1)), zone).slice(0, 4));
    const set = await this.shareTargets.shareTarget(jurisdiction, targetYear);
    const max = set ?? MAJOR_OR_ABOVE_SHARE_TARGET;
    return {
      jurisdiction,
      from: toZonedIso(from, zone),
      to: toZonedIso(to, zone),
      timeZone: zone,
      groupBy,
      drillsExcluded: true as const,
      rows: lines,
      totals,
      target: {
        majorOrAboveShareMax: max,
        met: totals.majorOrAboveShare <= max,
        source: set === null ? 'default' : 'set',
        year: targetYear,
      },
    };
  }

  /**
   * Real incidents (drills never) in these jurisdictions that occurred in [from, to), per month of the zone's calendar
   * and category, with the figures the assessment targets measure (docs/targets.md).
   */
  async monthlyFigures(
    scope: readonly string[],
    from: Date,
    to: Date,
    zone: string,
  ): Promise<MonthlyCategoryFigures[]> {
    if (scope.length === 0 || to.getTime() <= from.getTime()) return [];
    const rows = await this.dataSource.query<
      { month: string; category: string; incidents: number; deaths: number; missing: number; major_or_above: number }[]
    >(
      `select to_char(occurred_at at time zone $4::text, 'YYYY-MM') as month,
              category,
              count(*)::int as incidents,
              coalesce(sum(stat_deaths), 0)::int as deaths,
              coalesce(sum(stat_missing), 0)::int as missing,
              (count(*) filter (where grade in ('major', 'serious', 'especially_serious')))::int as major_or_above
         from incident_board
        where drill_id is null and jurisdiction = any($1) and occurred_at >= $2 and occurred_at < $3
        group by 1, 2 order by 1, 2`,
      [scope, from, to, zone],
    );
    return rows.map((r) => ({
      month: r.month,
      category: r.category,
      incidents: r.incidents,
      deaths: r.deaths,
      missing: r.missing,
      majorOrAbove: r.major_or_above,
    }));
  }

  private aggregate(key: string, scope: readonly string[], from: Date, to: Date, zone: string): Promise<Aggregate[]> {
    return this.dataSource.query(
      `select ${key} as key, grouping(${key}) = 1 as total_row, ${FIGURES}
         from incident_board
        where drill_id is null and jurisdiction = any($1) and occurred_at >= $2 and occurred_at < $3
        group by grouping sets ((${key}), ()) order by grouping(${key}), 1`,
      [scope, from, to, zone],
    );
  }

  /** The periods that have incidents, in order, each summed over its own index range, then their total. */
  private async aggregatePeriods(
    scope: readonly string[],
    from: Date,
    to: Date,
    periods: readonly ZonedPeriod[],
  ): Promise<Aggregate[]> {
    const ends = [...periods.slice(1).map((p) => p.start), to];
    const rows = await this.dataSource.query<(Aggregate & { k: string })[]>(
      `with periods as (
         select p.k, a.*
           from unnest($4::timestamptz[], $5::timestamptz[]) with ordinality as p(starts, ends, k)
           cross join lateral (
             select ${FIGURES}
               from incident_board
              where drill_id is null and jurisdiction = any($1)
                and occurred_at >= greatest(p.starts, $2) and occurred_at < least(p.ends, $3)
           ) a
          where a.incidents > 0)
       select k, false as total_row, incidents, deaths, missing, serious, minor, loss, general, major,
              serious_grade, especially_serious
         from periods
       union all
       select null::bigint, true, coalesce(sum(incidents), 0)::int, coalesce(sum(deaths), 0)::int,
              coalesce(sum(missing), 0)::int, coalesce(sum(serious), 0)::int, coalesce(sum(minor), 0)::int,
              coalesce(sum(loss::numeric), 0)::text, coalesce(sum(general), 0)::int, coalesce(sum(major), 0)::int,
              coalesce(sum(serious_grade), 0)::int, coalesce(sum(especially_serious), 0)::int
         from periods
       order by total_row, k`,
      [scope, from, to, periods.map((p) => p.start), ends],
    );
    return rows.map(({ k, ...a }) => ({ ...a, key: a.total_row ? 'total' : periods[Number(k) - 1]!.key }));
  }

  private line(a: Aggregate, groupBy: GroupBy): StatisticsLine {
    const grades = {
      general: a.general,
      major: a.major,
      serious: a.serious_grade,
      especially_serious: a.especially_serious,
    };
    const majorOrAbove = a.major + a.serious_grade + a.especially_serious;
    return {
      key: a.key,
      label: labelOf(a.key, groupBy, this.jurisdictions),
      incidents: a.incidents,
      deaths: a.deaths,
      missing: a.missing,
      seriousInjuries: a.serious,
      minorInjuries: a.minor,
      injuries: a.serious + a.minor,
      directLossYuan: Number(a.loss),
      grades,
      majorOrAboveShare: a.incidents === 0 ? 0 : Math.round((majorOrAbove / a.incidents) * 10_000) / 10_000,
    };
  }
}

/** More calendar periods than this (days since 1970) are grouped by formatting each row's instant instead. */
const MAX_BUCKETS = 5_000;

/** The four indicators and the grades of a set of board rows. */
const FIGURES = `count(*)::int as incidents,
              coalesce(sum(stat_deaths), 0)::int as deaths,
              coalesce(sum(stat_missing), 0)::int as missing,
              coalesce(sum(stat_serious_injuries), 0)::int as serious,
              coalesce(sum(stat_minor_injuries), 0)::int as minor,
              coalesce(sum(coalesce(direct_loss_yuan, 0)), 0)::text as loss,
              (count(*) filter (where grade = 'general'))::int as general,
              (count(*) filter (where grade = 'major'))::int as major,
              (count(*) filter (where grade = 'serious'))::int as serious_grade,
              (count(*) filter (where grade = 'especially_serious'))::int as especially_serious`;

function isCalendar(groupBy: GroupBy): groupBy is 'day' | 'month' | 'year' {
  return groupBy === 'day' || groupBy === 'month' || groupBy === 'year';
}

/** SQL for the group key; `$4` is the zone, so months and days are the jurisdiction's calendar. */
function keyOf(groupBy: GroupBy): string {
  switch (groupBy) {
    case 'day':
      return `to_char(occurred_at at time zone $4::text, 'YYYY-MM-DD')`;
    case 'month':
      return `to_char(occurred_at at time zone $4::text, 'YYYY-MM')`;
    case 'year':
      return `to_char(occurred_at at time zone $4::text, 'YYYY')`;
    case 'jurisdiction':
      return `jurisdiction || left($4::text, 0)`;
    case 'category':
      return `category || left($4::text, 0)`;
    case 'total':
      return `'total' || left($4::text, 0)`;
  }
}

function labelOf(key: string, groupBy: GroupBy, jurisdictions: JurisdictionRegistry): string {
  if (groupBy === 'jurisdiction') return jurisdictions.get(key)?.name ?? key;
  if (groupBy === 'category') return INCIDENT_CATEGORIES[key as IncidentCategory] ?? key;
  if (groupBy === 'total') return '合计';
  return key;
}

const emptyAggregate = (): Aggregate => ({
  key: 'total',
  incidents: 0,
  deaths: 0,
  missing: 0,
  serious: 0,
  minor: 0,
  loss: '0',
  general: 0,
  major: 0,
  serious_grade: 0,
  especially_serious: 0,
});

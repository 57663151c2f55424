import { Inject, Injectable } from '@nestjs/common';
import { TZDate } from '@date-fns/tz';
import { IncidentStatisticsQueries } from '@app/incidents';
import {
  CLOCK,
  DEFAULT_TIME_ZONE,
  JURISDICTIONS,
  toZonedIso,
  type Clock,
  type JurisdictionRegistry,
} from '@app/shared';
import type { TargetsProgressView } from '../../contract';
import { targetProgress, trendMonthsOf, type YearFigures } from '../../domain/progress/target-progress';
import { noRecordedFigures } from '../../domain/target-document/target-document.types';
import type { TargetDocumentRow } from '../../read-models/target-documents/target-documents.entity';
import { TargetDocumentNotFoundError } from '../../domain/target-document/target-document.errors';
import { categoryLabelOf, TargetDocuments } from '../../read-models/target-documents/target-documents.queries';

const NO_DENOMINATORS = { gdp100mYuan: null, vehicles10k: null };

/**
 * GET /statistics/targets: each target of the jurisdiction's document for the year against the incidents that
 * occurred in the jurisdiction (with everything below it) in its local calendar year so far, drills never. The
 * figures are the statistics' own (IncidentStatisticsQueries), the arithmetic the pure `targetProgress`.
 */
@Injectable()
export class TargetsProgress {
  constructor(
    private readonly documents: TargetDocuments,
    private readonly statistics: IncidentStatisticsQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async progress(
    asked: { jurisdiction?: string; year?: number },
    actor: { jurisdiction: string; scope: readonly string[] },
  ): Promise<TargetsProgressView> {
    const jurisdiction = asked.jurisdiction ?? actor.jurisdiction;
    const place = this.jurisdictions.get(jurisdiction);
    if (!place || !actor.scope.includes(jurisdiction)) throw new TargetDocumentNotFoundError();
    const zone = place.timeZone ?? DEFAULT_TIME_ZONE;
    const now = this.clock.now();
    const year = asked.year ?? Number(toZonedIso(now, zone).slice(0, 4));
    const scope = this.jurisdictions.descendants(jurisdiction).filter((c) => actor.scope.includes(c));
    const document = await this.documents.find(jurisdiction, year);
    const current = await this.yearFigures(scope, year, zone, now, document);
    const asOf = new Date(Math.min(now.getTime(), startOfYear(year + 1, zone).getTime()));
    const lastMonth =
      asOf.getTime() <= startOfYear(year, zone).getTime()
        ? null
        : toZonedIso(new Date(asOf.getTime() - 1), zone).slice(0, 7);
    const trendMonths = trendMonthsOf(year, lastMonth);
    const baselines = new Map<number, YearFigures>();
    for (const spec of document?.targets ?? []) {
      if (spec.baselineYear === null || baselines.has(spec.baselineYear)) continue;
      const base = await this.documents.find(jurisdiction, spec.baselineYear);
      baselines.set(spec.baselineYear, await this.yearFigures(scope, spec.baselineYear, zone, now, base));
    }
    return {
      jurisdiction,
      jurisdictionName: place.name,
      year,
      timeZone: zone,
      asOf: toZonedIso(asOf, zone),
      drillsExcluded: true,
      set: document !== null,
      denominators: document?.denominators ?? NO_DENOMINATORS,
      targets: (document?.targets ?? []).map((spec) =>
        targetProgress({
          spec,
          categoryLabel: categoryLabelOf(spec.category),
          year: current,
          baseline: spec.baselineYear === null ? null : (baselines.get(spec.baselineYear) ?? null),
          countMissingAsDeaths: place.countMissingAsDeaths,
          trendMonths,
        }),
      ),
    };
  }

  private async yearFigures(
    scope: readonly string[],
    year: number,
    zone: string,
    now: Date,
    document: Pick<TargetDocumentRow, 'denominators' | 'recorded'> | null,
  ): Promise<YearFigures> {
    const from = startOfYear(year, zone);
    const end = startOfYear(year + 1, zone);
    const to = new Date(Math.min(end.getTime(), now.getTime()));
    return {
      year,
      months: await this.statistics.monthlyFigures(scope, from, to, zone),
      denominators: document?.denominators ?? NO_DENOMINATORS,
      recorded: document?.recorded ?? noRecordedFigures(),
      complete: now.getTime() >= end.getTime(),
    };
  }
}

/** The instant the local calendar year begins in the zone. */
function startOfYear(year: number, zone: string): Date {
  return new Date(new TZDate(year, 0, 1, zone).getTime());
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { INCIDENT_CATEGORIES, type IncidentCategory } from '@app/incidents';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import type { TargetDocumentView } from '../../contract';
import { TargetDocumentNotFoundError } from '../../domain/target-document/target-document.errors';
import {
  COUNT_INDICATORS,
  noRecordedFigures,
  TARGET_INDICATORS,
  targetDocumentId,
  targetKey,
  type TargetSpec,
} from '../../domain/target-document/target-document.types';
import { TargetDocumentRow } from './target-documents.entity';

/** The Chinese name of an incident category (old `mining` rows keep their legacy label). */
export const categoryLabelOf = (category: string | null): string | null =>
  category === null ? null : (INCIDENT_CATEGORIES[category as IncidentCategory] ?? category);

/**
 * Reads of the target documents. Outside the actor's jurisdictions a document is not found (existence does not leak);
 * inside them a jurisdiction and year without a document reads as an empty one (revision −1), so a client can show
 * the split of the children's documents and a blank form to fill in.
 */
@Injectable()
export class TargetDocuments {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  find(jurisdiction: string, year: number): Promise<TargetDocumentRow | null> {
    return this.dataSource.getRepository(TargetDocumentRow).findOneBy({ id: targetDocumentId(jurisdiction, year) });
  }

  async view(jurisdiction: string, year: number, actor: { scope: readonly string[] }): Promise<TargetDocumentView> {
    const place = this.jurisdictions.get(jurisdiction);
    if (!place || !actor.scope.includes(jurisdiction)) throw new TargetDocumentNotFoundError();
    const children = this.jurisdictions.all.filter((j) => j.parent === jurisdiction && actor.scope.includes(j.code));
    const rows = await this.dataSource.getRepository(TargetDocumentRow).findBy({
      id: In([jurisdiction, ...children.map((c) => c.code)].map((code) => targetDocumentId(code, year))),
    });
    const byCode = new Map(rows.map((r) => [r.jurisdiction, r]));
    const own = byCode.get(jurisdiction) ?? null;
    return {
      jurisdiction,
      jurisdictionName: place.name,
      year,
      targets: (own?.targets ?? []).map((spec) => ({
        ...spec,
        indicatorLabel: TARGET_INDICATORS[spec.indicator],
        categoryLabel: categoryLabelOf(spec.category),
      })),
      denominators: own?.denominators ?? { gdp100mYuan: null, vehicles10k: null },
      recorded: own?.recorded ?? noRecordedFigures(),
      setAt: own ? own.setAt.toISOString() : null,
      setBy: own?.setBy ?? null,
      revision: own ? own.revision : -1,
      split: splitOf(
        own?.targets ?? [],
        children.map((c) => ({ code: c.code, name: c.name, targets: byCode.get(c.code)?.targets ?? null })),
      ),
    };
  }
}

const isCountCeiling = (spec: TargetSpec): boolean =>
  spec.kind === 'ceiling' && COUNT_INDICATORS.includes(spec.indicator);

/**
 * The split of count ceilings (docs/targets.md, "Split to lower jurisdictions"): every count ceiling the parent or a
 * child sets, with each child's figure and their sum. A sum above the parent's figure is shown, not refused: each
 * level sets its own document, in whatever order, and the parent reads the overrun here.
 */
export function splitOf(
  parent: readonly TargetSpec[],
  children: readonly { code: string; name: string; targets: readonly TargetSpec[] | null }[],
): TargetDocumentView['split'] {
  const keys = new Map<string, TargetSpec>();
  for (const spec of parent.filter(isCountCeiling)) keys.set(targetKey(spec), spec);
  for (const child of children) {
    for (const spec of (child.targets ?? []).filter(isCountCeiling)) {
      if (!keys.has(targetKey(spec))) keys.set(targetKey(spec), spec);
    }
  }
  return [...keys.entries()].map(([key, spec]) => {
    const parentSpec = parent.find((s) => isCountCeiling(s) && targetKey(s) === key);
    const values = children.map((child) => {
      const own = (child.targets ?? []).find((s) => isCountCeiling(s) && targetKey(s) === key);
      return { jurisdiction: child.code, jurisdictionName: child.name, value: own ? own.value : null };
    });
    return {
      indicator: spec.indicator,
      indicatorLabel: TARGET_INDICATORS[spec.indicator],
      category: spec.category,
      parentValue: parentSpec ? parentSpec.value : null,
      childrenSum: values.reduce((sum, v) => sum + (v.value ?? 0), 0),
      children: values,
    };
  });
}

import { DEFAULT_TIME_ZONE, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import type { HazardSourceView, HazardSubstanceView, HazardUnitKind } from '../../contract';
import { HAZARD_CLASSES } from '../../domain/gb18218/gb18218.data';
import type { SubstanceAssessment } from '../../domain/gb18218/assess-hazard-source';
import type { HazardSourceRow } from './hazard-source-register.entity';

export type { HazardSourceView } from '../../contract';

export const UNIT_KIND_LABELS: Readonly<Record<HazardUnitKind, string>> = {
  production: '生产单元',
  storage: '储存单元',
};

export const GRADE_LABELS = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' } as const;

export function toSubstanceView(s: SubstanceAssessment): HazardSubstanceView {
  return {
    casNo: s.casNo,
    name: s.name,
    category: s.category,
    categoryLabel: s.categoryLabel ?? HAZARD_CLASSES[s.hazardClass].label,
    quantityTonnes: s.quantityTonnes,
    criticalQuantityTonnes: s.criticalQuantityTonnes,
    beta: s.beta,
    basis: s.basis,
    basisNote: s.basisNote,
    hazardClass: s.hazardClass,
    tableEntry: s.tableEntry,
    ratio: s.ratio,
  };
}

export function toHazardSourceView(row: HazardSourceRow, jurisdictions: JurisdictionRegistry): HazardSourceView {
  const zone = jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    name: row.name,
    unitKind: row.unitKind,
    unitKindLabel: UNIT_KIND_LABELS[row.unitKind],
    jurisdiction: row.jurisdiction,
    jurisdictionName: jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
    location: row.location,
    exposedPopulation: row.exposedPopulation,
    substances: row.substances.map(toSubstanceView),
    sumRatio: row.sumRatio,
    isMajor: row.isMajor,
    alpha: row.alpha,
    r: row.r,
    grade: row.grade,
    gradeLabel: row.grade ? GRADE_LABELS[row.grade] : null,
    retiredAt: row.retiredAt ? toZonedIso(row.retiredAt, zone) : null,
    registeredAt: toZonedIso(row.registeredAt, zone),
    updatedAt: toZonedIso(row.updatedAt, zone),
    revision: row.revision,
  };
}

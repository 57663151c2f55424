import { DEFAULT_TIME_ZONE, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import { DEFAULT_PLAN_OWNER, PLAN_OWNER_KINDS } from '../../domain/governance/plan-governance';
import { PLAN_KINDS, PLAN_STATUS_LABELS, type PlanKind } from '../../domain/plan/plan.types';
import type { PlanView, PlanVersionView } from '../../contract';
import type { PlanRow, PlanVersionRow } from './plan-register.entities';

export type { PlanView, PlanVersionView } from '../../contract';

const VERSION_STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: '草案',
  reviewed: '已评审（待发布）',
  published: '现行有效',
  filed: '现行有效（已备案）',
  superseded: '已被新版本替代',
};

/** The register entry: newest version's content, the version in force, labels in Chinese. */
export function toPlanView(row: PlanRow, jurisdictions: JurisdictionRegistry): PlanView {
  const zone = jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
  const ownerKind = row.content.ownerKind ?? DEFAULT_PLAN_OWNER;
  return {
    ...row.content,
    id: row.id,
    title: row.title,
    kind: row.kind as PlanKind,
    kindLabel: PLAN_KINDS[row.kind as PlanKind] ?? row.kind,
    jurisdiction: row.jurisdiction,
    jurisdictionName: jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
    categories: row.categories,
    status: row.status,
    statusLabel: PLAN_STATUS_LABELS[row.status],
    version: row.latestVersion,
    inForceVersion: row.inForceVersion,
    openFindings: row.openFindings,
    ownerKind,
    ownerKindLabel: PLAN_OWNER_KINDS[ownerKind],
    review: row.review,
    updatedAt: toZonedIso(row.updatedAt, zone),
    revision: row.revision,
    position: row.position,
  };
}

export function toPlanVersionView(row: PlanVersionRow, jurisdictions: JurisdictionRegistry): PlanVersionView {
  const zone = jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    planId: row.planId,
    version: row.version,
    status: row.status,
    statusLabel: VERSION_STATUS_LABELS[row.status] ?? row.status,
    ...row.content,
    createdBy: row.createdBy,
    createdAt: toZonedIso(row.createdAt, zone),
    publishedAt: row.publishedAt ? toZonedIso(row.publishedAt, zone) : null,
    filing: row.filing,
    review: row.review,
    addressedFindings: row.addressedFindings,
  };
}

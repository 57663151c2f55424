import { DEFAULT_TIME_ZONE, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import type { HiddenHazardView } from '../../contract';
import {
  GRADE_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
  SUPERVISION_LEVEL_LABELS,
} from '../../domain/hidden-hazard/hidden-hazard.types';
import type { HiddenHazardRow } from './hidden-hazard-register.entity';

export type { HiddenHazardView } from '../../contract';

/**
 * Overdue is read, not stored: a hazard still being rectified past its deadline is overdue from that instant on, with
 * nothing having to happen for it.
 */
export function isOverdue(row: Pick<HiddenHazardRow, 'status' | 'deadline'>, now: Date): boolean {
  return row.status === 'rectifying' && row.deadline.getTime() < now.getTime();
}

export function toHiddenHazardView(
  row: HiddenHazardRow,
  jurisdictions: JurisdictionRegistry,
  now: Date,
): HiddenHazardView {
  const zone = jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
  const at = (d: Date) => toZonedIso(d, zone);
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    jurisdiction: row.jurisdiction,
    jurisdictionName: jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
    hazardSourceId: row.hazardSourceId,
    hazardSourceName: row.hazardSourceName,
    title: row.title,
    description: row.description,
    grade: row.grade,
    gradeLabel: GRADE_LABELS[row.grade],
    standard: row.standard,
    source: row.source,
    sourceLabel: SOURCE_LABELS[row.source],
    foundAt: at(row.foundAt),
    foundBy: row.foundBy,
    rectification: {
      measures: row.measures,
      deadline: at(row.deadline),
      responsible: { name: row.responsibleName, phone: row.responsiblePhone },
    },
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    overdue: isOverdue(row, now),
    supervision:
      row.supervisionLevel && row.supervisionJurisdiction
        ? {
            level: row.supervisionLevel,
            levelLabel: SUPERVISION_LEVEL_LABELS[row.supervisionLevel],
            jurisdiction: row.supervisionJurisdiction,
            jurisdictionName: jurisdictions.get(row.supervisionJurisdiction)?.name ?? row.supervisionJurisdiction,
            at: at(row.supervisedAt ?? row.updatedAt),
            by: row.supervisedBy ?? '',
          }
        : null,
    rectifiedAt: row.rectifiedAt ? at(row.rectifiedAt) : null,
    rectificationNote: row.rectificationNote,
    verifications: row.verifications.map((v) => ({ ...v, at: at(new Date(v.at)) })),
    deadlineChanges: (row.deadlineChanges ?? []).map((c) => ({
      ...c,
      from: at(new Date(c.from)),
      to: at(new Date(c.to)),
      at: at(new Date(c.at)),
    })),
    extensions: row.extensions ?? 0,
    closedAt: row.closedAt ? at(row.closedAt) : null,
    closedBy: row.closedBy,
    recordedAt: at(row.recordedAt),
    updatedAt: at(row.updatedAt),
    revision: row.revision,
  };
}

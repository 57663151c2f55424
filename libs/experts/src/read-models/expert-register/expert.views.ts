import type { JurisdictionRegistry } from '@app/shared';
import type { ExpertView } from '../../contract';
import { specialtyLabelsOf } from '../../domain/expert/expert.types';
import type { ExpertRegisterRow } from './expert-register.entity';

export function toExpertView(
  row: ExpertRegisterRow,
  engagedIn: number,
  jurisdictions: JurisdictionRegistry,
): ExpertView {
  return {
    id: row.id,
    name: row.name,
    specialties: [...row.specialties],
    specialtyLabels: specialtyLabelsOf(row.specialties),
    title: row.title,
    organization: row.organization,
    phone: row.phone,
    jurisdiction: row.jurisdiction,
    jurisdictionName: jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
    active: row.active,
    engagedIn,
    registeredAt: row.registeredAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    revision: row.revision,
  };
}

import type { JurisdictionRegistry } from '@app/shared';
import type { DeviceKeyView, EnterpriseView } from '../../contract';
import { ENTERPRISE_INDUSTRY_LABELS } from '../../domain/enterprise/enterprise.types';
import type { EnterpriseDeviceKeyRow, EnterpriseRegisterRow } from './enterprise-register.entity';

export function toEnterpriseView(row: EnterpriseRegisterRow, jurisdictions: JurisdictionRegistry): EnterpriseView {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    industry: row.industry,
    industryLabel: ENTERPRISE_INDUSTRY_LABELS[row.industry] ?? row.industry,
    jurisdiction: row.jurisdiction,
    jurisdictionName: jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
    address: row.address,
    location: { lat: row.lat, lng: row.lng },
    contacts: { principal: row.principal, safety: row.safety ?? null },
    hazardSourceCount: row.hazardSourceCount,
    highestHazardGrade: row.highestHazardGrade ?? null,
    registeredAt: row.registeredAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    revision: row.revision,
  };
}

export function toDeviceKeyView(row: EnterpriseDeviceKeyRow): DeviceKeyView {
  return {
    keyId: row.keyId,
    label: row.label,
    issuedAt: row.issuedAt.toISOString(),
    issuedBy: row.issuedBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

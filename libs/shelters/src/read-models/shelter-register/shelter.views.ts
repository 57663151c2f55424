import type { JurisdictionRegistry } from '@app/shared';
import type { ShelterOccupancyEntry, ShelterView } from '../../contract';
import { SHELTER_FACILITY_LABELS, SHELTER_KIND_LABELS } from '../../domain/shelter/shelter.types';
import type { ShelterOccupancyRow, ShelterRow } from './shelter-register.entity';

export function toShelterView(row: ShelterRow, jurisdictions: JurisdictionRegistry): ShelterView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    kindLabel: SHELTER_KIND_LABELS[row.kind] ?? row.kind,
    capacity: row.capacity,
    occupants: row.occupants,
    freeCapacity: Math.max(0, row.capacity - row.occupants),
    occupancyRate: row.capacity > 0 ? Math.round((row.occupants / row.capacity) * 10_000) / 10_000 : 0,
    facilities: [...row.facilities],
    facilityLabels: row.facilities.map((f) => SHELTER_FACILITY_LABELS[f] ?? f),
    address: row.address,
    location: { lat: row.lat, lng: row.lng },
    jurisdiction: row.jurisdiction,
    jurisdictionName: jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
    incident: row.incidentId ? { id: row.incidentId, title: row.incidentTitle ?? '' } : null,
    occupancyUpdatedAt: row.occupancyUpdatedAt?.toISOString() ?? null,
    active: row.active,
    registeredAt: row.registeredAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    revision: row.revision,
  };
}

export function toOccupancyEntry(row: ShelterOccupancyRow): ShelterOccupancyEntry {
  return {
    at: row.at.toISOString(),
    occupants: row.occupants,
    incidentId: row.incidentId,
    incidentTitle: row.incidentTitle,
    note: row.note,
    by: row.by,
  };
}

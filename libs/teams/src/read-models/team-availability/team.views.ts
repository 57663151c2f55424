import { DEFAULT_TIME_ZONE, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import { nextStatuses } from '../../domain/team/team-lifecycle';
import { SPECIALTY_LABELS, TEAM_KIND_LABELS, TEAM_STATUS_LABELS } from '../../domain/team/team.types';
import type { TeamView } from '../../contract';
import type { TeamAvailabilityRow } from './team-availability.entity';

export type { TeamView } from '../../contract';

export function toTeamView(row: TeamAvailabilityRow, jurisdictions: JurisdictionRegistry): TeamView {
  const zone = jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    kindLabel: TEAM_KIND_LABELS[row.kind],
    specialties: row.specialties,
    specialtyLabels: row.specialties.map((s) => SPECIALTY_LABELS[s]),
    headcount: row.headcount,
    equipment: row.equipment,
    base: row.base,
    jurisdiction: row.jurisdiction,
    jurisdictionName: jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
    contact: row.contact,
    status: row.status,
    statusLabel: TEAM_STATUS_LABELS[row.status],
    /** Where a status report may move it next (docs/domain.md rule 14). */
    nextStatuses: [...nextStatuses(row.status)],
    statusSince: toZonedIso(row.statusSince, zone),
    incidentId: row.incidentId,
    /** The live drill the team is taken into (status `in_drill`), else null. */
    drillId: row.drillId ?? null,
    location: row.lastLocation ?? { lat: row.base.lat, lng: row.base.lng },
    revision: row.revision,
    position: row.position,
  };
}

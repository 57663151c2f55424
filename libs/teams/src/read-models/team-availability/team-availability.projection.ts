import type { EntityManager } from 'typeorm';
import { formatPosition, type RecordedEvent } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import { LIVE, RowBatch, type ApplyContext, type Projection } from '@app/event-sourcing/projections';
import type { JurisdictionRegistry } from '@app/shared';
import { teamEvents, type TeamEvent } from '../../domain/team/team.events';
import { TeamAvailabilityRow } from './team-availability.entity';
import { toTeamView } from './team.views';

/** Team availability: status, specialty, jurisdiction, location and current incident; pushes `team.changed`. */
export class TeamAvailabilityProjection implements Projection {
  readonly name = 'team-availability';
  readonly filter = { kind: 'category', categories: ['team'] } as const;
  readonly events = teamEvents;

  constructor(private readonly jurisdictions: JurisdictionRegistry) {}

  async apply(
    events: readonly Recorded<TeamEvent>[],
    manager: EntityManager,
    context: ApplyContext = LIVE,
  ): Promise<LiveDelta[]> {
    const batch = await new RowBatch<TeamAvailabilityRow, string>(manager, TeamAvailabilityRow, 'id').preload(
      events.map((e) => (e.data as { teamId?: string }).teamId),
    );
    for (const event of events) {
      const id = event.data.teamId;
      const next = applyToRow(await batch.current(id), event, event);
      if (next) batch.set(id, next, formatPosition(event.position));
    }
    await batch.write();
    if (!context.live) return [];
    return batch.entries().map(({ row, note: position }) => ({
      name: 'team.changed' as const,
      position,
      scope: { jurisdiction: row.jurisdiction, ...(row.incidentId ? { incidentId: row.incidentId } : {}) },
      data: toTeamView(row, this.jurisdictions),
    }));
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate team_availability');
  }
}

function applyToRow(
  row: TeamAvailabilityRow | null,
  event: TeamEvent,
  recorded: RecordedEvent,
): TeamAvailabilityRow | null {
  const common = { revision: Number(recorded.revision), position: formatPosition(recorded.position) };
  if (event.type === 'TeamRegistered') {
    const { teamId, registeredAt, ...profile } = event.data;
    return Object.assign(new TeamAvailabilityRow(), {
      id: teamId,
      ...profile,
      status: 'available',
      incidentId: null,
      drillId: null,
      lastLocation: null,
      statusSince: new Date(registeredAt),
      ...common,
    });
  }
  if (!row) return null;
  switch (event.type) {
    case 'TeamProfileUpdated': {
      const { teamId: _id, updatedAt: _at, ...changes } = event.data;
      return Object.assign(row, changes, common);
    }
    case 'TeamDispatched':
      return Object.assign(row, {
        status: 'dispatched',
        incidentId: event.data.incidentId,
        statusSince: new Date(event.data.dispatchedAt),
        ...common,
      });
    case 'TeamStatusReported': {
      const free = event.data.status === 'available' || event.data.status === 'out_of_service';
      return Object.assign(row, {
        status: event.data.status,
        incidentId: free ? null : row.incidentId,
        lastLocation: event.data.location ?? row.lastLocation,
        statusSince: new Date(event.data.reportedAt),
        ...common,
      });
    }
    case 'TeamTakenIntoDrill':
      return Object.assign(row, {
        status: 'in_drill',
        drillId: event.data.drillId,
        statusSince: new Date(event.data.at),
        ...common,
      });
    case 'TeamReleasedFromDrill':
      return Object.assign(row, {
        status: 'available',
        drillId: null,
        statusSince: new Date(event.data.at),
        ...common,
      });
    case 'TeamDispatchWithdrawn':
      return Object.assign(row, {
        status: event.data.status,
        incidentId: event.data.status === 'available' ? null : row.incidentId,
        statusSince: new Date(event.data.at),
        ...common,
      });
    default:
      return Object.assign(row, common);
  }
}

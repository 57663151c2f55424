import { DEFAULT_TIME_ZONE, toZonedIso } from '@app/shared';
import type { TimelineEntryView } from '../../contract';
import type { IncidentTimelineRow } from './incident-timeline.entity';

export type { TimelineEntryView } from '../../contract';

export function toTimelineView(row: IncidentTimelineRow, zone: string = DEFAULT_TIME_ZONE): TimelineEntryView {
  return {
    id: row.eventId,
    incidentId: row.incidentId,
    source: row.source,
    revision: row.revision,
    at: toZonedIso(row.at, zone),
    recordedAt: toZonedIso(row.recordedAt, zone),
    type: row.type,
    summary: row.summary,
    actor: row.actor,
    actorKind: row.actorKind,
    via: row.via,
    drillId: row.drillId,
    position: row.position,
  };
}

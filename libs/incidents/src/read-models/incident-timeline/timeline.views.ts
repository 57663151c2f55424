import { DEFAULT_TIME_ZONE, toZonedIso } from '@app/shared';
import type { IncidentTimelineRow } from './incident-timeline.entity';

export function toTimelineView(row: IncidentTimelineRow, zone: string = DEFAULT_TIME_ZONE) {
  return {
    incidentId: row.incidentId,
    revision: row.revision,
    at: toZonedIso(row.at, zone),
    recordedAt: toZonedIso(row.recordedAt, zone),
    type: row.type,
    summary: row.summary,
    actor: row.actor,
    drillId: row.drillId,
    position: row.position,
  };
}

export type TimelineEntryView = ReturnType<typeof toTimelineView>;

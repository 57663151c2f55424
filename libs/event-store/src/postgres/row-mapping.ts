import type { EventMetadata, RecordedEvent } from '../port/events';

/** Columns selected by every read; kept in one place so all reads map rows the same way. */
export const EVENT_COLUMNS = `e.global_position::text as global_position, e.transaction_id::text as transaction_id,
  e.stream_name, e.stream_revision::text as stream_revision, e.event_id, e.event_type, e.data, e.metadata, e.recorded_at`;

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_name: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.event_type,
    streamName: row.stream_name,
    revision: BigInt(row.stream_revision),
    position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.global_position) },
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}

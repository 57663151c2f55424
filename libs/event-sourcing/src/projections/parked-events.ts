import type { EntityManager } from 'typeorm';
import { formatPosition, type RecordedEvent } from '@app/event-store';

/** An event a projection could not apply after its bounded retries, set aside so that the projection goes on. */
export interface ParkedEvent {
  projection: string;
  eventId: string;
  eventType: string;
  streamName: string;
  streamRevision: string;
  position: string;
  error: string;
  attempts: number;
  parkedAt: string;
  retriedAt: string | null;
}

/** Long messages (a stack, a whole row) are cut: the row is for an operator's first look, the log has the rest. */
const ERROR_CHARS = 2000;

/** Written in the transaction that moves the checkpoint past the event, so an event is either applied or parked. */
export async function parkEvent(
  manager: EntityManager,
  projection: string,
  event: RecordedEvent,
  error: string,
  attempts: number,
): Promise<void> {
  await manager.query(
    `insert into parked_events
       (projection, event_id, event_type, stream_name, stream_revision, position_commit, position_prepare, error, attempts, parked_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
     on conflict (projection, event_id) do update
       set error = excluded.error, attempts = parked_events.attempts + excluded.attempts, parked_at = now(), resolved_at = null`,
    [
      projection,
      event.id,
      event.type,
      event.streamName,
      event.revision.toString(),
      event.position.commit.toString(),
      event.position.prepare.toString(),
      error.slice(0, ERROR_CHARS),
      attempts,
    ],
  );
}

interface ParkedRow {
  projection: string;
  event_id: string;
  event_type: string;
  stream_name: string;
  stream_revision: string;
  position_commit: string;
  position_prepare: string;
  error: string;
  attempts: number;
  parked_at: Date;
  retried_at: Date | null;
}

const COLUMNS = `projection, event_id, event_type, stream_name, stream_revision::text, position_commit::text, position_prepare::text,
                 error, attempts, parked_at, retried_at`;

function toParked(row: ParkedRow): ParkedEvent {
  return {
    projection: row.projection,
    eventId: row.event_id,
    eventType: row.event_type,
    streamName: row.stream_name,
    streamRevision: row.stream_revision,
    position: formatPosition({ commit: BigInt(row.position_commit), prepare: BigInt(row.position_prepare) }),
    error: row.error,
    attempts: row.attempts,
    parkedAt: row.parked_at.toISOString(),
    retriedAt: row.retried_at?.toISOString() ?? null,
  };
}

/** Events still parked (not yet applied by a retry), oldest first; all projections, or one. */
export async function listParked(manager: EntityManager, projection?: string): Promise<ParkedEvent[]> {
  const rows: ParkedRow[] = await manager.query(
    `select ${COLUMNS} from parked_events where resolved_at is null ${projection ? 'and projection = $1' : ''}
      order by position_commit, position_prepare`,
    projection ? [projection] : [],
  );
  return rows.map(toParked);
}

export async function findParked(
  manager: EntityManager,
  projection: string,
  eventId: string,
): Promise<ParkedEvent | undefined> {
  const rows: ParkedRow[] = await manager.query(
    `select ${COLUMNS} from parked_events where projection = $1 and event_id = $2 and resolved_at is null for update`,
    [projection, eventId],
  );
  return rows[0] ? toParked(rows[0]) : undefined;
}

/** Counts per projection of the events still parked (for /health and /metrics). */
export async function countParked(manager: EntityManager): Promise<Map<string, number>> {
  const rows: { projection: string; parked: number }[] = await manager.query(
    `select projection, count(*)::int as parked from parked_events where resolved_at is null group by projection`,
  );
  return new Map(rows.map((r) => [r.projection, r.parked]));
}

/** A retry's outcome: applied (the row stays as history, resolved) or failed again (the row says why). */
export async function markRetried(
  manager: EntityManager,
  projection: string,
  eventId: string,
  outcome: { applied: true } | { applied: false; error: string },
): Promise<void> {
  await manager.query(
    `update parked_events
        set retried_at = now(), attempts = attempts + 1,
            resolved_at = case when $3 then now() else null end,
            error = coalesce($4, error)
      where projection = $1 and event_id = $2`,
    [projection, eventId, outcome.applied, outcome.applied ? null : outcome.error.slice(0, ERROR_CHARS)],
  );
}

/** A rebuild replays the projection from the start, parked events included: its old parked rows no longer apply. */
export async function clearParked(manager: EntityManager, projection: string): Promise<void> {
  await manager.query(`delete from parked_events where projection = $1`, [projection]);
}

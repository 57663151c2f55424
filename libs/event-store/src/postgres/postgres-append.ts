import { categoryOf, type AppendResult, type EventToAppend } from '../port/events';
import type { ExpectedRevision } from '../port/expected-revision';
import {
  AppendKeyRecordedError,
  AppendKeyReusedError,
  IdempotencyConflictError,
  WrongExpectedVersionError,
} from '../port/errors';
import { parsePosition } from '../port/position';
import { isPgError } from './pg-errors';

/** Runs one statement on the store's pool (connection failures already translated). */
export type Query = <R extends object>(
  text: string,
  params: unknown[],
) => Promise<{ rows: R[]; rowCount: number | null }>;

interface AppendRow {
  outcome: 'ok' | 'idempotent' | 'wrong_expected_version' | 'idempotency_conflict' | 'key_reused' | 'key_recorded';
  next_revision: string | null;
  tx: string | null;
  last_position: string | null;
  actual_revision: string | null;
  /** Only from es_append_keyed, for `key_recorded`: the range and position the key's first append stored. */
  first_revision?: string | null;
  recorded_position?: string | null;
}

/**
 * The write path: one call of `es_append` (or `es_append_keyed` when the append carries an Idempotency-Key and keys
 * are recorded in the append's transaction), its outcome turned into the port's result or error. `written` says
 * whether new events were stored, so that the caller wakes its subscriptions only then.
 */
export async function appendToStream(
  query: Query,
  keyed: boolean,
  streamName: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
): Promise<AppendResult & { written: boolean }> {
  const kind = typeof expected === 'bigint' ? 'exact' : expected;
  const revision = typeof expected === 'bigint' ? expected.toString() : null;
  const params = [
    streamName,
    categoryOf(streamName),
    kind,
    revision,
    events.map((e) => e.id),
    events.map((e) => e.type),
    events.map((e) => JSON.stringify(e.data ?? null)),
    events.map((e) => JSON.stringify(e.metadata)),
  ];
  const key = keyed ? keyOf(events) : undefined;
  const text = key
    ? `select * from es_append_keyed($9, $10, $11, $1, $2, $3, $4, $5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[])`
    : `select * from es_append($1, $2, $3, $4, $5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[])`;
  const row = await query<AppendRow>(text, key ? [...params, key.actorId, key.key, key.requestHash] : params).then(
    (r) => r.rows[0]!,
    (error: unknown) => translateAppendError(error, streamName, events),
  );

  switch (row.outcome) {
    case 'wrong_expected_version':
      throw new WrongExpectedVersionError(
        streamName,
        expected,
        row.actual_revision === null ? 'no_stream' : BigInt(row.actual_revision),
      );
    case 'idempotency_conflict':
      throw new IdempotencyConflictError(
        streamName,
        events.map((e) => e.id),
      );
    case 'key_reused':
      throw new AppendKeyReusedError(key!.key);
    case 'key_recorded':
      throw new AppendKeyRecordedError({
        streamName,
        firstRevision: BigInt(row.first_revision!),
        lastRevision: BigInt(row.next_revision!),
        position: parsePosition(row.recorded_position!)!,
      });
    case 'ok':
    case 'idempotent':
      return {
        written: row.outcome === 'ok',
        nextRevision: BigInt(row.next_revision ?? '-1'),
        position: { commit: BigInt(row.tx ?? '0'), prepare: BigInt(row.last_position ?? '0') },
      };
  }
}

/** The key an append's events carry in their metadata (the command kernel puts it there), if any. */
function keyOf(
  events: readonly EventToAppend[],
): { actorId: string; key: string; requestHash: string | null } | undefined {
  const metadata = events[0]?.metadata;
  if (!metadata?.idempotencyKey || !metadata.actorId) return undefined;
  return { actorId: metadata.actorId, key: metadata.idempotencyKey, requestHash: metadata.requestHash ?? null };
}

function translateAppendError(error: unknown, streamName: string, events: readonly EventToAppend[]): never {
  // Ids already stored at another place in the stream: a retry that no longer matches its first attempt.
  if (isPgError(error) && error.code === '23505' && error.constraint === 'es_events_stream_event_id') {
    throw new IdempotencyConflictError(
      streamName,
      events.map((e) => e.id),
    );
  }
  throw error;
}

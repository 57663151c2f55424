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

/**
 * Runs one statement on the store's pool (connection failures already translated). A `name` makes it a prepared
 * statement on each connection: parsed and planned once per connection instead of once per call.
 */
export type Query = <R extends object>(
  text: string,
  params: unknown[],
  name?: string,
) => Promise<{ rows: R[]; rowCount: number | null }>;

/** One append as the port receives it. */
export interface AppendRequest {
  streamName: string;
  events: readonly EventToAppend[];
  expected: ExpectedRevision;
}

/** The port's result, and whether new events were stored (so that the caller wakes its subscriptions only then). */
export type AppendOutcome = AppendResult & { written: boolean };

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

interface AppendKey {
  actorId: string;
  key: string;
  requestHash: string | null;
}

const SINGLE = `select * from es_append($1, $2, $3, $4, $5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[])`;
const SINGLE_KEYED = `select * from es_append_keyed($9, $10, $11, $1, $2, $3, $4, $5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[])`;
const GROUP = `select * from es_append_group($1::text[], $2::text[], $3::text[], $4::bigint[], $5::int[], $6::text[],
  $7::text[], $8::text[], $9::uuid[], $10::text[], $11::jsonb[], $12::jsonb[])`;

/**
 * The write path for one append: one call of `es_append` (or `es_append_keyed` when the append carries an
 * Idempotency-Key and keys are recorded in the append's transaction), its outcome turned into the port's result or
 * error.
 */
export async function appendToStream(query: Query, keyed: boolean, request: AppendRequest): Promise<AppendOutcome> {
  const { streamName, events, expected } = request;
  const params = [
    streamName,
    categoryOf(streamName),
    expectedKind(expected),
    expectedRevision(expected),
    events.map((e) => e.id),
    events.map((e) => e.type),
    events.map((e) => JSON.stringify(e.data ?? null)),
    events.map((e) => JSON.stringify(e.metadata)),
  ];
  const key = keyed ? keyOf(events) : undefined;
  const row = await (
    key
      ? query<AppendRow>(SINGLE_KEYED, [...params, key.actorId, key.key, key.requestHash], 'es_append_keyed')
      : query<AppendRow>(SINGLE, params, 'es_append')
  ).then(
    (r) => r.rows[0]!,
    (error: unknown) => translateAppendError(error, streamName, events),
  );
  return outcomeOf(row, request, key);
}

/**
 * Several appends in one call of `es_append_group`, hence one transaction and one commit. Each append's own outcome
 * (or error) comes back in its place; a statement error (a unique violation in any one of them, a deadlock) rejects
 * the whole group, and the caller then runs the appends one by one to learn which outcome each one has.
 */
export async function appendGroup(
  query: Query,
  keyed: boolean,
  requests: readonly AppendRequest[],
): Promise<Array<{ ok: AppendOutcome } | { error: unknown }>> {
  const keys = requests.map((r) => (keyed ? keyOf(r.events) : undefined));
  const events = requests.flatMap((r) => r.events);
  const { rows } = await query<AppendRow & { item: number }>(
    GROUP,
    [
      requests.map((r) => r.streamName),
      requests.map((r) => categoryOf(r.streamName)),
      requests.map((r) => expectedKind(r.expected)),
      requests.map((r) => expectedRevision(r.expected)),
      requests.map((r) => r.events.length),
      keys.map((k) => k?.actorId ?? null),
      keys.map((k) => k?.key ?? null),
      keys.map((k) => k?.requestHash ?? null),
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data ?? null)),
      events.map((e) => JSON.stringify(e.metadata)),
    ],
    'es_append_group',
  );
  const byItem = new Map(rows.map((row) => [Number(row.item), row]));
  return requests.map((request, i) => {
    const row = byItem.get(i + 1);
    if (!row) return { error: new Error(`es_append_group returned no outcome for append ${i + 1}`) };
    try {
      return { ok: outcomeOf(row, request, keys[i]) };
    } catch (error) {
      return { error };
    }
  });
}

const expectedKind = (expected: ExpectedRevision): string => (typeof expected === 'bigint' ? 'exact' : expected);
const expectedRevision = (expected: ExpectedRevision): string | null =>
  typeof expected === 'bigint' ? expected.toString() : null;

function outcomeOf(row: AppendRow, request: AppendRequest, key: AppendKey | undefined): AppendOutcome {
  const { streamName, events, expected } = request;
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
function keyOf(events: readonly EventToAppend[]): AppendKey | undefined {
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

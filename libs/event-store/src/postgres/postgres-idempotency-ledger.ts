import type { Pool } from 'pg';
import type { EventStore, IdempotencyLedger } from '../port/event-store.port';
import type { EventToAppend } from '../port/events';
import {
  AppendKeyRecordedError,
  AppendKeyReusedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../port/errors';
import type { AppendKey, AppendOnceResult, KeyedAppend } from '../port/idempotency-ledger';
import { formatPosition, parsePosition } from '../port/position';

/**
 * How keyed appends are recorded:
 * - `in-append`: the PostgreSQL event store writes the record in the append's own transaction (`es_append_keyed`);
 * - `reservation`: for a store that cannot take part in a PostgreSQL transaction (KurrentDB). A row pins the revision
 *   the append expects before it is sent, and is completed after it. See docs/adr/0011-idempotency-across-stores.md
 *   for why no order of failures can append twice.
 */
export type LedgerMode = 'in-append' | 'reservation';

interface KeyRow {
  bound: string | null;
  status: 'reserved' | 'appended' | null;
  expected_revision: string | null;
  first_event_id: string | null;
  event_count: number | null;
  first_revision: string | null;
  last_revision: string | null;
  last_position: string | null;
}

/** The Idempotency-Key record in PostgreSQL (tables of migration 1732000001750). */
export class PostgresIdempotencyLedger implements IdempotencyLedger {
  constructor(
    private readonly pool: Pool,
    readonly mode: LedgerMode,
  ) {}

  async recall(store: EventStore, streamName: string, key: AppendKey): Promise<KeyedAppend | undefined> {
    const row = await this.row(streamName, key);
    if (!row?.status) return undefined;
    if (row.status === 'appended') return toKeyed(streamName, row);
    return this.settle(store, streamName, key, row);
  }

  async appendOnce(
    store: EventStore,
    streamName: string,
    events: readonly EventToAppend[],
    expected: bigint | 'no_stream',
    key: AppendKey,
  ): Promise<AppendOnceResult> {
    if (this.mode === 'in-append') {
      try {
        return { appended: await store.append(streamName, events, expected) };
      } catch (error) {
        if (error instanceof AppendKeyRecordedError) return { recorded: error.record };
        throw error;
      }
    }
    const recorded = await this.reserve(store, streamName, events, expected === 'no_stream' ? -1n : expected, key);
    if (recorded) return { recorded };
    // The pin is ours (or a dead attempt's with the same pin): at most one append at that revision can succeed.
    const appended = await store.append(streamName, events, expected);
    const first = appended.nextRevision - BigInt(events.length) + 1n;
    await this.complete(streamName, key, first, appended.nextRevision, formatPosition(appended.position));
    return { appended };
  }

  /**
   * Takes the reservation for `pin`, or answers what an earlier attempt stored. A reservation at another revision is
   * taken over only once the store shows that revision is dead (a foreign event follows it), since an append
   * expecting a revision that has been passed can never succeed.
   */
  private async reserve(
    store: EventStore,
    streamName: string,
    events: readonly EventToAppend[],
    pin: bigint,
    key: AppendKey,
  ): Promise<KeyedAppend | undefined> {
    await this.bind(key);
    const inserted = await this.pool.query(
      `insert into idempotency_key_streams (actor_id, idempotency_key, stream_name, status, expected_revision, first_event_id, event_count)
       values ($1, $2, $3, 'reserved', $4, $5, $6) on conflict do nothing`,
      [key.actorId, key.key, streamName, pin.toString(), events[0]!.id, events.length],
    );
    if (inserted.rowCount === 1) return undefined;
    const row = await this.row(streamName, key);
    if (!row?.status) throw new WrongExpectedVersionError(streamName, pin, 'no_stream');
    if (row.status === 'appended') return toKeyed(streamName, row);
    const settled = await this.settle(store, streamName, key, row);
    if (settled) return settled;
    const held = BigInt(row.expected_revision!);
    if (held === pin) return undefined;
    // Our load is older than the reservation: reload and decide again.
    if (pin < held) throw new WrongExpectedVersionError(streamName, pin, held);
    const moved = await this.pool.query(
      `update idempotency_key_streams set expected_revision = $4, event_count = $5
        where actor_id = $1 and idempotency_key = $2 and stream_name = $3 and status = 'reserved' and expected_revision = $6`,
      [key.actorId, key.key, streamName, pin.toString(), events.length, held.toString()],
    );
    if (moved.rowCount !== 1) throw new WrongExpectedVersionError(streamName, pin, held);
    return undefined;
  }

  /** A reservation's append may have been stored before its process died: the event after the pin says so. */
  private async settle(
    store: EventStore,
    streamName: string,
    key: AppendKey,
    row: KeyRow,
  ): Promise<KeyedAppend | undefined> {
    const from = BigInt(row.expected_revision!) + 1n;
    const stored = await store
      .readStream(streamName, { fromRevision: from, maxCount: row.event_count! })
      .catch((error: unknown) => {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      });
    if (stored[0]?.id !== row.first_event_id) return undefined;
    const last = stored[stored.length - 1]!;
    const position = formatPosition(last.position);
    await this.complete(streamName, key, stored[0]!.revision, last.revision, position);
    return { streamName, firstRevision: stored[0]!.revision, lastRevision: last.revision, position: last.position };
  }

  private async complete(
    streamName: string,
    key: AppendKey,
    first: bigint,
    last: bigint,
    position: string,
  ): Promise<void> {
    await this.pool.query(
      `update idempotency_key_streams set status = 'appended', first_revision = $4, last_revision = $5, last_position = $6, completed_at = now()
        where actor_id = $1 and idempotency_key = $2 and stream_name = $3 and status = 'reserved'`,
      [key.actorId, key.key, streamName, first.toString(), last.toString(), position],
    );
  }

  /** Binds the key to its request on first use; refuses it with another request. */
  private async bind(key: AppendKey): Promise<void> {
    const { rows } = await this.pool.query<{ request_hash: string | null }>(
      `insert into idempotency_keys as k (actor_id, idempotency_key, request_hash) values ($1, $2, $3)
         on conflict (actor_id, idempotency_key) do update set request_hash = coalesce(k.request_hash, excluded.request_hash)
       returning k.request_hash`,
      [key.actorId, key.key, key.requestHash ?? null],
    );
    assertSameRequest(key, rows[0]!.request_hash);
  }

  private async row(streamName: string, key: AppendKey): Promise<KeyRow | undefined> {
    const { rows } = await this.pool.query<KeyRow>(
      `select k.request_hash as bound, s.status, s.expected_revision::text, s.first_event_id::text, s.event_count,
              s.first_revision::text, s.last_revision::text, s.last_position
         from idempotency_keys k
         left join idempotency_key_streams s
           on s.actor_id = k.actor_id and s.idempotency_key = k.idempotency_key and s.stream_name = $3
        where k.actor_id = $1 and k.idempotency_key = $2`,
      [key.actorId, key.key, streamName],
    );
    const row = rows[0];
    if (row) assertSameRequest(key, row.bound);
    return row;
  }
}

function assertSameRequest(key: AppendKey, bound: string | null): void {
  if (key.requestHash && bound && bound !== key.requestHash) throw new AppendKeyReusedError(key.key);
}

function toKeyed(streamName: string, row: KeyRow): KeyedAppend {
  const position = parsePosition(row.last_position!);
  if (!position) throw new Error(`idempotency_key_streams: unreadable position ${row.last_position}`);
  return { streamName, firstRevision: BigInt(row.first_revision!), lastRevision: BigInt(row.last_revision!), position };
}

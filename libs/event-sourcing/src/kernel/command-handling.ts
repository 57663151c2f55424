import { randomUUID } from 'node:crypto';
import {
  AppendKeyReusedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendKey,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type KeyedAppend,
  type Position,
  type RecordedEvent,
} from '@app/event-store';
import { ConcurrencyExhaustedError, IdempotencyKeyReusedError, StaleRevisionError, type Clock } from '@app/shared';
import type { CommandContext } from './command-context';
import { fold, type Decider, type DomainEvent } from './decider';
import { idempotentEventId } from './idempotency';
import { stampSchemaVersions, upcast, type Upcasters } from './upcasting';
import type { SnapshotStore } from './snapshots';
import { KeyedMutex } from './keyed-mutex';

export interface CommandResult<S, E> {
  state: S;
  /** The events this command produced (or, for a replayed request, the ones its first attempt stored). */
  events: E[];
  /** Stream revision after the command; undefined if the stream still has no events. */
  revision: bigint | undefined;
  position: Position | undefined;
  /** True when an Idempotency-Key matched an earlier request: nothing new was appended. */
  replayed: boolean;
  /**
   * For a decision that appended nothing: the position of the last event it decided on, so the answer is read from
   * read models that have applied at least that much (a lagging one would contradict the decision).
   */
  seenPosition?: Position;
}

export interface CommandHandlingDeps {
  store: EventStore;
  clock: Clock;
  maxAttempts?: number;
  snapshots?: SnapshotStore;
}

interface Loaded<S, E> {
  state: S;
  revision: bigint | undefined;
  /** The events read (after the snapshot, when one was used). */
  recorded: RecordedEvent[];
  domain: E[];
  /** State and revision the read started from (a snapshot), if any. */
  base?: { state: S; revision: bigint };
}

/** One per process: commands on the same stream queue here instead of racing (see KeyedMutex). */
const streamQueue = new KeyedMutex();

/** Load → decide → append with the expected revision; re-run on a concurrent write, a bounded number of times. */
export function handleCommand<C, E extends DomainEvent, S>(
  deps: CommandHandlingDeps,
  decider: Decider<C, E, S> & { upcasters?: Upcasters },
  streamName: string,
  command: C,
  context: CommandContext,
): Promise<CommandResult<S, E>> {
  return streamQueue.run(streamName, () => decideAndAppend(deps, decider, streamName, command, context));
}

async function decideAndAppend<C, E extends DomainEvent, S>(
  deps: CommandHandlingDeps,
  decider: Decider<C, E, S> & { upcasters?: Upcasters },
  streamName: string,
  command: C,
  context: CommandContext,
): Promise<CommandResult<S, E>> {
  const attempts = context.expectedRevision === undefined ? (deps.maxAttempts ?? 10) : 1;
  const key = appendKeyOf(context);
  const ledger = deps.store.idempotency;
  for (let attempt = 1; ; attempt++) {
    const loaded = await load(deps.store, decider, streamName, deps.snapshots);
    assertVisible(decider, loaded.state, context, streamName);
    // A retried keyed request is answered from its key record, wherever its events lie (before a snapshot included).
    const recorded = key ? await keyed(() => ledger.recall(deps.store, streamName, key)) : undefined;
    if (recorded) return replay(deps.store, decider, recorded, loaded);
    if (context.expectedRevision !== undefined && context.expectedRevision !== loaded.revision) {
      throw new StaleRevisionError(context.expectedRevision, loaded.revision);
    }
    const events = decider.decide(command, loaded.state);
    if (events.length === 0) {
      const seenPosition = await lastPositionOf(deps.store, streamName, loaded);
      return {
        state: loaded.state,
        events,
        revision: loaded.revision,
        position: undefined,
        replayed: false,
        seenPosition,
      };
    }
    const expected = loaded.revision === undefined ? ('no_stream' as const) : loaded.revision;
    const state = fold(decider, events, loaded.state);
    const scoped = { ...decider.scopeOf?.(state), ...withoutScope(context) };
    const envelopes = stampSchemaVersions(toEnvelopes(events, streamName, scoped, deps.clock), decider.upcasters);
    try {
      let result: AppendResult;
      if (key) {
        const outcome = await keyed(() => ledger.appendOnce(deps.store, streamName, envelopes, expected, key));
        if ('recorded' in outcome) return replay(deps.store, decider, outcome.recorded, loaded);
        result = outcome.appended;
      } else {
        result = await deps.store.append(streamName, envelopes, expected);
      }
      await maybeSnapshot(deps.snapshots, decider, streamName, loaded, state, result.nextRevision);
      return { state, events, revision: result.nextRevision, position: result.position, replayed: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (context.expectedRevision !== undefined) throw new StaleRevisionError(context.expectedRevision, undefined);
      if (attempt >= attempts) throw new ConcurrencyExhaustedError(streamName, attempt);
      // Jittered back-off so that writers who collided do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

function appendKeyOf(context: CommandContext): AppendKey | undefined {
  if (!context.idempotencyKey) return undefined;
  return {
    actorId: context.actorId,
    key: context.idempotencyKey,
    ...(context.requestHash ? { requestHash: context.requestHash } : {}),
  };
}

/** The store's refusal of a reused key becomes the domain's (422 IDEMPOTENCY_KEY_REUSED). */
async function keyed<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof AppendKeyReusedError) throw new IdempotencyKeyReusedError();
    throw error;
  }
}

function assertVisible<C, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  state: S,
  context: CommandContext,
  stream: string,
): void {
  if (!context.visibleJurisdictions || !decider.scopeOf) return;
  const { jurisdiction } = decider.scopeOf(state);
  if (jurisdiction !== undefined && !context.visibleJurisdictions.includes(jurisdiction)) {
    throw decider.notFound?.() ?? new Error(`${stream} is outside the actor's jurisdictions`);
  }
}

/** The actor's scope decides visibility; it is not event metadata (the jurisdiction of the aggregate is). */
function withoutScope(context: CommandContext): Omit<CommandContext, 'visibleJurisdictions'> {
  const { visibleJurisdictions: _scope, ...rest } = context;
  return rest;
}

export async function load<E extends DomainEvent, S>(
  store: EventStore,
  decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState' | 'snapshotting'> & { upcasters?: Upcasters },
  streamName: string,
  snapshots?: SnapshotStore,
): Promise<Loaded<S, E>> {
  try {
    const snapshot =
      snapshots && decider.snapshotting ? await snapshots.load(streamName, decider.snapshotting.version) : undefined;
    const base = snapshot ? { state: snapshot.state as S, revision: snapshot.revision } : undefined;
    const recorded = await readWholeStream(store, streamName, base ? base.revision + 1n : 0n);
    const domain = recorded.map((r) => upcast(r, decider.upcasters) as E);
    const last = recorded[recorded.length - 1];
    return {
      state: fold(decider, domain, base?.state),
      revision: last?.revision ?? base?.revision,
      recorded,
      domain,
      ...(base ? { base } : {}),
    };
  } catch (error) {
    if (error instanceof StreamNotFoundError) {
      return { state: decider.initialState, revision: undefined, recorded: [], domain: [] };
    }
    throw error;
  }
}

/** The position of the stream's last event: from what was read, or (a snapshot covering all) one more read. */
async function lastPositionOf<S, E>(
  store: EventStore,
  streamName: string,
  loaded: Loaded<S, E>,
): Promise<Position | undefined> {
  const last = loaded.recorded[loaded.recorded.length - 1];
  if (last) return last.position;
  if (loaded.revision === undefined) return undefined;
  const [event] = await store.readStream(streamName, { fromRevision: loaded.revision, maxCount: 1 });
  return event?.position;
}

/** Adapters cap one read; a long stream (a warehouse's years of receipts) is read page by page. */
const PAGE = 5000;

async function readWholeStream(store: EventStore, streamName: string, start: bigint): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const from = all.length === 0 ? start : all[all.length - 1]!.revision + 1n;
    const page = await store.readStream(streamName, { fromRevision: from, maxCount: PAGE });
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

/**
 * The answer to a retried keyed request, as its first attempt had it: the events it stored, its revision and
 * position, and the state just after them (folded from the start when a snapshot already covers them).
 */
async function replay<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S> & { upcasters?: Upcasters },
  recorded: KeyedAppend,
  loaded: Loaded<S, E>,
): Promise<CommandResult<S, E>> {
  const count = Number(recorded.lastRevision - recorded.firstRevision) + 1;
  const stored = await store.readStream(recorded.streamName, { fromRevision: recorded.firstRevision, maxCount: count });
  const events = stored.map((r) => upcast(r, decider.upcasters) as E);
  const baseRevision = loaded.base?.revision ?? -1n;
  let state: S;
  if (baseRevision <= recorded.lastRevision) {
    const upTo = loaded.recorded.findIndex((r) => r.revision > recorded.lastRevision);
    state = fold(decider, upTo === -1 ? loaded.domain : loaded.domain.slice(0, upTo), loaded.base?.state);
  } else {
    const history = await readWholeStream(store, recorded.streamName, 0n);
    state = fold(
      decider,
      history.filter((r) => r.revision <= recorded.lastRevision).map((r) => upcast(r, decider.upcasters) as E),
    );
  }
  return { state, events, revision: recorded.lastRevision, position: recorded.position, replayed: true };
}

/** A snapshot is an optimisation: failing to store one must not fail the command that already committed. */
async function maybeSnapshot<C, E extends DomainEvent, S>(
  snapshots: SnapshotStore | undefined,
  decider: Decider<C, E, S>,
  streamName: string,
  loaded: Loaded<S, E>,
  state: S,
  revision: bigint,
): Promise<void> {
  const policy = decider.snapshotting;
  if (!snapshots || !policy) return;
  const since = revision - (loaded.base?.revision ?? -1n);
  if (since < BigInt(policy.every)) return;
  await snapshots.save(streamName, policy.version, { revision, state }).catch(() => undefined);
}

function toEnvelopes<E extends DomainEvent>(
  events: E[],
  streamName: string,
  context: CommandContext,
  clock: Clock,
): EventToAppend[] {
  const occurredAt = clock.now().toISOString();
  return events.map((event, index) => ({
    id: context.idempotencyKey
      ? idempotentEventId(streamName, context.actorId, context.idempotencyKey, index)
      : randomUUID(),
    type: event.type,
    data: event.data,
    metadata: {
      correlationId: context.correlationId,
      causationId: context.causationId,
      actorId: context.actorId,
      ...(context.actorName ? { actorName: context.actorName } : {}),
      ...(context.actorRoles ? { actorRoles: [...context.actorRoles] } : {}),
      ...(context.onBehalfOf
        ? {
            onBehalfOfId: context.onBehalfOf.id,
            ...(context.onBehalfOf.name ? { onBehalfOfName: context.onBehalfOf.name } : {}),
          }
        : {}),
      occurredAt,
      schemaVersion: 1,
      ...(context.jurisdiction ? { jurisdiction: context.jurisdiction } : {}),
      ...(context.drillId ? { drillId: context.drillId } : {}),
      ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey, requestHash: context.requestHash } : {}),
    },
  }));
}

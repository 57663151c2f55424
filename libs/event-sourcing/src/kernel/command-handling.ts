import { randomUUID } from 'node:crypto';
import {
  IdempotencyConflictError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type Position,
  type RecordedEvent,
} from '@app/event-store';
import { ConcurrencyExhaustedError, DomainError, IdempotencyKeyReusedError, StaleRevisionError, type Clock } from '@app/shared';
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
  for (let attempt = 1; ; attempt++) {
    const loaded = await load(deps.store, decider, streamName, deps.snapshots);
    assertVisible(decider, loaded.state, context, streamName);
    const replay = findReplay(loaded, decider, streamName, context);
    if (replay) return replay;
    if (context.expectedRevision !== undefined && context.expectedRevision !== loaded.revision) {
      throw new StaleRevisionError(context.expectedRevision, loaded.revision);
    }
    const events = decider.decide(command, loaded.state);
    if (events.length === 0) {
      return { state: loaded.state, events, revision: loaded.revision, position: undefined, replayed: false };
    }
    const expected: ExpectedRevision = loaded.revision === undefined ? 'no_stream' : loaded.revision;
    const state = fold(decider, events, loaded.state);
    const scoped = { ...decider.scopeOf?.(state), ...withoutScope(context) };
    try {
      const result = await deps.store.append(streamName, stampSchemaVersions(toEnvelopes(events, streamName, scoped, deps.clock), decider.upcasters), expected);
      await maybeSnapshot(deps.snapshots, decider, streamName, loaded, state, result.nextRevision);
      return { state, events, revision: result.nextRevision, position: result.position, replayed: false };
    } catch (error) {
      if (error instanceof IdempotencyConflictError) throw new IdempotentRequestDoneError();
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (context.expectedRevision !== undefined) throw new StaleRevisionError(context.expectedRevision, undefined);
      if (attempt >= attempts) throw new ConcurrencyExhaustedError(streamName, attempt);
      // Jittered back-off so that writers who collided do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

function assertVisible<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, state: S, context: CommandContext, stream: string): void {
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
    const snapshot = snapshots && decider.snapshotting ? await snapshots.load(streamName, decider.snapshotting.version) : undefined;
    const base = snapshot ? { state: snapshot.state as S, revision: snapshot.revision } : undefined;
    const recorded = await readWholeStream(store, streamName, base ? base.revision + 1n : 0n);
    const domain = recorded.map((r) => upcast(r, decider.upcasters) as E);
    const last = recorded[recorded.length - 1];
    return { state: fold(decider, domain, base?.state), revision: last?.revision ?? base?.revision, recorded, domain, ...(base ? { base } : {}) };
  } catch (error) {
    if (error instanceof StreamNotFoundError) {
      return { state: decider.initialState, revision: undefined, recorded: [], domain: [] };
    }
    throw error;
  }
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

/** A retried keyed request: its first event id is already stored, so answer with what that attempt did. */
function findReplay<C, E extends DomainEvent, S>(
  loaded: Loaded<S, E>,
  decider: Decider<C, E, S>,
  streamName: string,
  context: CommandContext,
): CommandResult<S, E> | undefined {
  if (!context.idempotencyKey) return undefined;
  const firstId = idempotentEventId(streamName, context.idempotencyKey, 0);
  const start = loaded.recorded.findIndex((r) => r.id === firstId);
  if (start === -1) return undefined;
  if (context.requestHash && loaded.recorded[start]!.metadata.requestHash !== context.requestHash) {
    throw new IdempotencyKeyReusedError();
  }
  let end = start;
  while (loaded.recorded[end + 1]?.id === idempotentEventId(streamName, context.idempotencyKey, end + 1 - start)) end++;
  const last = loaded.recorded[end]!;
  return {
    state: fold(decider, loaded.domain.slice(0, end + 1), loaded.base?.state),
    events: loaded.domain.slice(start, end + 1),
    revision: last.revision,
    position: last.position,
    replayed: true,
  };
}

/**
 * A retry whose first attempt lies before the snapshot is not recognised as a replay, but its deterministic event
 * ids are then refused by the store (contract: ids stored earlier are never stored twice), so nothing is doubled.
 */
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
  // A snapshot is an optimisation: failing to store one must not fail the command that already committed.
  await snapshots.save(streamName, policy.version, { revision, state }).catch(() => undefined);
}

/** A keyed request whose events are already stored, but too far back to answer with its first response. */
class IdempotentRequestDoneError extends DomainError {
  constructor() {
    super('IDEMPOTENT_REQUEST_DONE', 'conflict', '该请求（Idempotency-Key）早已处理，未重复执行；请刷新查看当前状态');
  }
}

function toEnvelopes<E extends DomainEvent>(events: E[], streamName: string, context: CommandContext, clock: Clock): EventToAppend[] {
  const occurredAt = clock.now().toISOString();
  return events.map((event, index) => ({
    id: context.idempotencyKey ? idempotentEventId(streamName, context.idempotencyKey, index) : randomUUID(),
    type: event.type,
    data: event.data,
    metadata: {
      correlationId: context.correlationId,
      causationId: context.causationId,
      actorId: context.actorId,
      ...(context.actorName ? { actorName: context.actorName } : {}),
      ...(context.actorRoles ? { actorRoles: [...context.actorRoles] } : {}),
      occurredAt,
      schemaVersion: 1,
      ...(context.jurisdiction ? { jurisdiction: context.jurisdiction } : {}),
      ...(context.drillId ? { drillId: context.drillId } : {}),
      ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey, requestHash: context.requestHash } : {}),
    },
  }));
}

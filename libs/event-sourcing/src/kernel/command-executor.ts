import { formatPosition, type EventStore, type Position } from '@app/event-store';
import { NO_DRILLS, type Clock, type DrillParticipation } from '@app/shared';
import type { DeclaredAggregate } from './aggregate';
import type { CommandContext } from './command-context';
import { handleCommand, load, type CommandResult } from './command-handling';
import type { DomainEvent } from './decider';
import { assertDrillDataRules } from './drill-data-guard';
import type { SnapshotStore } from './snapshots';

/** The projection runner, as far as the executor needs it: wait until a read model has applied a position. */
export interface ReadModelWaiter {
  /** Resolves false when the read model did not reach `position` in time. */
  waitFor(projection: string, position: Position): Promise<boolean>;
}

export interface CommandExecutorDeps {
  store: EventStore;
  clock: Clock;
  snapshots?: SnapshotStore;
  /** Absent for process managers: they run inside the projection runner and must not wait on it. */
  readModels?: ReadModelWaiter;
  drills?: DrillParticipation;
}

/** What a command did to its aggregate: the kernel's result plus the aggregate's id. */
export interface Executed<S, E> extends CommandResult<S, E> {
  id: string;
}

/** The part of every command's HTTP answer that comes from the write itself (docs/api.md, "Commands"). */
export interface CommandAnswer {
  id: string;
  /** Stream revision after the command; -1 while the stream has no events. */
  revision: number;
  /** Global position of the last event appended, for waiting on live deltas; null when nothing was appended. */
  position: string | null;
  /** True when an Idempotency-Key matched an earlier request and nothing new was appended. */
  replayed: boolean;
}

/**
 * The one write path every command takes (controllers, schedulers, process managers): drill-data rules, then load
 * (snapshot + tail) → decide → append with the expected revision (retried on a concurrent write, keyed by the
 * Idempotency-Key), then wait until the aggregate's read models have applied the events, so the caller reads its own
 * write. Framework-free; the app provides one instance to Nest.
 */
export class CommandExecutor {
  constructor(private readonly deps: CommandExecutorDeps) {}

  now(): Date {
    return this.deps.clock.now();
  }

  async execute<C, E extends DomainEvent, S>(
    aggregate: DeclaredAggregate<C, E, S>,
    id: string,
    command: C,
    context: CommandContext,
  ): Promise<Executed<S, E>> {
    const stream = aggregate.streamOf(id);
    const { store, clock, snapshots, readModels, drills = NO_DRILLS } = this.deps;
    const drillData = aggregate.drillData;
    // A request whose key already stored events is answered from its record; the drill rules were met then.
    if (drillData && !context.keyApplied && (command as { type?: unknown }).type !== drillData.createdWith) {
      await assertDrillDataRules(
        store,
        drills,
        { kind: drillData.kind, id, stream, createdBy: drillData.createdBy },
        context,
      );
    }
    const kernel = { store, clock, ...(snapshots && aggregate.decider.snapshotting ? { snapshots } : {}) };
    const result = await handleCommand(kernel, aggregate.decider, stream, command, context);
    const waitAt = result.position ?? result.seenPosition;
    const caughtUp = waitAt && readModels ? await this.readModelsReach(aggregate, waitAt, readModels) : true;
    context.onDecided?.({
      category: aggregate.category,
      id,
      ...(aggregate.resource ? { location: `/${aggregate.resource}/${id}` } : {}),
      revision: result.revision,
      position: result.position,
      replayed: result.replayed,
      readModelsCaughtUp: caughtUp,
    });
    return { ...result, id };
  }

  /** Whether every read model the answer is built from has applied `position` (false after the runner's time-out). */
  private async readModelsReach(
    aggregate: DeclaredAggregate<unknown, DomainEvent, unknown>,
    position: Position,
    readModels: ReadModelWaiter,
  ): Promise<boolean> {
    // A wait that fails (the database going away) counts as not caught up: the events are stored all the same.
    const reached = await Promise.all(
      aggregate.readModels.map((name) => readModels.waitFor(name, position).catch(() => false)),
    );
    return reached.every((done) => done !== false);
  }

  /** The aggregate as its stream holds it now (a scheduler or a precondition decides from this, not from a read model). */
  async load<E extends DomainEvent, S>(
    aggregate: DeclaredAggregate<unknown, E, S>,
    id: string,
  ): Promise<{ state: S; revision: bigint | undefined }> {
    const snapshots = aggregate.decider.snapshotting ? this.deps.snapshots : undefined;
    const loaded = await load(this.deps.store, aggregate.decider, aggregate.streamOf(id), snapshots);
    return { state: loaded.state, revision: loaded.revision };
  }

  /** The same executor without read-your-writes waits: for process managers running inside the projection runner. */
  withoutReadModelWaits(): CommandExecutor {
    const { readModels: _waits, ...rest } = this.deps;
    return new CommandExecutor(rest);
  }
}

export function commandAnswer(executed: Executed<unknown, unknown>): CommandAnswer {
  return {
    id: executed.id,
    revision: Number(executed.revision ?? -1),
    position: executed.position ? formatPosition(executed.position) : null,
    replayed: executed.replayed,
  };
}

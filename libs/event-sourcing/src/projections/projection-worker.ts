import type { DataSource, EntityManager } from 'typeorm';
import {
  formatPosition,
  isAfter,
  START,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
  UndecodableEventError,
} from '@app/event-store';
import { MessageBatcher, trailingCheckpoint } from './batching';
import { readCheckpoint, writeCheckpoint } from './checkpoint-store';
import type { LiveDelta, LiveDeltaBus } from './live-delta';
import { parkEvent } from './parked-events';
import { isProcessManager, type ProcessManager } from './process-manager';
import type { ProjectionLocks } from './projection-locks';
import { LIVE, type ApplyContext, type Projection } from './projection';

export interface WorkerOptions {
  /** Events per batch once the projection follows the head of the log (live operation). */
  batchSize: number;
  /**
   * Events per batch while it catches up on history (a rebuild, a start far behind the head): read in pages of this
   * size straight from the store, the next page read while the current one is applied. At most the store's largest
   * read (10,000); at or below `batchSize` the catch-up is left to the subscription.
   */
  catchUpBatchSize: number;
  retryDelayMs: number;
  lockRetryMs: number;
  /** Attempts at one event, alone in its transaction, before it is parked (the first, failed batch not counted). */
  maxAttempts: number;
  /** Pause before the second attempt at an event; doubled before each further one. */
  attemptDelayMs: number;
  log: (message: string) => void;
  /** A batch committed here (so other processes can be told: their commands wait on it). */
  onApplied?: (projection: string, position: Position) => void;
  /** This process took the projection over from another one (which may have died before sending its deltas). */
  onTakeover?: (projection: string) => void;
  /**
   * Wraps each attempt at a batch, its commit and the publishing of its deltas (tracing: a span linked to the spans
   * that appended the events). Unset: the batch just runs.
   */
  aroundBatch?: BatchWrapper;
}

/** Runs `apply` (one attempt at `events` for `projection`) inside whatever the wrapper sets up, returning its result. */
export type BatchWrapper = (
  projection: string,
  events: readonly RecordedEvent[],
  apply: () => Promise<void>,
) => Promise<void>;

/**
 * Runs one projection: owns it through a session advisory lock, subscribes from the stored checkpoint, and
 * applies each batch with its checkpoint in one transaction. Deltas go out only after commit.
 */
export class ProjectionWorker {
  checkpoint: Position | undefined;
  /**
   * The position from which this process can vouch for every delta: where it started running the projection, or,
   * while another process runs it, the stored checkpoint when this one started following that process's deltas.
   */
  startedFrom: Position | undefined;
  /** How far the process that runs the projection has applied it, as it told us (several API processes). */
  private observed: Position | undefined;
  caughtUp = false;
  eventsApplied = 0;
  /**
   * Set by a rebuild until the worker has replayed the history up to the head: the batches it applies meanwhile build
   * no live deltas (the consoles received them when the events were new).
   */
  rebuilding = false;
  /** Why the projection stopped for good (a record it cannot decode), until an operator acts; shown by /health. */
  failure: string | undefined;
  private stopped = false;
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  /** Each waiting `waitFor`: its check (run when the projection moves) and how to end it. */
  private readonly waiters = new Map<() => void, (ok: boolean) => void>();
  /** Whether another process ran this projection while this one waited (then taking it is a takeover). */
  private everFollowed = false;

  constructor(
    readonly projection: Projection,
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly bus: LiveDeltaBus,
    private readonly options: WorkerOptions,
    private readonly locks: ProjectionLocks,
  ) {}

  start(): void {
    this.stopped = false;
    this.failure = undefined;
    this.loop ??= this.run().finally(() => (this.loop = undefined));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.releaseWaiters();
    await this.subscription?.close();
    await this.loop;
    await this.releaseLock();
  }

  /** Whether this process runs the projection now (holds its lock). */
  get owner(): boolean {
    return this.locks.holds(this.projection.name);
  }

  /** Another process applied the projection up to `position`: commands waiting here on it may answer. */
  observe(position: Position): void {
    if (this.observed && !isAfter(position, this.observed)) return;
    this.observed = position;
    for (const check of [...this.waiters.keys()]) check();
  }

  /** How far the projection is applied as far as this process knows: by itself, or as the owning process told it. */
  get appliedUpTo(): Position | undefined {
    return this.owner || !this.observed ? this.checkpoint : this.observed;
  }

  private applied(position: Position): boolean {
    return (
      (!!this.checkpoint && !isAfter(position, this.checkpoint)) ||
      (!!this.observed && !isAfter(position, this.observed))
    );
  }

  /** Resolves true once everything up to `position` is applied (here or by the owning process), false after `timeoutMs`. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.applied(position)) return Promise.resolve(true);
    // Stopped, it applies nothing more: the caller answers now (a command: 202) instead of at its timeout.
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.applied(position)) finish(true);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (ok: boolean): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(ok);
      };
      this.waiters.set(check, finish);
    });
  }

  /**
   * A stop ends every wait at once with false. A shutdown stops the projections before the modules that still flush
   * (the MQTT batch raises its alarms through commands that wait on the alarms' read model): each of those commands
   * would otherwise wait out the whole read-model wait, in turn.
   */
  private releaseWaiters(): void {
    for (const finish of [...this.waiters.values()]) finish(false);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!(await this.acquireLock())) {
          // Another process runs it. Its deltas reach this process from now on (the realtime feed is set up before
          // the projections start), so resumes can be answered from the stored checkpoint onwards.
          this.startedFrom ??= (await readCheckpoint(this.dataSource.manager, this.projection.name)) ?? START;
          await sleep(this.options.lockRetryMs);
          continue;
        }
        await this.dataSource.query(
          `insert into projection_checkpoints (projection, position_commit, position_prepare) values ($1, 0, 0)
           on conflict (projection) do nothing`,
          [this.projection.name],
        );
        this.checkpoint = await readCheckpoint(this.dataSource.manager, this.projection.name);
        const takeover = this.startedFrom !== undefined && this.everFollowed;
        // After a takeover, deltas of the last batches of the old owner may never have been sent: vouch only from here.
        this.startedFrom = takeover || !this.startedFrom ? this.checkpoint : this.startedFrom;
        if (takeover) this.options.onTakeover?.(this.projection.name);
        if (isProcessManager(this.projection)) await this.seatIfListed(this.projection);
        if (!this.stopped) await this.follow();
      } catch (error) {
        if (isUndecodable(error)) {
          await this.stopFor(error);
          return;
        }
        this.options.log(
          `projection ${this.projection.name}: ${error instanceof Error ? error.message : String(error)}; retrying`,
        );
        await this.subscription?.close().catch(() => undefined);
        // A broken lock connection means we may no longer own the projection: take it again.
        await this.releaseLock();
        if (!this.stopped) await sleep(this.options.retryDelayMs);
      }
    }
  }

  private async follow(): Promise<void> {
    await this.catchUp();
    // Stopped meanwhile: no subscription (stop() closed the one there was, none, before it could be opened).
    if (this.stopped) return;
    this.rebuilding = false;
    const subscription = this.store.subscribeAll({ fromExclusive: this.checkpoint, filter: this.projection.filter });
    this.subscription = subscription;
    const batcher = new MessageBatcher(subscription[Symbol.asyncIterator]());
    while (!this.stopped) {
      const { messages, done } = await batcher.next(this.options.batchSize);
      const events = messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
      // Applying without the lock would still be correct (the checkpoint row lock), but another process owns it now.
      if (!this.owner) throw new Error('lost its ownership lock (connection to the database broken)');
      if (events.length > 0) {
        this.caughtUp = false;
        await this.applyBatch(events);
      }
      const vouched = trailingCheckpoint(messages);
      if (vouched && (!this.checkpoint || isAfter(vouched, this.checkpoint))) await this.advanceTo(vouched);
      if (messages.some((m) => m.kind === 'caughtUp')) this.caughtUp = true;
      if (done) break;
    }
  }

  /**
   * Applies the history after the checkpoint in large batches, read page by page with `readAll` (which, like the
   * subscription, never returns an event past a transaction still running): the next page is read while the current
   * one is applied. Ends at the first short page; the subscription takes over from the checkpoint reached.
   */
  private async catchUp(): Promise<void> {
    const size = Math.min(this.options.catchUpBatchSize, MAX_PAGE);
    if (size <= this.options.batchSize) return;
    const read = (after: Position | undefined): Promise<RecordedEvent[]> => {
      const page = this.store.readAll({ after, filter: this.projection.filter, maxCount: size });
      // A page read ahead may fail while the current one is applied (or after a stop): seen when awaited, never unhandled.
      page.catch(() => undefined);
      return page;
    };
    let next = read(this.checkpoint);
    while (!this.stopped) {
      const events = await next;
      if (events.length === 0) return;
      const more = events.length >= size;
      if (more) next = read(events[events.length - 1]!.position);
      if (!this.owner) throw new Error('lost its ownership lock (connection to the database broken)');
      this.caughtUp = false;
      await this.applyBatch(events);
      if (!more) return;
    }
  }

  /**
   * A batch goes in one transaction. If it fails for a reason other than the database's (a poison event: a row the
   * read model refuses, data the handler cannot read), its events are applied one by one so that the bad one is found
   * and parked after `maxAttempts` while the others apply: the checkpoint keeps moving and commands waiting on a later
   * position are answered. A failure of the database itself is not the event's fault: it goes to the caller, which
   * reconnects and resumes from the checkpoint, as before.
   */
  private async applyBatch(events: RecordedEvent[]): Promise<void> {
    try {
      await this.applyInOne(events);
    } catch (error) {
      if (this.stopped || isInfrastructureFailure(error) || isUndecodable(error)) throw error;
      // A large batch (catch-up) is halved until the failing part is small: one bad event among thousands costs a few
      // smaller transactions, not thousands of single ones.
      if (events.length > SPLIT_DOWN_TO) {
        const half = Math.ceil(events.length / 2);
        await this.applyBatch(events.slice(0, half));
        await this.applyBatch(events.slice(half));
        return;
      }
      for (const event of events) await this.applyAlone(event, error);
    }
  }

  private async applyAlone(event: RecordedEvent, firstError: unknown): Promise<void> {
    let error = firstError;
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      try {
        await this.applyInOne([event]);
        return;
      } catch (failure) {
        if (this.stopped || isInfrastructureFailure(failure) || isUndecodable(failure)) throw failure;
        error = failure;
        if (attempt < this.options.maxAttempts) await sleep(this.options.attemptDelayMs * 2 ** (attempt - 1));
      }
    }
    await this.park(event, describe(error), this.options.maxAttempts);
  }

  private applyInOne(events: RecordedEvent[]): Promise<void> {
    const around = this.options.aroundBatch;
    return around ? around(this.projection.name, events, () => this.applyNow(events)) : this.applyNow(events);
  }

  private async applyNow(events: RecordedEvent[]): Promise<void> {
    const last = events[events.length - 1]!.position;
    let fresh: RecordedEvent[] = [];
    const deltas = await this.dataSource.transaction(async (manager) => {
      const stored = await readCheckpoint(manager, this.projection.name, true);
      // The row lock serialises batches; skipping what is already applied makes a second owner harmless.
      fresh = stored ? events.filter((e) => isAfter(e.position, stored)) : events;
      if (fresh.length === 0) return [];
      // Types the projection does not declare are skipped (an unknown type must not stop it); old shapes are upcast.
      const known = this.projection.events.readAll(fresh);
      const context: ApplyContext = this.rebuilding ? { live: false } : LIVE;
      const produced: LiveDelta[] = known.length > 0 ? await this.projection.apply(known, manager, context) : [];
      await writeCheckpoint(manager, this.projection.name, last, this.store.origin);
      return produced;
    });
    this.advanced(fresh.length, last, deltas);
  }

  /**
   * Stores the store's own checkpoint (KurrentDB's filter checkpoints): every event the projection follows up to it was
   * applied, so a restart continues from here instead of searching the skipped part of the log again.
   */
  private async advanceTo(position: Position): Promise<void> {
    const moved = await this.dataSource.transaction(async (manager) => {
      const stored = await readCheckpoint(manager, this.projection.name, true);
      if (stored && !isAfter(position, stored)) return false;
      await writeCheckpoint(manager, this.projection.name, position, this.store.origin);
      return true;
    });
    if (moved) this.advanced(0, position, [], true);
  }

  /**
   * A record that cannot be decoded is not a handler's failure: parking it would move past an event every read model
   * lacks, and retrying cannot help. The projection stops where it is (checkpoint before the record), releases its
   * lock and says why in /health; docs/operations.md says what to do.
   */
  private async stopFor(error: unknown): Promise<void> {
    this.failure = describe(error);
    this.stopped = true;
    this.releaseWaiters();
    this.options.log(
      `projection ${this.projection.name} STOPPED at ${this.checkpoint ? formatPosition(this.checkpoint) : 'start'}: ${this.failure}`,
    );
    await this.subscription?.close().catch(() => undefined);
    await this.releaseLock();
  }

  /**
   * Sets the event aside and moves the checkpoint past it, in one transaction. A process manager's own tables still
   * take in the event's facts (`seat`, no command): the steps it failed to take wait for a retry, but what later events
   * are decided from (an incident's close, for the allocations that follow it) must not be missing meanwhile. If the
   * facts cannot be written either, the event is parked all the same.
   */
  private async park(event: RecordedEvent, error: string, attempts: number): Promise<void> {
    const parked = await this.dataSource.transaction(async (manager) => {
      const stored = await readCheckpoint(manager, this.projection.name, true);
      if (stored && !isAfter(event.position, stored)) return false;
      if (isProcessManager(this.projection)) await this.seatParked(this.projection, event, manager);
      await parkEvent(manager, this.projection.name, event, error, attempts);
      await writeCheckpoint(manager, this.projection.name, event.position, this.store.origin);
      return true;
    });
    if (parked)
      this.options.log(
        `projection ${this.projection.name}: parked ${event.type} ${event.id} at ${formatPosition(event.position)} after ${attempts} attempts: ${error}`,
      );
    // Not counted as applied, but announced: commands waiting on a later position in other processes may answer.
    this.advanced(0, event.position, [], parked);
  }

  /**
   * A process manager listed in `process_manager_seating` (an upgrade could not fill its facts tables: the events are in
   * KurrentDB) first brings its tables to its checkpoint from the store, without a command, then takes itself off the
   * list in the last page's transaction. Interrupted, it starts again from empty tables on the next run.
   */
  private async seatIfListed(processManager: ProcessManager): Promise<void> {
    const listed = (await this.dataSource.query(`select 1 from process_manager_seating where projection = $1`, [
      processManager.name,
    ])) as unknown[];
    if (listed.length === 0) return;
    const upTo = this.checkpoint;
    const unlist = (manager: EntityManager) =>
      manager.query(`delete from process_manager_seating where projection = $1`, [processManager.name]);
    // At the start (a rebuild has just reset it) there is nothing to seat: the rebuild fills the tables itself.
    if (!upTo || (upTo.commit === 0n && upTo.prepare === 0n)) {
      await this.dataSource.transaction(unlist);
      return;
    }
    await this.dataSource.transaction((manager) => processManager.reset(manager));
    let after: Position | undefined;
    let skipped = 0;
    // Both stores return a short page only at the end of what the filter matches: the first short page ends it.
    for (let done = false; !done && !this.stopped;) {
      const page = await this.store.readAll({ after, filter: processManager.filter, maxCount: MAX_PAGE });
      const within = page.filter((e) => !isAfter(e.position, upTo));
      done = within.length < page.length || page.length < MAX_PAGE;
      await this.dataSource.transaction(async (manager) => {
        skipped += await this.seatPage(processManager, within, manager);
        if (done) await unlist(manager);
      });
      after = page.at(-1)?.position;
    }
    if (!this.stopped)
      this.options.log(
        `process manager ${processManager.name}: its tables were seated from the store up to ${formatPosition(upTo)}` +
          (skipped > 0 ? `; ${skipped} event(s) could not be read or seated and were left out (logged above)` : ''),
      );
  }

  /**
   * Seats a page in one go; if that fails, event by event, each in a savepoint, so that one event it cannot read (a
   * newer schema) or seat leaves only its own facts out instead of stopping the process manager for good. Answers how
   * many were left out.
   */
  private async seatPage(
    processManager: ProcessManager,
    events: readonly RecordedEvent[],
    manager: EntityManager,
  ): Promise<number> {
    if (!(await this.inSavepoint(manager, () => processManager.seat(processManager.events.readAll(events), manager))))
      return 0;
    let skipped = 0;
    for (const event of events) {
      const failure = await this.inSavepoint(manager, () =>
        processManager.seat(processManager.events.readAll([event]), manager),
      );
      if (!failure) continue;
      skipped++;
      this.options.log(
        `process manager ${processManager.name}: ${event.type} ${event.id} at ${formatPosition(event.position)} left out of its tables while seating: ${describe(failure.error)}`,
      );
    }
    return skipped;
  }

  /**
   * Runs `work` in a savepoint of the batch's transaction: undefined when it succeeded, the error when it failed and
   * was rolled back to the savepoint (the transaction goes on). A failure of the database itself is not the event's:
   * it is thrown, and the worker reconnects and resumes.
   */
  private async inSavepoint(
    manager: EntityManager,
    work: () => Promise<void>,
  ): Promise<{ error: unknown } | undefined> {
    await manager.query('savepoint process_manager_facts');
    try {
      await work();
      await manager.query('release savepoint process_manager_facts');
      return undefined;
    } catch (error) {
      if (isInfrastructureFailure(error)) throw error;
      await manager.query('rollback to savepoint process_manager_facts');
      return { error };
    }
  }

  private async seatParked(
    processManager: ProcessManager,
    event: RecordedEvent,
    manager: EntityManager,
  ): Promise<void> {
    const failure = await this.inSavepoint(manager, () =>
      processManager.seat(processManager.events.readAll([event]), manager),
    );
    if (failure)
      this.options.log(
        `projection ${this.projection.name}: the facts of parked ${event.type} ${event.id} not kept either: ${describe(failure.error)}`,
      );
  }

  private advanced(count: number, last: Position, deltas: readonly LiveDelta[], announce = count > 0): void {
    this.eventsApplied += count;
    this.checkpoint = last;
    this.bus.publish(deltas);
    if (announce) this.options.onApplied?.(this.projection.name, last);
    for (const check of [...this.waiters.keys()]) check();
  }

  /** For a rebuild: own the projection before touching its read model, or fail if another process runs it. */
  async takeOwnership(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.acquireLock())) {
      if (Date.now() > deadline) {
        throw new Error(
          `projection ${this.projection.name} is run by another process; stop it (or rebuild there) first`,
        );
      }
      await sleep(this.options.lockRetryMs);
    }
  }

  private async acquireLock(): Promise<boolean> {
    if (await this.locks.tryLock(this.projection.name)) return true;
    this.everFollowed = true;
    return false;
  }

  private async releaseLock(): Promise<void> {
    await this.locks.unlock(this.projection.name);
  }
}

/** The store's largest read (`readAll` caps `maxCount` there). */
const MAX_PAGE = 10_000;

/** A failed batch is halved down to this size, then its events are tried one by one. */
const SPLIT_DOWN_TO = 50;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Failures of the database or the connection to it (SQLSTATE classes 08 connection, 40 rollback, 53 resources,
 * 57 operator intervention, or a socket error without a code): the event is not at fault, so it is never parked for them.
 */
export function isInfrastructureFailure(error: unknown): boolean {
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ??
    (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (/^(08|40|53|57|58|XX)/.test(code)) return true;
    if (/^E[A-Z]+$/.test(code)) return true; // a Node socket error: ECONNREFUSED, ECONNRESET, EPIPE…
    return false;
  }
  const message = error instanceof Error ? error.message : String(error);
  return /connection (terminated|ended|refused|reset)|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|lost its ownership lock/i.test(
    message,
  );
}

/**
 * A stored record the store's adapter cannot turn into an event at all (not JSON, no metadata of ours). An event this
 * release reads but cannot apply — a handler's failure, or a schema version above the one it knows — is parked as
 * before (docs/adr/0010): it is an event, and a later release or a fix applies it on retry.
 */
export function isUndecodable(error: unknown): boolean {
  return error instanceof UndecodableEventError;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

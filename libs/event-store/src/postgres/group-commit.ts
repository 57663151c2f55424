import { EventStoreUnavailableError } from '../port/errors';
import { isConnectionError } from './pg-errors';

export interface GroupCommitOptions {
  /**
   * Append statements the store keeps in flight at once. Up to this many appends go alone, at once; an append that
   * arrives while all are busy waits for the next free one and goes with every append that queued meanwhile, in one
   * transaction (docs/adr/0025-event-store-group-commit.md).
   */
  slots: number;
  /** Appends in one group at most, so that one transaction stays short. */
  maxGroup: number;
}

type Settle<O> = { ok: O } | { error: unknown };

interface Waiting<R, O> {
  request: R;
  resolve: (outcome: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit on the client: appends that queue behind busy slots share one transaction, so that under many
 * concurrent writers the database pays one commit (one WAL flush, one round trip) per group, not per append. With
 * few writers nothing queues and every append goes alone, as before. Appends keep their arrival order inside a group,
 * so two appends to one stream run in the order they were made; no caller ever has two of its own awaited appends in
 * one group, so a group changes no outcome, only when the commit happens.
 *
 * A group whose statement fails as a whole (one append raised, e.g. a unique violation, or two groups deadlocked) is
 * run again one append at a time, so that each append gets the outcome it would have had alone. A lost connection
 * is not retried here: every append of the group gets that error, as a single append would.
 */
export class GroupCommit<R, O> {
  private busy = 0;
  private readonly queue: Waiting<R, O>[] = [];

  constructor(
    private readonly options: GroupCommitOptions,
    private readonly single: (request: R) => Promise<O>,
    private readonly group: (requests: readonly R[]) => Promise<Settle<O>[]>,
  ) {}

  submit(request: R): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.busy < this.options.slots && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxGroup);
      this.busy += 1;
      void this.run(batch).finally(() => {
        this.busy -= 1;
        this.drain();
      });
    }
  }

  private async run(batch: Waiting<R, O>[]): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]!);
    let settled: Settle<O>[];
    try {
      settled = await this.group(batch.map((w) => w.request));
    } catch (error) {
      if (error instanceof EventStoreUnavailableError || isConnectionError(error)) {
        for (const w of batch) w.reject(error);
        return;
      }
      for (const w of batch) await this.alone(w);
      return;
    }
    batch.forEach((w, i) => {
      const s = settled[i]!;
      if ('ok' in s) w.resolve(s.ok);
      else w.reject(s.error);
    });
  }

  private async alone(w: Waiting<R, O>): Promise<void> {
    try {
      w.resolve(await this.single(w.request));
    } catch (error) {
      w.reject(error);
    }
  }
}

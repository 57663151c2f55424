import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError } from '../port/errors';
import type { RecordedEvent, Subscription, SubscriptionMessage } from '../port/events';
import { isAfter, type Position } from '../port/position';
import { toEventStoreError } from './kurrentdb-errors';
import { decodeSubscribedEvent } from './kurrentdb-mapping';

/** The part of the client's `AllStreamSubscription` (a Node Readable plus catch-up events) this adapter uses. */
export interface ClientSubscription {
  on(event: 'data', listener: (resolved: AllStreamResolvedEvent) => void): unknown;
  on(event: 'caughtUp', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
  destroy(): unknown;
  readonly readableLength: number;
  unsubscribe(): Promise<void>;
}

export interface KurrentDbSubscriptionOptions {
  fromExclusive: Position | undefined;
  accepts: (event: RecordedEvent) => boolean;
  onClose: (subscription: KurrentDbSubscription) => void;
  log: (message: string) => void;
  /** Messages buffered for a slow consumer before the client stream is paused. */
  highWaterMark?: number;
}

/**
 * Turns the client's catch-up subscription into the port's message sequence. The client announces `caughtUp`
 * as a separate Node event, emitted when it parses the server's message, while events parsed just before it may
 * still sit in the Readable's buffer; delivering the signal at once would put it ahead of them. So the signal
 * falls due after the events already parsed (`seen` + `readableLength`) have been taken in.
 */
export class KurrentDbSubscription implements Subscription {
  private readonly queue: SubscriptionMessage[] = [];
  /** Signals (caught up, server checkpoints) waiting for the events parsed before them to be taken in. */
  private readonly signalsDue: { due: number; message: () => SubscriptionMessage | undefined }[] = [];
  private readonly highWaterMark: number;
  private seen = 0;
  private lastQueued: Position | undefined;
  private lastCheckpoint: Position | undefined;
  private failure: { error: unknown } | undefined;
  private paused = false;
  private closed = false;
  private wake: (() => void) | undefined;
  private iterator: AsyncGenerator<SubscriptionMessage> | undefined;

  constructor(
    private readonly source: ClientSubscription,
    private readonly options: KurrentDbSubscriptionOptions,
  ) {
    this.highWaterMark = options.highWaterMark ?? 512;
    this.lastQueued = options.fromExclusive;
    // Listening to 'error' also keeps a late gRPC error (after close) from crashing the process.
    source.on('data', (resolved) => this.onData(resolved));
    source.on('caughtUp', () => this.onCaughtUp());
    source.on('error', (error) => this.fail(toEventStoreError(error)));
    // The server never ends a live subscription by itself; if it does, the consumer must resubscribe.
    source.on('end', () => this.fail(new EventStoreUnavailableError('KurrentDB ended the subscription')));
    source.on('close', () => this.fail(new EventStoreUnavailableError('KurrentDB closed the subscription')));
  }

  /** One position per subscription: iterating it again continues where the last loop stopped. */
  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    this.iterator ??= this.run();
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.options.onClose(this);
    this.notify();
    try {
      await this.source.unsubscribe();
    } catch (error) {
      this.options.log(`KurrentDB unsubscribe failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.source.destroy();
  }

  private async *run(): AsyncGenerator<SubscriptionMessage> {
    try {
      for (;;) {
        if (this.closed) return;
        const message = this.queue.shift();
        if (message) {
          if (this.paused && this.queue.length <= this.highWaterMark / 2) {
            this.paused = false;
            this.source.resume();
          }
          yield message;
          continue;
        }
        // Everything received before a failure is delivered first, so the consumer's checkpoint is exact.
        if (this.failure) throw this.failure.error;
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      await this.close();
    }
  }

  private onData(resolved: AllStreamResolvedEvent): void {
    this.seen++;
    if (this.failure) return;
    let event: RecordedEvent | undefined;
    try {
      // A record that cannot be decoded stops the subscription after the events before it (never skipped).
      event = decodeSubscribedEvent(resolved);
    } catch (error) {
      this.options.log(error instanceof Error ? error.message : String(error));
      this.fail(error);
      return;
    }
    // The start position is exclusive on the server too; the check guards the checkpoint contract regardless.
    const from = this.options.fromExclusive;
    if (event && this.options.accepts(event) && (!from || isAfter(event.position, from))) {
      this.queue.push({ kind: 'event', event });
      this.lastQueued = event.position;
    }
    this.releaseSignals();
    if (!this.paused && this.queue.length >= this.highWaterMark) {
      this.paused = true;
      this.source.pause();
    }
    this.notify();
  }

  private onCaughtUp(): void {
    this.signal(() => ({ kind: 'caughtUp', position: this.lastQueued }));
  }

  /**
   * The server's filter checkpoint (the filter's `checkpointReached`): it has searched the log up to `position`. The
   * client calls it while parsing, so like `caughtUp` it falls due after the events parsed before it. One that does
   * not move past what was already delivered says nothing new and is dropped.
   */
  onCheckpoint(position: Position): void {
    if (this.closed) return;
    this.signal(() => {
      const vouched = this.lastCheckpoint ?? this.lastQueued;
      if (vouched && !isAfter(position, vouched)) return undefined;
      if (this.lastQueued && !isAfter(position, this.lastQueued)) return undefined;
      this.lastCheckpoint = position;
      return { kind: 'checkpoint', position };
    });
  }

  private signal(message: () => SubscriptionMessage | undefined): void {
    this.signalsDue.push({ due: this.seen + this.source.readableLength, message });
    this.releaseSignals();
    this.notify();
  }

  private releaseSignals(): void {
    // Nothing after an undecodable record may vouch for positions beyond it.
    if (this.failure) return;
    while (this.signalsDue.length > 0 && this.signalsDue[0]!.due <= this.seen) {
      const message = this.signalsDue.shift()!.message();
      if (message) this.queue.push(message);
    }
  }

  private fail(error: unknown): void {
    if (this.closed || this.failure) return;
    this.failure = { error };
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

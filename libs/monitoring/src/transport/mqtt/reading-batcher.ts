import type { ReadingsAccepted } from '../../contract';
import type { DecodedReading } from './payload';

/** The enterprise a device key belongs to: what the ingest needs to know about the sender. */
export interface DeviceIdentity {
  enterpriseId: string;
  creditCode: string;
  jurisdiction: string;
}

/** The monitoring core's ingest (`ReadingIngest`), as far as the transport uses it. */
export interface ReadingSink {
  ingest(device: DeviceIdentity, readings: DecodedReading[], via: 'http' | 'mqtt'): Promise<ReadingsAccepted>;
}

export interface BatcherOptions {
  /** Hand the waiting readings on once this many wait… */
  maxBatch: number;
  /** …or at the latest this long after the first of them arrived. */
  maxDelayMs: number;
  /** With this many waiting, new ones are held back (`whenRoom`) until the ingest has taken what waits. */
  maxPending: number;
  /** Enterprises whose readings are handed to the ingest at the same time. */
  concurrency: number;
}

export interface BatchOutcome {
  accepted: number;
  rejected: number;
  failed: number;
}

type Group = { device: DeviceIdentity; readings: DecodedReading[] };

/**
 * MQTT delivers one small message at a time; the ingest wants batches (it writes what it is handed within its flush
 * window in one statement, then evaluates thresholds). Readings wait here for a few milliseconds, grouped by
 * enterprise, and go to the ingest together. One hand-over runs at a time, so each sensor's readings reach the ingest
 * in the order they arrived; what arrives meanwhile waits and goes with the next one, so batches grow with the load.
 * When the database falls behind, `whenRoom` holds the broker's acknowledgement back: a gateway with QoS 1 then sends
 * no faster than readings are stored, instead of the backlog growing in memory.
 */
export class ReadingBatcher {
  private pending = new Map<string, Group>();
  private pendingCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private roomWaiters: (() => void)[] = [];

  constructor(
    private readonly sink: ReadingSink,
    private readonly options: BatcherOptions,
    private readonly report: (outcome: BatchOutcome, error?: unknown) => void = () => undefined,
  ) {}

  get waiting(): number {
    return this.pendingCount;
  }

  get full(): boolean {
    return this.pendingCount >= this.options.maxPending;
  }

  /** Resolves once fewer than `maxPending` readings wait. */
  whenRoom(): Promise<void> {
    if (!this.full) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  add(device: DeviceIdentity, readings: DecodedReading[]): void {
    const group = this.pending.get(device.enterpriseId);
    if (group) group.readings.push(...readings);
    else this.pending.set(device.enterpriseId, { device, readings: [...readings] });
    this.pendingCount += readings.length;
    if (this.pendingCount >= this.options.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.maxDelayMs);
  }

  /** Hands everything waiting to the ingest; resolves once it (and whatever arrived meanwhile) is done. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.pendingCount > 0) {
      const groups = [...this.pending.values()];
      this.pending = new Map();
      this.pendingCount = 0;
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      for (const resolve of this.roomWaiters.splice(0)) resolve();
      await this.deliver(groups);
    }
  }

  private async deliver(groups: Group[]): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < groups.length) {
        const group = groups[next++]!;
        try {
          const answer = await this.sink.ingest(group.device, group.readings, 'mqtt');
          this.report({ accepted: answer.accepted, rejected: answer.rejected.length, failed: 0 });
        } catch (error) {
          // The database is away or the ingest broke: these readings are lost (QoS 1 was already acknowledged), and
          // said so in the log and the counters; the next batch tries again.
          this.report({ accepted: 0, rejected: 0, failed: group.readings.length }, error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, groups.length) }, worker));
  }
}

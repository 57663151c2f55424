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
  /** Flush once this many readings wait. */
  maxBatch: number;
  /** Flush at the latest this long after the first waiting reading arrived. */
  maxDelayMs: number;
  /** Beyond this many waiting readings new ones are dropped (counted): the database cannot keep up. */
  maxPending: number;
  /** Enterprises whose readings are handed to the ingest at the same time within one flush. */
  concurrency: number;
}

export interface BatchOutcome {
  accepted: number;
  rejected: number;
  failed: number;
}

/**
 * MQTT delivers one small message at a time; the ingest wants a batch per enterprise (one insert, one threshold pass).
 * Readings wait here for a few milliseconds, grouped by enterprise, and go to the ingest together. One flush runs at a
 * time, so each sensor's readings reach the ingest in the order they arrived.
 */
export class ReadingBatcher {
  private pending = new Map<string, { device: DeviceIdentity; readings: DecodedReading[] }>();
  private pendingCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly sink: ReadingSink,
    private readonly options: BatcherOptions,
    private readonly report: (outcome: BatchOutcome, error?: unknown) => void = () => undefined,
  ) {}

  get waiting(): number {
    return this.pendingCount;
  }

  /** False when the readings were dropped because too many already wait. */
  add(device: DeviceIdentity, readings: DecodedReading[]): boolean {
    if (this.pendingCount + readings.length > this.options.maxPending) return false;
    const group = this.pending.get(device.enterpriseId);
    if (group) group.readings.push(...readings);
    else this.pending.set(device.enterpriseId, { device, readings: [...readings] });
    this.pendingCount += readings.length;
    if (this.pendingCount >= this.options.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.maxDelayMs);
    return true;
  }

  /** Hands everything waiting to the ingest; resolves once it (and any flush before it) is done. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pendingCount === 0) return this.flushing;
    const groups = [...this.pending.values()];
    this.pending = new Map();
    this.pendingCount = 0;
    this.flushing = this.flushing.then(() => this.deliver(groups));
    return this.flushing;
  }

  private async deliver(groups: { device: DeviceIdentity; readings: DecodedReading[] }[]): Promise<void> {
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

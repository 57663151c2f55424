import type { ReadingsAccepted } from '../../contract';
import type { DecodedReading } from './payload';
import { ReadingBatcher, type BatchOutcome, type DeviceIdentity } from './reading-batcher';

const north: DeviceIdentity = { enterpriseId: 'e-north', creditCode: 'N', jurisdiction: '640502' };
const south: DeviceIdentity = { enterpriseId: 'e-south', creditCode: 'S', jurisdiction: '640521' };
const reading = (sensorCode: string, value: number): DecodedReading => ({ sensorCode, value, at: 'now' });

/** Records what the batcher hands on; answers as an ingest would (all accepted) or fails when told to. */
class RecordingIngest {
  calls: { device: DeviceIdentity; readings: DecodedReading[] }[] = [];
  failNext = false;
  ingest(device: DeviceIdentity, readings: DecodedReading[]): Promise<ReadingsAccepted> {
    this.calls.push({ device, readings });
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('database away'));
    }
    return Promise.resolve({ accepted: readings.length, rejected: [] });
  }
}

describe('ReadingBatcher', () => {
  const options = { maxBatch: 4, maxDelayMs: 20, maxPending: 6, concurrency: 2 };

  it('hands one batch per enterprise to the ingest once enough readings wait, in arrival order', async () => {
    const ingest = new RecordingIngest();
    const outcomes: BatchOutcome[] = [];
    const batcher = new ReadingBatcher(ingest, options, (o) => outcomes.push(o));
    batcher.add(north, [reading('a', 1)]);
    batcher.add(south, [reading('b', 2)]);
    batcher.add(north, [reading('a', 3)]);
    expect(ingest.calls).toHaveLength(0);
    batcher.add(north, [reading('c', 4)]);
    await batcher.flush();
    expect(ingest.calls).toEqual([
      { device: north, readings: [reading('a', 1), reading('a', 3), reading('c', 4)] },
      { device: south, readings: [reading('b', 2)] },
    ]);
    expect(outcomes).toEqual([
      { accepted: 3, rejected: 0, failed: 0 },
      { accepted: 1, rejected: 0, failed: 0 },
    ]);
    expect(batcher.waiting).toBe(0);
  });

  it('hands a lone reading on after the delay', async () => {
    const ingest = new RecordingIngest();
    const batcher = new ReadingBatcher(ingest, options);
    batcher.add(north, [reading('a', 1)]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(ingest.calls).toEqual([{ device: north, readings: [reading('a', 1)] }]);
  });

  it('holds new readings back while too many wait, until the ingest has taken them', async () => {
    const ingest = new RecordingIngest();
    const batcher = new ReadingBatcher(ingest, { ...options, maxBatch: 100, maxDelayMs: 10_000 });
    batcher.add(
      north,
      [1, 2, 3, 4, 5, 6].map((v) => reading('a', v)),
    );
    expect(batcher.full).toBe(true);
    let roomy = false;
    const room = batcher.whenRoom().then(() => (roomy = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(roomy).toBe(false);
    await batcher.flush();
    await room;
    expect(roomy).toBe(true);
    expect(ingest.calls.map((c) => c.readings.length)).toEqual([6]);
  });

  it('sends what arrives during a hand-over with the next one, in order', async () => {
    const ingest = new RecordingIngest();
    const batcher = new ReadingBatcher(ingest, { ...options, maxBatch: 1 });
    batcher.add(north, [reading('a', 1)]);
    batcher.add(north, [reading('a', 2)]);
    batcher.add(north, [reading('a', 3)]);
    await batcher.flush();
    expect(ingest.calls.flatMap((c) => c.readings.map((r) => r.value))).toEqual([1, 2, 3]);
    expect(ingest.calls.length).toBeLessThan(3);
  });

  it('counts the readings of a failed ingest as failed and goes on with the next batch', async () => {
    const ingest = new RecordingIngest();
    const outcomes: BatchOutcome[] = [];
    const batcher = new ReadingBatcher(ingest, { ...options, concurrency: 1 }, (o, error) =>
      outcomes.push({ ...o, ...(error instanceof Error ? { error: error.message } : {}) } as BatchOutcome),
    );
    ingest.failNext = true;
    batcher.add(north, [reading('a', 1), reading('a', 2)]);
    await batcher.flush();
    batcher.add(north, [reading('a', 3)]);
    await batcher.flush();
    expect(outcomes).toEqual([
      { accepted: 0, rejected: 0, failed: 2, error: 'database away' },
      { accepted: 1, rejected: 0, failed: 0 },
    ]);
  });
});

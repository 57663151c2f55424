import type { Position, RecordedEvent, SubscriptionMessage } from '@app/event-store';
import { MessageBatcher, trailingCheckpoint } from './batching';

const at = (n: bigint): Position => ({ commit: n, prepare: n });
const event = (n: bigint): SubscriptionMessage => ({ kind: 'event', event: { position: at(n) } as RecordedEvent });
const checkpoint = (n: bigint): SubscriptionMessage => ({ kind: 'checkpoint', position: at(n) });
const caughtUp = (n: bigint): SubscriptionMessage => ({ kind: 'caughtUp', position: at(n) });

describe("a batch's trailing store checkpoint (stored after the batch's events are applied)", () => {
  it('is the last checkpoint after every event of the batch', () => {
    expect(trailingCheckpoint([event(1n), checkpoint(40n), checkpoint(90n), caughtUp(1n)])).toEqual(at(90n));
  });

  it('is the checkpoint alone when the filter matched nothing in the window', () => {
    expect(trailingCheckpoint([checkpoint(1000n)])).toEqual(at(1000n));
  });

  it('is superseded by an event that follows it (the event is the checkpoint then)', () => {
    expect(trailingCheckpoint([checkpoint(40n), event(41n)])).toBeUndefined();
    expect(trailingCheckpoint([checkpoint(40n), event(41n), checkpoint(90n)])).toEqual(at(90n));
  });

  it('is absent from batches without one (the PostgreSQL store sends none)', () => {
    expect(trailingCheckpoint([event(1n), event(2n), caughtUp(2n)])).toBeUndefined();
    expect(trailingCheckpoint([])).toBeUndefined();
  });
});

describe('a batch that a failure ends', () => {
  it('hands over the messages before the failure, and the next call throws it', async () => {
    const failure = new Error('undecodable');
    async function* subscription(): AsyncGenerator<SubscriptionMessage> {
      yield event(1n);
      yield event(2n);
      throw failure;
    }
    const batcher = new MessageBatcher(subscription());
    expect(await batcher.next(10)).toEqual({ messages: [event(1n), event(2n)], done: false });
    await expect(batcher.next(10)).rejects.toBe(failure);
  });
});

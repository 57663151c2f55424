import { Transform, type TransformCallback } from 'node:stream';
import { UnavailableError, type AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError } from '../port/errors';
import type { RecordedEvent, SubscriptionMessage } from '../port/events';
import type { Position } from '../port/position';
import { KurrentDbSubscription, type KurrentDbSubscriptionOptions } from './kurrentdb-subscription';

type ServerMessage = { event: AllStreamResolvedEvent } | { caughtUp: true };

/**
 * Stands in for the client's Subscription: like it, a Transform fed by the server's responses that pushes
 * events into its Readable side and emits `caughtUp` as a Node event at the moment it parses the signal.
 */
class ClientSubscriptionDouble extends Transform {
  unsubscribed = 0;
  constructor() {
    super({ objectMode: true });
  }
  override _transform(message: ServerMessage, _encoding: BufferEncoding, next: TransformCallback): void {
    if ('caughtUp' in message) {
      this.emit('caughtUp', {});
      return next();
    }
    next(null, message.event);
  }
  async unsubscribe(): Promise<void> {
    this.unsubscribed++;
  }
  server(...messages: ServerMessage[]): void {
    for (const message of messages) this.write(message);
  }
}

let prepare = 100n;
function at(commit: bigint): Position {
  return { commit, prepare: commit };
}
function event(streamName = 'incident-1', type = 'IncidentReported', position = at((prepare += 10n))): ServerMessage {
  return {
    event: {
      event: {
        streamId: streamName,
        id: `id-${position.commit}`,
        isJson: true,
        revision: 0n,
        type,
        created: new Date(0),
        data: {},
        metadata: {
          correlationId: 'c',
          causationId: 'c',
          actorId: 'a',
          occurredAt: '2024-01-01T00:00:00Z',
          schemaVersion: 1,
        },
        position,
      },
      commitPosition: position.commit,
    },
  };
}
const caughtUp: ServerMessage = { caughtUp: true };

function subscribe(source: ClientSubscriptionDouble, options: Partial<KurrentDbSubscriptionOptions> = {}) {
  const closed: KurrentDbSubscription[] = [];
  const subscription = new KurrentDbSubscription(source, {
    fromExclusive: undefined,
    accepts: () => true,
    onClose: (s) => closed.push(s),
    log: () => undefined,
    ...options,
  });
  return { subscription, closed };
}

async function take(iterator: AsyncIterator<SubscriptionMessage>, n: number): Promise<SubscriptionMessage[]> {
  const out: SubscriptionMessage[] = [];
  while (out.length < n) {
    const next = await iterator.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

const describeMessage = (m: SubscriptionMessage) =>
  m.kind === 'event' ? `event@${m.event.position.commit}` : `caughtUp@${m.position?.commit ?? 'none'}`;

describe('a live subscription', () => {
  it('delivers events, then caught-up at the last delivered position, then live events', async () => {
    const source = new ClientSubscriptionDouble();
    const { subscription } = subscribe(source);
    const iterator = subscription[Symbol.asyncIterator]();
    source.server(event('incident-1', 'A', at(1n)), event('incident-1', 'B', at(2n)), caughtUp);
    expect((await take(iterator, 3)).map(describeMessage)).toEqual(['event@1', 'event@2', 'caughtUp@2']);
    source.server(event('incident-1', 'C', at(3n)));
    expect((await take(iterator, 1)).map(describeMessage)).toEqual(['event@3']);
    await subscription.close();
  });

  it('keeps caught-up behind events still buffered in the client while the consumer is slow', async () => {
    const source = new ClientSubscriptionDouble();
    const { subscription } = subscribe(source, { highWaterMark: 2 });
    // Nobody iterates yet: after two events the adapter pauses the client, whose buffer holds the rest.
    source.server(...[1n, 2n, 3n, 4n, 5n].map((c) => event('incident-1', 'A', at(c))), caughtUp);
    await new Promise((resolve) => setImmediate(resolve));
    const messages = await take(subscription[Symbol.asyncIterator](), 6);
    expect(messages.map(describeMessage)).toEqual([
      'event@1',
      'event@2',
      'event@3',
      'event@4',
      'event@5',
      'caughtUp@5',
    ]);
    await subscription.close();
  });

  it('reports caught-up at the exclusive start when nothing newer exists, or undefined from the beginning', async () => {
    const fromStart = new ClientSubscriptionDouble();
    const first = subscribe(fromStart).subscription;
    fromStart.server(caughtUp);
    expect(await take(first[Symbol.asyncIterator](), 1)).toEqual([{ kind: 'caughtUp', position: undefined }]);

    const fromCheckpoint = new ClientSubscriptionDouble();
    const second = subscribe(fromCheckpoint, { fromExclusive: at(50n) }).subscription;
    fromCheckpoint.server(caughtUp);
    expect(await take(second[Symbol.asyncIterator](), 1)).toEqual([{ kind: 'caughtUp', position: at(50n) }]);
    await Promise.all([first.close(), second.close()]);
  });

  it('skips the checkpoint event itself, system events and events the filter rejects', async () => {
    const source = new ClientSubscriptionDouble();
    const accepts = (e: RecordedEvent) => e.streamName.startsWith('incident-');
    const { subscription } = subscribe(source, { fromExclusive: at(20n), accepts });
    source.server(
      event('incident-1', 'A', at(20n)),
      event('team-1', 'A', at(21n)),
      event('incident-1', 'A', at(22n)),
      caughtUp,
    );
    const messages = await take(subscription[Symbol.asyncIterator](), 2);
    expect(messages.map(describeMessage)).toEqual(['event@22', 'caughtUp@22']);
    await subscription.close();
  });
});

describe('iterating', () => {
  it('returns the same iterator every time, so a second loop continues where the first stopped', async () => {
    const source = new ClientSubscriptionDouble();
    const { subscription } = subscribe(source);
    expect(subscription[Symbol.asyncIterator]()).toBe(subscription[Symbol.asyncIterator]());
    source.server(event('incident-1', 'A', at(1n)), event('incident-1', 'B', at(2n)));
    const first = await subscription[Symbol.asyncIterator]().next();
    const second = await subscription[Symbol.asyncIterator]().next();
    expect([first.value, second.value].map((m) => describeMessage(m as SubscriptionMessage))).toEqual([
      'event@1',
      'event@2',
    ]);
    await subscription.close();
  });
});

describe('closing', () => {
  it('unsubscribes, ends a waiting iteration and tells the store', async () => {
    const source = new ClientSubscriptionDouble();
    const { subscription, closed } = subscribe(source);
    const pending = subscription[Symbol.asyncIterator]().next();
    await subscription.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(source.unsubscribed).toBe(1);
    expect(source.destroyed).toBe(true);
    expect(closed).toEqual([subscription]);
    await subscription.close();
    expect(source.unsubscribed).toBe(1);
  });

  it('happens when a for-await loop breaks', async () => {
    const source = new ClientSubscriptionDouble();
    const { subscription } = subscribe(source);
    source.server(event());
    for await (const message of subscription) {
      expect(message.kind).toBe('event');
      break;
    }
    expect(source.unsubscribed).toBe(1);
  });
});

describe('a failing subscription', () => {
  it('delivers what it received, then throws the mapped error', async () => {
    const source = new ClientSubscriptionDouble();
    const { subscription } = subscribe(source);
    const iterator = subscription[Symbol.asyncIterator]();
    source.server(event('incident-1', 'A', at(1n)));
    await new Promise((resolve) => setImmediate(resolve));
    source.emit('error', new UnavailableError(undefined, 'connection lost'));
    expect((await take(iterator, 1)).map(describeMessage)).toEqual(['event@1']);
    await expect(iterator.next()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(source.unsubscribed).toBe(1);
  });

  it('treats the server ending the stream as unavailability, so the consumer resubscribes', async () => {
    const source = new ClientSubscriptionDouble();
    const { subscription } = subscribe(source);
    source.end();
    await expect(subscription[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });
});

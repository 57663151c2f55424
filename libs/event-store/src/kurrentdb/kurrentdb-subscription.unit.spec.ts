import { Transform, type TransformCallback } from 'node:stream';
import { UnavailableError, type AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, UndecodableEventError } from '../port/errors';
import type { RecordedEvent, SubscriptionMessage } from '../port/events';
import type { Position } from '../port/position';
import { KurrentDbSubscription, type KurrentDbSubscriptionOptions } from './kurrentdb-subscription';

type ServerMessage = { event: AllStreamResolvedEvent } | { caughtUp: true } | { checkpoint: Position };

/**
 * Stands in for the client's Subscription: like it, a Transform fed by the server's responses that pushes
 * events into its Readable side and emits `caughtUp` as a Node event at the moment it parses the signal.
 */
class ClientSubscriptionDouble extends Transform {
  unsubscribed = 0;
  /** The filter's `checkpointReached`, which the client awaits while parsing the server's checkpoint. */
  checkpointReached: ((position: Position) => void) | undefined;
  constructor() {
    super({ objectMode: true });
  }
  override _transform(message: ServerMessage, _encoding: BufferEncoding, next: TransformCallback): void {
    if ('caughtUp' in message) {
      this.emit('caughtUp', {});
      return next();
    }
    if ('checkpoint' in message) {
      this.checkpointReached?.(message.checkpoint);
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
  m.kind === 'event' ? `event@${m.event.position.commit}` : `${m.kind}@${m.position?.commit ?? 'none'}`;

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

describe("the server's filter checkpoints", () => {
  function checkpointed(options: Partial<KurrentDbSubscriptionOptions> = {}) {
    const source = new ClientSubscriptionDouble();
    const { subscription } = subscribe(source, options);
    source.checkpointReached = (position) => subscription.onCheckpoint(position);
    return { source, subscription };
  }

  it('are delivered in order after the events parsed before them, even while those sit in the client buffer', async () => {
    const { source, subscription } = checkpointed({ highWaterMark: 2 });
    source.server(
      ...[1n, 2n, 3n, 4n].map((c) => event('incident-1', 'A', at(c))),
      { checkpoint: at(40n) },
      event('incident-1', 'A', at(41n)),
      { checkpoint: at(90n) },
      caughtUp,
    );
    await new Promise((resolve) => setImmediate(resolve));
    const messages = await take(subscription[Symbol.asyncIterator](), 8);
    expect(messages.map(describeMessage)).toEqual([
      'event@1',
      'event@2',
      'event@3',
      'event@4',
      'checkpoint@40',
      'event@41',
      'checkpoint@90',
      'caughtUp@41',
    ]);
    await subscription.close();
  });

  it('drop a checkpoint that does not move past what was already delivered or vouched for', async () => {
    const { source, subscription } = checkpointed({ fromExclusive: at(50n) });
    source.server({ checkpoint: at(50n) }, { checkpoint: at(70n) }, { checkpoint: at(60n) });
    source.server(event('incident-1', 'A', at(80n)), { checkpoint: at(75n) }, { checkpoint: at(120n) });
    const messages = await take(subscription[Symbol.asyncIterator](), 3);
    expect(messages.map(describeMessage)).toEqual(['checkpoint@70', 'event@80', 'checkpoint@120']);
    await subscription.close();
  });

  it('are passed through even when the filter matched nothing, which is what spares a restart the rescan', async () => {
    const { source, subscription } = checkpointed({ accepts: () => false });
    source.server(event('team-1', 'A', at(5n)), { checkpoint: at(1000n) });
    expect((await take(subscription[Symbol.asyncIterator](), 1)).map(describeMessage)).toEqual(['checkpoint@1000']);
    await subscription.close();
  });
});

describe('a record that cannot be decoded', () => {
  function broken(change: (e: Record<string, unknown>) => void, position = at(2n)): ServerMessage {
    const message = event('incident-7', 'IncidentReported', position) as { event: AllStreamResolvedEvent };
    change(message.event.event as unknown as Record<string, unknown>);
    return message;
  }

  it.each([
    [
      'unparsable JSON data (the client hands over the raw text)',
      (e: Record<string, unknown>) => (e.data = '{"x":'),
      /data is not well-formed JSON/,
    ],
    [
      'binary data',
      (e: Record<string, unknown>) => ((e.isJson = false), (e.data = new Uint8Array([1, 2]))),
      /data is not JSON/,
    ],
    ['missing metadata', (e: Record<string, unknown>) => (e.metadata = undefined), /metadata missing/],
    [
      'metadata that is not ours',
      (e: Record<string, unknown>) => (e.metadata = { source: 'elsewhere' }),
      /metadata lacks correlationId, actorId, occurredAt/,
    ],
  ])('stops the subscription after the events before it: %s', async (_, change, reason) => {
    const logged: string[] = [];
    const source = new ClientSubscriptionDouble();
    const { subscription } = subscribe(source, { log: (m) => logged.push(m) });
    source.checkpointReached = (position) => subscription.onCheckpoint(position);
    const iterator = subscription[Symbol.asyncIterator]();
    source.server(
      event('incident-7', 'A', at(1n)),
      broken(change),
      { checkpoint: at(9n) },
      event('incident-7', 'B', at(10n)),
    );
    expect((await take(iterator, 1)).map(describeMessage)).toEqual(['event@1']);
    // Neither the checkpoint nor the event after the record: the consumer's checkpoint stays before it.
    const failure = await iterator.next().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(UndecodableEventError);
    expect(failure).toMatchObject({ streamName: 'incident-7', position: at(2n), eventType: 'IncidentReported' });
    expect((failure as Error).message).toMatch(reason);
    expect(logged.join('\n')).toMatch(/undecodable event IncidentReported id-2 in incident-7 at 2\/2/);
    expect(source.unsubscribed).toBe(1);
  });
});

import type { AllStreamResolvedEvent, ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { EventToAppend } from '../port/events';
import { UndecodableEventError } from '../port/errors';
import {
  decodeSubscribedEvent,
  fromClientExpected,
  isSystemEvent,
  toActualRevision,
  toAppendState,
  toDeletePrecondition,
  toEventData,
  toReadRevision,
  toRecordedEvent,
} from './kurrentdb-mapping';

const metadata = {
  correlationId: 'c-1',
  causationId: 'c-0',
  actorId: 'officer-7',
  occurredAt: '2024-05-01T08:00:00.000Z',
  schemaVersion: 1,
  jurisdiction: '330100',
};

/** A resolved $all event exactly as the client builds it from the server's record. */
function allEvent(overrides: Partial<NonNullable<AllStreamResolvedEvent['event']>> = {}): AllStreamResolvedEvent {
  return {
    event: {
      streamId: 'incident-42',
      id: '6f1c2c4e-8d5f-4b8e-9a41-0c9e0c1d2e3f',
      isJson: true,
      revision: 3n,
      type: 'IncidentReported',
      created: new Date('2024-05-01T08:00:01.000Z'),
      data: { title: '化工厂泄漏' },
      metadata,
      position: { commit: 1200n, prepare: 1100n },
      ...overrides,
    } as NonNullable<AllStreamResolvedEvent['event']>,
    commitPosition: 1200n,
  };
}

describe('expected revision on append', () => {
  it.each([
    ['any', 'any'],
    ['no_stream', 'no_stream'],
    ['stream_exists', 'stream_exists'],
    [7n, 7n],
  ] as const)('%s is sent as %s', (ours, theirs) => {
    expect(toAppendState(ours)).toBe(theirs);
  });
});

describe('expected revision on delete', () => {
  it('passes any, no_stream and exact revisions to the server', () => {
    expect(toDeletePrecondition('any')).toEqual({ kind: 'state', state: 'any' });
    expect(toDeletePrecondition('no_stream')).toEqual({ kind: 'state', state: 'no_stream' });
    expect(toDeletePrecondition(4n)).toEqual({ kind: 'state', state: 4n });
  });

  it('needs the current revision for stream_exists, which the client cannot send', () => {
    expect(toDeletePrecondition('stream_exists')).toEqual({ kind: 'current-revision' });
  });
});

describe('actual revision in a conflict', () => {
  it('keeps a real revision', () => {
    expect(toActualRevision(5n)).toBe(5n);
    expect(toActualRevision(0n)).toBe(0n);
  });

  it("reads no_stream, a missing value and the server's negative markers as no_stream", () => {
    expect(toActualRevision('no_stream')).toBe('no_stream');
    expect(toActualRevision(undefined)).toBe('no_stream');
    expect(toActualRevision(-1n)).toBe('no_stream');
    expect(toActualRevision(-5n)).toBe('no_stream');
  });

  it('decodes the raw expected states of gRPC metadata', () => {
    expect(fromClientExpected(-1n)).toBe('no_stream');
    expect(fromClientExpected(-2n)).toBe('any');
    expect(fromClientExpected(-4n)).toBe('stream_exists');
    expect(fromClientExpected(3n)).toBe(3n);
    expect(fromClientExpected('stream_exists')).toBe('stream_exists');
    expect(fromClientExpected(undefined)).toBe('any');
  });
});

describe('read revision', () => {
  it('maps start, end and a revision', () => {
    expect(toReadRevision('start')).toBe('start');
    expect(toReadRevision('end')).toBe('end');
    expect(toReadRevision(9n)).toBe(9n);
  });
});

describe('event to append', () => {
  const event: EventToAppend = {
    id: 'b0e3d1a2-0000-4000-8000-000000000001',
    type: 'TeamDispatched',
    data: { teamId: 't-1' },
    metadata,
  };

  it('is a JSON event whose id is ours, so server-side idempotency by id applies', () => {
    expect(toEventData(event)).toEqual({
      id: event.id,
      contentType: 'application/json',
      type: 'TeamDispatched',
      data: { teamId: 't-1' },
      metadata,
    });
  });

  it('sends undefined data as null, since JSON cannot carry undefined', () => {
    expect(toEventData({ ...event, data: undefined }).data).toBeNull();
  });
});

describe('recorded event from the client', () => {
  it('maps every field, keeping the (commit, prepare) position and the metadata as appended', () => {
    expect(toRecordedEvent(allEvent())).toEqual({
      id: '6f1c2c4e-8d5f-4b8e-9a41-0c9e0c1d2e3f',
      type: 'IncidentReported',
      streamName: 'incident-42',
      revision: 3n,
      position: { commit: 1200n, prepare: 1100n },
      data: { title: '化工厂泄漏' },
      metadata,
      recordedAt: new Date('2024-05-01T08:00:01.000Z'),
    });
  });

  it('falls back to the commit position when an older server sends no event position', () => {
    const resolved: ResolvedEvent = { ...allEvent({ position: undefined }), commitPosition: 900n };
    expect(toRecordedEvent(resolved)?.position).toEqual({ commit: 900n, prepare: 900n });
  });

  it('refuses an event without any position, rather than inventing an order', () => {
    const resolved: ResolvedEvent = { event: allEvent({ position: undefined }).event };
    expect(() => toRecordedEvent(resolved)).toThrow(/without a position/);
  });

  it('skips a resolved event that carries no event (an unresolved link)', () => {
    expect(toRecordedEvent({ commitPosition: 5n })).toBeUndefined();
  });

  it('gives foreign events without JSON metadata an empty object', () => {
    expect(toRecordedEvent(allEvent({ metadata: undefined }))?.metadata).toEqual({});
    expect(toRecordedEvent(allEvent({ metadata: new Uint8Array([1, 2]) }))?.metadata).toEqual({});
  });
});

describe('system events', () => {
  it('are the $-prefixed types and streams', () => {
    expect(isSystemEvent({ type: '$metadata', streamName: '$$incident-1' })).toBe(true);
    expect(isSystemEvent({ type: 'IncidentReported', streamName: '$ce-incident' })).toBe(true);
    expect(isSystemEvent({ type: '$>', streamName: 'incident-1' })).toBe(true);
    expect(isSystemEvent({ type: 'IncidentReported', streamName: 'incident-1' })).toBe(false);
  });
});

describe('decoding a subscribed record (the subscription path refuses what reads tolerate)', () => {
  it('passes one of our events through as the read path maps it', () => {
    expect(decodeSubscribedEvent(allEvent())).toEqual(toRecordedEvent(allEvent()));
  });

  it.each([
    [
      'data the client could not parse as JSON (it hands over the raw text)',
      { data: '{"title": 化工' },
      /data is not well-formed JSON/,
    ],
    ['bytes of another content type', { isJson: false, data: new Uint8Array([0xff]) }, /data is not JSON/],
    ['no metadata at all', { metadata: undefined }, /metadata missing/],
    ['metadata that did not parse (bytes)', { metadata: new Uint8Array([0x7b]) }, /metadata is not a JSON object/],
    ['metadata of another writer', { metadata: { correlationId: 'x' } }, /metadata lacks actorId, occurredAt/],
  ] as const)('refuses %s, naming stream, position, type and id', (_, overrides, reason) => {
    let thrown: unknown;
    try {
      decodeSubscribedEvent(allEvent(overrides as Partial<NonNullable<AllStreamResolvedEvent['event']>>));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UndecodableEventError);
    expect(thrown).toMatchObject({
      streamName: 'incident-42',
      position: { commit: 1200n, prepare: 1100n },
      eventType: 'IncidentReported',
      eventId: '6f1c2c4e-8d5f-4b8e-9a41-0c9e0c1d2e3f',
    });
    expect((thrown as Error).message).toMatch(reason);
    expect((thrown as Error).message).toMatch(/in incident-42 at 1200\/1100/);
  });

  it("leaves the server's own records to the system-event filter", () => {
    const system = allEvent({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected', metadata: undefined });
    expect(decodeSubscribedEvent(system)?.type).toBe('$statsCollected');
  });

  it('answers undefined for an unresolved link, as reads do', () => {
    expect(decodeSubscribedEvent({ commitPosition: 5n } as AllStreamResolvedEvent)).toBeUndefined();
  });
});

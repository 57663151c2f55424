import {
  AccessDeniedError,
  DeadlineExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError as ClientStreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  EventStoreAccessDeniedError,
  EventStoreUnavailableError,
  IdempotencyConflictError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../port/errors';
import { toEventStoreError } from './kurrentdb-errors';

/** A gRPC ServiceError as grpc-js hands it to the client: numeric status code, details, metadata. */
function serviceError(code: number, details: string, metadata: Record<string, string> = {}): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: { getMap: () => metadata } });
}

describe('wrong expected version', () => {
  it('keeps the stream, our expectation and the actual revision', () => {
    const error = new ClientWrongExpectedVersionError(undefined, {
      streamName: 'incident-1',
      expected: 1n,
      current: 2n,
    });
    const mapped = toEventStoreError(error, { streamName: 'incident-1', expected: 1n });
    expect(mapped).toBeInstanceOf(WrongExpectedVersionError);
    expect(mapped).toMatchObject({ streamName: 'incident-1', expected: 1n, actual: 2n });
  });

  it('reports a missing stream as no_stream', () => {
    const error = new ClientWrongExpectedVersionError(undefined, {
      streamName: 'incident-2',
      expected: 'stream_exists',
      current: 'no_stream',
    });
    expect(toEventStoreError(error, { expected: 'stream_exists' })).toMatchObject({
      streamName: 'incident-2',
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });

  it('decodes the FAILED_PRECONDITION a delete of a missing stream gets (raw -2 / -1 in metadata)', () => {
    const raw = serviceError(9, 'Delete failed due to WrongExpectedVersion', {
      exception: 'wrong-expected-version',
      'stream-name': 'team-7',
      'expected-version': '-2',
      'actual-version': '-1',
    });
    const mapped = toEventStoreError(raw);
    expect(mapped).toBeInstanceOf(WrongExpectedVersionError);
    expect(mapped).toMatchObject({ streamName: 'team-7', expected: 'any', actual: 'no_stream' });
  });
});

describe('stream not found', () => {
  it('maps the client error to ours, named by the stream we asked for', () => {
    const mapped = toEventStoreError(new ClientStreamNotFoundError(undefined, 'plan-3'), { streamName: 'plan-3' });
    expect(mapped).toBeInstanceOf(StreamNotFoundError);
    expect((mapped as StreamNotFoundError).streamName).toBe('plan-3');
  });

  it('treats a deleted stream as not found', () => {
    expect(toEventStoreError(StreamDeletedError.fromStreamName('plan-4'))).toMatchObject({
      code: 'STREAM_NOT_FOUND',
      streamName: 'plan-4',
    });
  });
});

describe('unavailability', () => {
  it.each([
    ['the client UnavailableError', new UnavailableError(undefined, 'no leader')],
    ['a deadline', new DeadlineExceededError(undefined, 'deadline')],
    [
      'a raw gRPC UNAVAILABLE (what append throws on a refused connection)',
      serviceError(14, 'No connection established'),
    ],
    ['a raw gRPC DEADLINE_EXCEEDED', serviceError(4, 'Deadline exceeded')],
    ['a plain socket error', new Error('connect ECONNREFUSED 127.0.0.1:2113')],
  ])('%s becomes EventStoreUnavailableError keeping the cause', (_, error) => {
    const mapped = toEventStoreError(error);
    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect((mapped as EventStoreUnavailableError).cause).toBe(error);
  });
});

describe('access denied and a follower answering', () => {
  it("maps the client's AccessDeniedError to the port's, naming the stream and keeping the cause", () => {
    const denied = new AccessDeniedError(undefined, 'Access denied.');
    const mapped = toEventStoreError(denied, { streamName: 'incident-9' });
    expect(mapped).toBeInstanceOf(EventStoreAccessDeniedError);
    expect(mapped).toMatchObject({ code: 'EVENT_STORE_ACCESS_DENIED' });
    expect((mapped as Error).message).toMatch(/denied access to incident-9.*stream permissions/);
    expect((mapped as EventStoreAccessDeniedError).cause).toBe(denied);
  });

  it('decodes the raw gRPC answers for a missing stream permission and for a wrong password the same way', () => {
    const permission = serviceError(7, 'Access denied', { exception: 'access-denied' });
    expect(toEventStoreError(permission)).toBeInstanceOf(EventStoreAccessDeniedError);
    expect(toEventStoreError(serviceError(16, 'Bad credentials'))).toBeInstanceOf(EventStoreAccessDeniedError);
  });

  it("treats the client's NotLeaderError as unavailable until the client has reconnected to the leader", () => {
    const notLeader = new NotLeaderError(
      Object.assign(new Error('not leader'), {
        code: 5,
        details: 'Leader info available',
        metadata: { 'leader-endpoint-host': 'node2', 'leader-endpoint-port': '2113' },
      }) as unknown as ConstructorParameters<typeof NotLeaderError>[0],
    );
    expect(notLeader.leader).toEqual({ address: 'node2', port: 2113 });
    expect(toEventStoreError(notLeader)).toBeInstanceOf(EventStoreUnavailableError);
  });
});

describe('everything else', () => {
  it('passes our own errors through untouched', () => {
    const ours = new IdempotencyConflictError('incident-1', ['a']);
    expect(toEventStoreError(ours)).toBe(ours);
  });

  it('leaves unrelated failures as they are', () => {
    const bug = new TypeError('cannot read x of undefined');
    expect(toEventStoreError(bug)).toBe(bug);
    const unknown = new UnknownError(undefined, 'boom');
    expect(toEventStoreError(unknown)).toBe(unknown);
    expect(toEventStoreError('text')).toBe('text');
  });

  it('does not trip over an error that merely has a numeric code', () => {
    const odd = Object.assign(new Error('odd'), { code: 2 });
    expect(toEventStoreError(odd)).toBe(odd);
  });
});

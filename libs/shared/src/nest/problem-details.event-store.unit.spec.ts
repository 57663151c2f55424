import type { ArgumentsHost } from '@nestjs/common';
import { EventStoreAccessDeniedError, EventStoreUnavailableError } from '@app/event-store';
import { ProblemDetailsFilter } from './problem-details.filter';

/**
 * What the filter answers for the port's event-store failures (the KurrentDB adapter's mapping of the client's own
 * AccessDeniedError, NotLeaderError and UnavailableError to these is tested in kurrentdb-errors.unit.spec.ts).
 */
function answer(exception: unknown): {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
} {
  const sent = { status: 0, body: {} as Record<string, unknown>, headers: {} as Record<string, string> };
  const reply = {
    status: (s: number) => ((sent.status = s), reply),
    header: (k: string, v: string) => ((sent.headers[k] = v), reply),
    headers: () => reply,
    send: (b: Record<string, unknown>) => ((sent.body = b), reply),
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-1', url: '/api/v1/incidents' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  const filter = new ProblemDetailsFilter();
  // The filter logs an access refusal for the operator; the test only reads the answer.
  (filter as unknown as { logger: { error(): void } }).logger = { error: () => undefined };
  filter.catch(exception, host);
  return sent;
}

describe('event-store failures over HTTP', () => {
  it('answers access denied by the store as a 503 problem with its own code, never a 500', () => {
    const { status, body, headers } = answer(
      new EventStoreAccessDeniedError('KurrentDB denied access to incident-1: Access denied.'),
    );
    expect(status).toBe(503);
    expect(headers['content-type']).toMatch(/^application\/problem\+json/);
    // Waiting does not fix an account's permissions: no Retry-After, which would invite clients to try again.
    expect(headers['retry-after']).toBeUndefined();
    expect(body).toMatchObject({ status: 503, code: 'EVENT_STORE_ACCESS_DENIED', correlationId: 'req-1' });
    expect(String(body.detail)).toMatch(/事件存储拒绝访问/);
    // Nothing of the server's message or the stream reaches the caller.
    expect(JSON.stringify(body)).not.toMatch(/Access denied|KurrentDB|incident-1/);
  });

  it('answers an unavailable store as EVENT_STORE_UNAVAILABLE 503', () => {
    const { status, body, headers } = answer(new EventStoreUnavailableError('KurrentDB unavailable: not leader'));
    expect(status).toBe(503);
    expect(headers['retry-after']).toBe('5');
    expect(body).toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
  });
});

import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';
import { eventually } from '../support/eventually';

interface Pushed {
  position: string;
  data: { id?: string };
}

/** Every message of `name` the socket receives from now on. */
function record(socket: Socket, name: string): Pushed[] {
  const seen: Pushed[] = [];
  socket.on(name, (m: Pushed) => seen.push(m));
  return seen;
}

const linksTo = (span: ReadableSpan, target: ReadableSpan): boolean =>
  span.links.some(
    (l) => l.context.traceId === target.spanContext().traceId && l.context.spanId === target.spanContext().spanId,
  );

const childOf = (span: ReadableSpan, parent: ReadableSpan): boolean =>
  span.spanContext().traceId === parent.spanContext().traceId &&
  span.parentSpanContext?.spanId === parent.spanContext().spanId;

/**
 * Traces (docs/operations.md, "Traces"): with tracing on, a command sent over HTTP leaves one trace from the request
 * through the command to the append, and the projection that applies its events and the live delta that reaches the
 * console are linked to it. Spans go to an in-memory exporter instead of an OTLP collector.
 */
describe('OpenTelemetry traces', () => {
  const exporter = new InMemorySpanExporter();
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({}, { traceExporter: exporter })));
  afterAll(() => t?.close());

  it('follows POST /incidents from the request to the append, and links the projection and the socket delivery', async () => {
    const socket = await t.socket();
    const changed = record(socket, 'incident.changed');
    // A caller that is itself traced: the request's span continues the caller's trace.
    const callerTrace = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const { body: incident } = await t
      .post('/api/v1/incidents')
      .set('traceparent', `00-${callerTrace}-1122334455667788-01`)
      .send(incidentBody())
      .expect(201);
    const id = incident.id as string;
    // The live delta of the new incident reached a real Socket.IO client.
    await eventually(() => changed.find((m) => m.data.id === id), 10_000);

    const spans = (): ReadableSpan[] => exporter.getFinishedSpans();
    const http = await eventually(
      () =>
        spans().find((s) => s.name === 'POST /api/v1/incidents' && s.attributes['http.response.status_code'] === 201),
      10_000,
    );
    expect(http.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/api/v1/incidents' });
    expect(http.spanContext().traceId).toBe(callerTrace);
    expect(http.parentSpanContext?.spanId).toBe('1122334455667788');

    const command = spans().find((s) => s.name.startsWith('command ') && s.attributes['aggregate.id'] === id);
    expect(command).toBeDefined();
    expect(childOf(command!, http)).toBe(true);

    const append = spans().find(
      (s) => s.name === 'event_store.append' && s.attributes['event_store.stream'] === `incident-${id}`,
    );
    expect(append).toBeDefined();
    expect(childOf(append!, command!)).toBe(true);
    expect(append!.attributes['db.system.name']).toBe('postgresql');

    // The events carry the append's trace context next to their correlation id.
    const stored = await t.sql<{ metadata: { traceparent?: string; correlationId?: string } }>(
      'select metadata from es_events where stream_name = $1',
      [`incident-${id}`],
    );
    expect(stored.length).toBeGreaterThan(0);
    for (const { metadata } of stored) {
      expect(metadata.traceparent).toBe(`00-${callerTrace}-${append!.spanContext().spanId}-01`);
      expect(metadata.correlationId).toEqual(expect.any(String));
    }

    // The board's projection applied those events in a span of its own trace, linked to the append.
    const projection = await eventually(
      () => spans().find((s) => s.name === 'projection incident-board' && linksTo(s, append!)),
      10_000,
    );
    expect(projection.spanContext().traceId).not.toBe(callerTrace);

    // The delta that reached the socket went out in a span linked to that projection span.
    const delivery = await eventually(
      () => spans().find((s) => s.name === 'socket.io send incident.changed' && linksTo(s, projection)),
      10_000,
    );
    expect(delivery.attributes['messaging.system']).toBe('socket.io');
    expect(changed.map((m) => m.position)).toContain(delivery.attributes['live_delta.position']);
    socket.close();
  });
});

import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';
import { until } from '../support/eventually';

/** The value of one series in Prometheus' text format, or undefined when it is not exposed. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Operations (ADR 0008): a Prometheus scrape of /metrics after real traffic. */
describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('exposes HTTP latency, commands by outcome, append latency, projection lag and ownership, sockets and live deltas', async () => {
    const scrape = async () => {
      const response = await request(t.baseUrl).get('/metrics').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      return response.text;
    };
    const before = await scrape();
    const socket = await t.socket();
    const { body: incident } = await t.post('/api/v1/incidents').send(incidentBody()).expect(201);
    await t.post('/api/v1/incidents').send({ title: '' }).expect(400);
    await t.post(`/api/v1/incidents/${incident.id}/updates`).send({ measures: '设置警戒区' }).expect(200);
    // A scrape needs no token (like /health), and sees this process's traffic.
    await until(
      async () => (sample(await scrape(), 'projection_lag_events{projection="incident-board"}') ?? -1) === 0,
      10_000,
    );
    const text = await scrape();

    const accepted = 'commands_total{route="/api/v1/incidents",outcome="accepted"}';
    expect(sample(text, accepted)! - (sample(before, accepted) ?? 0)).toBe(1);
    expect(sample(text, 'commands_total{route="/api/v1/incidents",outcome="rejected"}')).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'commands_total{route="/api/v1/incidents/:id/updates",outcome="accepted"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'http_request_duration_seconds_count{method="POST",route="/api/v1/incidents",status="201"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'event_store_append_duration_seconds_count{outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'projection_owner{projection="incident-board"}')).toBe(1);
    expect(sample(text, 'projection_lag_seconds{projection="incident-board"}')).toBe(0);
    expect(sample(text, 'console_socket_connections')).toBe(1);
    expect(sample(text, 'live_deltas_total{name="incident.changed"}')).toBeGreaterThanOrEqual(2);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    socket.close();
  });
});

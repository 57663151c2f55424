import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';

/** Bad input gets a clear problem+json and changes nothing; nothing a client sends produces a 500. */
describe('incident intake: bad input', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  async function expectRejected(body: unknown, status: number, code: string, fieldPath?: string): Promise<void> {
    const correlationId = `bad-${randomUUID()}`;
    const response = await t
      .post('/api/v1/incidents')
      .set('X-Correlation-Id', correlationId)
      .send(body as object);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code, correlationId });
    expect(typeof response.body.title).toBe('string');
    if (fieldPath) expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(fieldPath);
    const appended = await t.sql(`select 1 from es_events where metadata->>'correlationId' = $1`, [correlationId]);
    expect(appended).toHaveLength(0);
  }

  const { title: _title, ...withoutTitle } = incidentBody();
  it.each<[string, unknown, string]>([
    ['a missing title', withoutTitle, 'title'],
    ['missing casualties', { ...incidentBody(), casualties: undefined }, 'casualties'],
    [
      'a casualty count as text',
      incidentBody({ casualties: { deaths: '3', missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 } }),
      'casualties.deaths',
    ],
    [
      'negative deaths',
      incidentBody({ casualties: { deaths: -1, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 } }),
      'casualties.deaths',
    ],
    [
      'fractional injuries',
      incidentBody({ casualties: { deaths: 0, missing: 0, seriousInjuries: 1.5, minorInjuries: 0, trapped: 0 } }),
      'casualties.seriousInjuries',
    ],
    ['an unknown jurisdiction', incidentBody({ jurisdiction: '999999' }), 'jurisdiction'],
    ['an unknown category', incidentBody({ category: 'meteor' }), 'category'],
    ['a time without offset', incidentBody({ occurredAt: '2026-11-22 13:40:00' }), 'occurredAt'],
    ['a latitude out of range', incidentBody({ location: { address: 'x', lat: 91, lng: 105 } }), 'location.lat'],
    ['negative loss', incidentBody({ directLossYuan: -5 }), 'directLossYuan'],
    ['an unknown field', incidentBody({ deathsEstimate: 5 }), 'deathsEstimate'],
    ['a non-object body', [1, 2, 3], ''],
  ])('%s → 400 with the field named, nothing appended', async (_, body, path) => {
    await expectRejected(body, 400, 'VALIDATION_FAILED', path || undefined);
  });

  it('field messages are in Chinese', async () => {
    const response = await t.post('/api/v1/incidents').send(incidentBody({ jurisdiction: '999999' }));
    expect(response.body.errors).toContainEqual({ path: 'jurisdiction', message: 'jurisdiction 不是已知的辖区代码' });
  });

  it('an occurrence time in the future is 422', async () => {
    await expectRejected(
      incidentBody({ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }),
      422,
      'OCCURRED_IN_FUTURE',
    );
  });

  it('malformed JSON is 400', async () => {
    const response = await t.post('/api/v1/incidents').set('content-type', 'application/json').send('{"title": ');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('a body that is not JSON is 415', async () => {
    const response = await t.post('/api/v1/incidents').set('content-type', 'text/plain').send('hello');
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an oversized body is 413', async () => {
    const response = await t.post('/api/v1/incidents').send(incidentBody({ description: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.status).toBe(413);
  });

  it('an unknown incident is 404 and a malformed id is 400', async () => {
    const unknown = await t.get(`/api/v1/incidents/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('INCIDENT_NOT_FOUND');
    const follow = await t.post(`/api/v1/incidents/${randomUUID()}/updates`).send({ measures: 'x' });
    expect(follow.status).toBe(404);
    const malformed = await t.get('/api/v1/incidents/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('INVALID_ID');
  });

  it('an empty follow-up is 400', async () => {
    const { body } = await t.post('/api/v1/incidents').send(incidentBody());
    const empty = await t.post(`/api/v1/incidents/${body.id}/updates`).send({});
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
  });

  it('bad query parameters are 400, unknown routes 404, both as problems', async () => {
    const bad = await t.get('/api/v1/incidents').query({ limit: '100000', grade: 'huge' });
    expect(bad.status).toBe(400);
    const route = await t.get('/api/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(route.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('a malformed Idempotency-Key or If-Match is 400', async () => {
    const key = await t.post('/api/v1/incidents').set('Idempotency-Key', 'x'.repeat(300)).send(incidentBody());
    expect(key.status).toBe(400);
    expect(key.body.code).toBe('INVALID_IDEMPOTENCY_KEY');
    const { body } = await t.post('/api/v1/incidents').send(incidentBody());
    const match = await t
      .post(`/api/v1/incidents/${body.id}/updates`)
      .set('If-Match', 'yesterday')
      .send({ measures: 'x' });
    expect(match.status).toBe(400);
    expect(match.body.code).toBe('INVALID_IF_MATCH');
  });

  it('health reports the database and the event store, and OpenAPI is served', async () => {
    const health = await t.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.details).toMatchObject({ database: { status: 'up' }, eventStore: { status: 'up' } });
    const openapi = await t.get('/api/docs/openapi.json');
    expect(openapi.status).toBe(200);
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/incidents', '/api/v1/incidents/{id}/updates']),
    );
  });
});

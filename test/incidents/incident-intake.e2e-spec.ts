import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';

describe('incident intake over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    t
      .post(`/api/v1${path}`)
      .set(headers)
      .send(body as object);

  it('reports an incident that GET /incidents/{id} shows at once, graded and in Beijing time', async () => {
    const created = await post(
      '/incidents',
      incidentBody({ casualties: { deaths: 3, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 } }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ revision: 0, grade: 'major', status: 'open', replayed: false });
    const got = await t.get(`/api/v1/incidents/${created.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      id: created.body.id,
      grade: 'major',
      gradeLabel: '较大事故',
      jurisdictionName: '中卫工业园区',
    });
    expect(got.body.occurredAt).toBe('2026-11-22T13:40:00+08:00');
    const list = await t.get('/api/v1/incidents').query({ jurisdiction: '640500' });
    expect(list.body.map((i: { id: string }) => i.id)).toContain(created.body.id);
  });

  it('re-grades on every follow-up and records the rise on the timeline', async () => {
    const { body: incident } = await post('/incidents', incidentBody());
    expect(incident.grade).toBe('general');
    const update = await post(`/incidents/${incident.id}/updates`, {
      casualties: { deaths: 2, missing: 1 },
      measures: '疏散周边群众',
    });
    expect(update.status).toBe(200);
    // Missing persons count with the dead in the demo jurisdictions: 2 + 1 = 3 → 较大.
    expect(update.body).toMatchObject({
      grade: 'major',
      revision: 2,
      casualties: { deaths: 2, missing: 1, seriousInjuries: 1 },
    });
    const timeline = await t.get(`/api/v1/incidents/${incident.id}/timeline`);
    expect(timeline.body.map((e: { type: string }) => e.type)).toEqual([
      'IncidentReported',
      'SituationUpdated',
      'AccidentGradeChanged',
    ]);
    expect(timeline.body[2].summary).toContain('升为较大事故');
  });

  it('sets the response level apart from the grade, with who decided and why, on the board and timeline', async () => {
    const { body: incident } = await post('/incidents', incidentBody());
    expect(incident).toMatchObject({ grade: 'general', responseLevel: null });
    const set = await post(`/incidents/${incident.id}/response-level`, {
      level: 'II',
      reason: '泄漏扩大，周边有居民区',
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      grade: 'general',
      responseLevel: 'II',
      responseLevelLabel: 'Ⅱ级响应',
      revision: 1,
    });
    const same = await post(`/incidents/${incident.id}/response-level`, { level: 'II', reason: '重复' });
    expect(same.body.revision).toBe(1);
    const bad = await post(`/incidents/${incident.id}/response-level`, { level: 'V', reason: 'x' });
    expect(bad.status).toBe(400);
    const timeline = await t.get(`/api/v1/incidents/${incident.id}/timeline`);
    expect(timeline.body[1].summary).toBe(`启动Ⅱ级响应；理由：泄漏扩大，周边有居民区`);
  });

  it('closes an incident and refuses further follow-ups with 409', async () => {
    const { body: incident } = await post('/incidents', incidentBody());
    const closed = await post(`/incidents/${incident.id}/close`, { summary: '泄漏已封堵，现场警戒解除' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const late = await post(`/incidents/${incident.id}/updates`, { measures: 'x' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('INCIDENT_CLOSED');
  });

  it('serves the raw stored events with their metadata for audit', async () => {
    const correlationId = `audit-${randomUUID()}`;
    const { body: incident } = await post('/incidents', incidentBody(), { 'X-Correlation-Id': correlationId });
    const events = await t.get(`/api/v1/incidents/${incident.id}/events`);
    expect(events.status).toBe(200);
    expect(events.body).toHaveLength(1);
    expect(events.body[0]).toMatchObject({ type: 'IncidentReported', revision: 0 });
    expect(events.body[0].metadata).toMatchObject({
      correlationId,
      causationId: correlationId,
      actorId: t.commander.id,
      actorName: t.commander.username,
      actorRoles: ['commander'],
      jurisdiction: '640571',
      schemaVersion: 1,
    });
    expect(Date.parse(events.body[0].metadata.occurredAt)).not.toBeNaN();
  });

  it('a retried POST with the same Idempotency-Key creates one incident and returns the first response', async () => {
    const key = randomUUID();
    const body = incidentBody();
    const first = await post('/incidents', body, { 'Idempotency-Key': key });
    const second = await post('/incidents', body, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.revision).toBe(first.body.revision);
    expect(second.body.replayed).toBe(true);
    const stored = await t.sql<{ n: string }>(`select count(*)::text as n from es_events where stream_name = $1`, [
      `incident-${first.body.id}`,
    ]);
    expect(stored[0]!.n).toBe('1');
    const reused = await post('/incidents', { ...body, title: '另一个事故' }, { 'Idempotency-Key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('concurrent retries of one keyed POST still create exactly one incident', async () => {
    const key = randomUUID();
    const body = incidentBody();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => post('/incidents', body, { 'Idempotency-Key': key })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    const stored = await t.sql<{ n: string }>(`select count(*)::text as n from es_events where stream_name = $1`, [
      `incident-${responses[0]!.body.id}`,
    ]);
    expect(stored[0]!.n).toBe('1');
  });

  it('a keyed follow-up retried after other updates returns its own first result', async () => {
    const { body: incident } = await post('/incidents', incidentBody());
    const key = randomUUID();
    const first = await post(`/incidents/${incident.id}/updates`, { measures: '关闭阀门' }, { 'Idempotency-Key': key });
    await post(`/incidents/${incident.id}/updates`, { measures: '稀释中和' });
    const retry = await post(`/incidents/${incident.id}/updates`, { measures: '关闭阀门' }, { 'Idempotency-Key': key });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ revision: first.body.revision, replayed: true });
    const stored = await t.sql<{ n: string }>(`select count(*)::text as n from es_events where stream_name = $1`, [
      `incident-${incident.id}`,
    ]);
    expect(stored[0]!.n).toBe('3');
  });

  it('a stale If-Match is a 412 and appends nothing', async () => {
    const { body: incident } = await post('/incidents', incidentBody());
    await post(`/incidents/${incident.id}/updates`, { measures: '第一次续报' }, { 'If-Match': '0' });
    const stale = await post(
      `/incidents/${incident.id}/updates`,
      { measures: '基于旧版本的续报' },
      { 'If-Match': '0' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('STALE_REVISION');
    const stored = await t.sql<{ n: string }>(`select count(*)::text as n from es_events where stream_name = $1`, [
      `incident-${incident.id}`,
    ]);
    expect(stored[0]!.n).toBe('2');
  });

  it('concurrent follow-ups all land, with contiguous revisions (retry on version conflict)', async () => {
    const { body: incident } = await post('/incidents', incidentBody());
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(`/incidents/${incident.id}/updates`, { casualties: { minorInjuries: i + 1 } }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const revisions = await t.sql<{ r: string }>(
      `select stream_revision::text as r from es_events where stream_name = $1 order by 1::int`,
      [`incident-${incident.id}`],
    );
    expect(revisions.map((x) => Number(x.r)).sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => i));
  });
});

import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { until } from '../support/eventually';

interface Pushed {
  position: string;
  data: { id?: string; incidentId?: string };
}

/** Every incident id a socket is told about, by incident.changed or timeline.appended, from now on. */
function heard(socket: Socket): string[] {
  const ids: string[] = [];
  socket.on('incident.changed', (m: Pushed) => ids.push(m.data.id ?? '?'));
  socket.on('timeline.appended', (m: Pushed) => ids.push(m.data.incidentId ?? '?'));
  return ids;
}

/**
 * Zhongning (640521) and Haiyuan (640522) are sibling counties under Zhongwei (640500): neither may see or touch the
 * other's incidents, the city sees both. "Outside" must look exactly like "does not exist" (404), so ids leak nothing.
 */
describe('jurisdiction isolation between sibling counties', () => {
  let t: TestApp;
  let zhongning: TestUser; // duty officer of 640521
  let zhongningCommander: TestUser; // may close, so a refused close proves scoping, not the role
  let haiyuan: TestUser; // duty officer of 640522
  let theirs: string; // an incident in 640522
  let theirsInTown: string; // an incident in 640522100, a town of 640522

  /** Reports an incident in `jurisdiction` as `user` and returns its id. */
  const report = async (user: TestUser, jurisdiction: string): Promise<string> =>
    (await t.post('/api/v1/incidents', user.token).send(incidentBody({ jurisdiction })).expect(201)).body.id as string;

  beforeAll(async () => {
    t = await startTestApp();
    zhongning = await t.user(['duty_officer'], '640521');
    zhongningCommander = await t.user(['commander'], '640521');
    haiyuan = await t.user(['duty_officer'], '640522');
    theirs = await report(haiyuan, '640522');
    theirsInTown = await report(haiyuan, '640522100');
  });
  afterAll(async () => {
    await t?.close();
  });

  const eventCount = async (incidentId: string) =>
    (
      await t.sql<{ n: number }>(`select count(*)::int as n from es_events where stream_name = $1`, [
        `incident-${incidentId}`,
      ])
    )[0]!.n;
  const withoutRequestFields = (body: Record<string, unknown>) => ({
    ...body,
    correlationId: undefined,
    instance: undefined,
  });

  const attempts: Array<[string, (id: string) => Promise<{ status: number; body: Record<string, unknown> }>]> = [
    ['read', async (id) => t.get(`/api/v1/incidents/${id}`, zhongning.token)],
    ['read the timeline of', async (id) => t.get(`/api/v1/incidents/${id}/timeline`, zhongning.token)],
    ['read the raw events of', async (id) => t.get(`/api/v1/incidents/${id}/events`, zhongning.token)],
    [
      'follow up',
      async (id) => t.post(`/api/v1/incidents/${id}/updates`, zhongning.token).send({ measures: '越权续报' }),
    ],
    [
      'follow up with an Idempotency-Key',
      async (id) =>
        t
          .post(`/api/v1/incidents/${id}/updates`, zhongning.token)
          .set('Idempotency-Key', randomUUID())
          .send({ measures: '越权续报' }),
    ],
    [
      'close',
      async (id) => t.post(`/api/v1/incidents/${id}/close`, zhongningCommander.token).send({ summary: '越权结案' }),
    ],
  ];

  test.each(attempts)(
    'Zhongning cannot %s an incident of Haiyuan or of its town: 404 like a missing id, nothing stored',
    async (_, attempt) => {
      for (const id of [theirs, theirsInTown]) {
        const before = await eventCount(id);
        const response = await attempt(id);
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ status: 404, code: 'INCIDENT_NOT_FOUND' });
        expect(await eventCount(id)).toBe(before);
        // The answer for an incident that exists elsewhere equals the answer for one that exists nowhere.
        const missing = await attempt(randomUUID());
        expect(withoutRequestFields(missing.body)).toEqual(withoutRequestFields(response.body));
      }
    },
  );

  it('the list leaves them out, also when asked for 640522 by name', async () => {
    const ours = await report(zhongning, '640521');
    const all = await t.get('/api/v1/incidents', zhongning.token).expect(200);
    const ids = all.body.map((i: { id: string }) => i.id);
    expect(ids).toContain(ours);
    expect(ids).not.toContain(theirs);
    expect(ids).not.toContain(theirsInTown);
    for (const jurisdiction of ['640522', '640522100', '640500']) {
      const asked = await t.get(`/api/v1/incidents?jurisdiction=${jurisdiction}`, zhongning.token).expect(200);
      expect(
        asked.body.map((i: { jurisdiction: string }) => i.jurisdiction).filter((j: string) => !j.startsWith('640521')),
      ).toEqual([]);
    }
  });

  test.each(['640522', '640522100', '640500', '640571'])(
    'Zhongning reporting into %s → 403 OUTSIDE_JURISDICTION, no event anywhere',
    async (jurisdiction) => {
      // Counted by the request's own correlation id: a deadline watch may append alarms of its own meanwhile.
      const correlationId = randomUUID();
      const response = await t
        .post('/api/v1/incidents', zhongning.token)
        .set('x-correlation-id', correlationId)
        .send(incidentBody({ jurisdiction }));
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'OUTSIDE_JURISDICTION' });
      const [{ n }] = await t.sql<{ n: number }>(
        `select count(*)::int as n from es_events where metadata->>'correlationId' = $1`,
        [correlationId],
      );
      expect(n).toBe(0);
    },
  );

  it('a county may act in its own towns', async () => {
    await t
      .post('/api/v1/incidents', zhongning.token)
      .send(incidentBody({ jurisdiction: '640521100' }))
      .expect(201);
  });

  it('the city sees, follows up and reads both counties', async () => {
    const ours = await report(zhongning, '640521');
    for (const id of [theirs, theirsInTown, ours]) {
      await t.get(`/api/v1/incidents/${id}`).expect(200);
      await t.get(`/api/v1/incidents/${id}/events`).expect(200);
    }
    await t.post(`/api/v1/incidents/${theirs}/updates`).send({ measures: '市局督导' }).expect(200);
    const listed = (await t.get('/api/v1/incidents').expect(200)).body.map((i: { id: string }) => i.id);
    expect(listed).toEqual(expect.arrayContaining([theirs, theirsInTown, ours]));
  });

  describe('live feed', () => {
    it('Zhongning may not subscribe to another jurisdiction, nor to its parent', async () => {
      const socket = await t.socket(zhongning.token);
      expect(await socket.emitWithAck('subscribe', { jurisdiction: '640522' })).toMatchObject({ ok: false });
      expect(await socket.emitWithAck('subscribe', { jurisdiction: '640500' })).toMatchObject({ ok: false });
      expect(await socket.emitWithAck('subscribe', { jurisdiction: '640521100' })).toMatchObject({ ok: true });
    });

    it("Zhongning's consoles never hear of Haiyuan's incident, by default, by its id, or on resume; the city's does", async () => {
      const since = (
        await t.post(`/api/v1/incidents/${theirs}/updates`, haiyuan.token).send({ measures: '基线' }).expect(200)
      ).body.position;
      const byDefault = await t.socket(zhongning.token);
      const byId = await t.socket(zhongning.token);
      // Its own jurisdiction too, so a later own incident can serve as a marker that the feed has moved past.
      const subscribed = await byId.emitWithAck('subscribe', { jurisdiction: '640521', incidentId: theirs });
      expect(subscribed).toMatchObject({ ok: true });
      const city = await t.socket();
      const [defaultHeard, byIdHeard, cityHeard] = [heard(byDefault), heard(byId), heard(city)];

      await t.post(`/api/v1/incidents/${theirs}/updates`, haiyuan.token).send({ measures: '封闭道路' }).expect(200);
      await until(() => cityHeard.includes(theirs));
      // Deltas go out in global order: once Zhongning's consoles hear of a later incident of their own, the earlier
      // Haiyuan delta can no longer be on its way to them.
      const marker = await report(zhongning, '640521');
      await until(() => defaultHeard.includes(marker) && byIdHeard.includes(marker) && cityHeard.includes(marker));
      await new Promise((r) => setTimeout(r, 200)); // a short grace period on top, for good measure
      expect(defaultHeard).not.toContain(theirs);
      expect(byIdHeard).not.toContain(theirs);

      // Replaying what was missed since before the update replays Zhongning's rooms only.
      const resumed = await t.socket(zhongning.token);
      const resumedHeard = heard(resumed);
      expect(await resumed.emitWithAck('resume', { since })).toMatchObject({ ok: true });
      await until(() => resumedHeard.includes(marker));
      expect(resumedHeard).not.toContain(theirs);
    });
  });
});

import { randomUUID } from 'node:crypto';
import type { IncidentView } from '../../libs/incidents/src/contract';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const GRADE_RANK: Record<string, number> = { especially_serious: 0, serious: 1, major: 2, general: 3 };

/** The next page's path from a `Link` header, or null on the last page. */
function nextOf(link: string | undefined): string | null {
  const match = /<([^>]+)>;\s*rel="next"/.exec(link ?? '');
  return match ? match[1]! : null;
}

/** The earliest still-owed obligation's due time (overdue ones included), as the board orders by it. */
const dueOf = (i: IncidentView) =>
  Math.min(
    ...i.deadlines.filter((d) => d.status === 'pending' || d.status === 'overdue').map((d) => Date.parse(d.dueAt)),
    Infinity,
  );

describe('GET /incidents: server-side filters, the urgency order and keyset paging', () => {
  let t: TestApp;
  const tag = randomUUID().slice(0, 6);
  const ids = { countyOpen: [] as string[], ended: [] as string[], overdue: '', drill: '', other: '' };

  beforeAll(async () => {
    t = await startTestApp();
    const report = async (overrides: Record<string, unknown>) =>
      (await t.post('/api/v1/incidents').send(incidentBody(overrides)).expect(201)).body as IncidentView;
    // 24 open incidents of the industrial park, three grades among them; every fourth one ended afterwards.
    for (let n = 0; n < 24; n += 1) {
      const deaths = n % 6 === 0 ? 3 : n % 6 === 1 ? 1 : 0;
      const incident = await report({
        title: `园区事故 ${tag} 第${n}起`,
        casualties: { deaths, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 },
        occurredAt: minutesAgo(40 - n),
        receivedAt: minutesAgo(30 - n),
        receivedAtReason: '电话接报后补录',
      });
      ids.countyOpen.push(incident.id);
    }
    for (const id of ids.countyOpen.filter((_, n) => n % 4 === 3)) {
      await t.post(`/api/v1/incidents/${id}/end-response`).send({ summary: '处置完毕，响应终止' }).expect(200);
      ids.ended.push(id);
    }
    ids.countyOpen = ids.countyOpen.filter((id) => !ids.ended.includes(id));
    // Received three hours ago: its 1-hour report to the county is overdue.
    ids.overdue = (
      await report({
        title: `逾期未报 ${tag}`,
        enterprise: `宁夏某某煤业 ${tag}`,
        occurredAt: minutesAgo(200),
        receivedAt: minutesAgo(180),
        receivedAtReason: '电话接报后补录',
      })
    ).id;
    ids.other = (await report({ title: `沙坡头事故 ${tag}`, jurisdiction: '640502' })).id;
    const drillId = await runningDrill(t, '640500');
    ids.drill = (await report({ title: `演练事故 ${tag}`, drillId })).id;
  }, 180_000);
  afterAll(() => t?.close());

  it('pages through every open incident once, by urgency, while new incidents arrive, with the count', async () => {
    const seen: IncidentView[] = [];
    let path: string | null = '/api/v1/incidents?status=open&order=urgency&limit=4';
    let total = -1;
    let arrived = 0;
    while (path) {
      const res = await t.get(path).expect(200);
      expect(Array.isArray(res.body)).toBe(true);
      if (total < 0) total = Number(res.headers['x-total-count']);
      expect(Number(res.headers['x-open-count'])).toBeGreaterThanOrEqual(total); // every match is open here
      seen.push(...(res.body as IncidentView[]));
      path = nextOf(res.headers.link as string | undefined);
      // New incidents keep coming in while the board is read: they neither repeat a row nor push one out.
      if (arrived < 3) {
        await t
          .post('/api/v1/incidents')
          .send(incidentBody({ title: `新接报 ${tag} ${arrived}` }))
          .expect(201);
        arrived += 1;
      }
    }
    const openBefore = ids.countyOpen.length + 2; // the overdue one and the neighbouring county's
    expect(total).toBe(openBefore);
    expect(new Set(seen.map((i) => i.id)).size).toBe(seen.length);
    for (const id of [...ids.countyOpen, ids.overdue, ids.other]) expect(seen.map((i) => i.id)).toContain(id);
    expect(seen.some((i) => ids.ended.includes(i.id) || i.id === ids.drill)).toBe(false);
    expect(seen[0]!.id).toBe(ids.overdue); // the overdue obligation leads
    for (let k = 1; k < seen.length; k += 1) {
      const [a, b] = [seen[k - 1]!, seen[k]!];
      const ordered =
        dueOf(a) < dueOf(b) ||
        (dueOf(a) === dueOf(b) &&
          (GRADE_RANK[a.grade]! < GRADE_RANK[b.grade]! ||
            (a.grade === b.grade && Date.parse(a.receivedAt) >= Date.parse(b.receivedAt))));
      expect(ordered).toBe(true);
    }
    const after = await t.get('/api/v1/incidents?status=open&order=urgency&limit=1').expect(200);
    expect(Number(after.headers['x-total-count'])).toBe(openBefore + arrived);
  });

  it('puts open incidents before ended ones and says how many of the matches are open', async () => {
    const res = await t.get(`/api/v1/incidents?order=urgency&q=${encodeURIComponent(`园区事故 ${tag}`)}&limit=50`);
    expect(res.status).toBe(200);
    const list = res.body as IncidentView[];
    expect(res.headers['x-total-count']).toBe('24');
    expect(res.headers['x-open-count']).toBe(String(24 - ids.ended.length));
    expect(res.headers.link).toBeUndefined();
    const firstEnded = list.findIndex((i) => i.status === 'closed');
    expect(firstEnded).toBe(24 - ids.ended.length);
    expect(list.slice(firstEnded).every((i) => i.status === 'closed')).toBe(true);
  });

  it('filters on the server: status ended, grade, category, jurisdiction, text on the enterprise, receipt window', async () => {
    const ended = await t.get(`/api/v1/incidents?status=ended&q=${encodeURIComponent(tag)}`).expect(200);
    expect((ended.body as IncidentView[]).map((i) => i.id).sort()).toEqual([...ids.ended].sort());
    const grave = await t.get(`/api/v1/incidents?grade=major&q=${encodeURIComponent(tag)}`).expect(200);
    expect((grave.body as IncidentView[]).length).toBeGreaterThan(0);
    expect((grave.body as IncidentView[]).every((i) => i.grade === 'major')).toBe(true);
    const roads = await t.get(`/api/v1/incidents?category=road_traffic&q=${encodeURIComponent(tag)}`).expect(200);
    expect(roads.body).toEqual([]);
    expect(roads.headers['x-total-count']).toBe('0');
    const shapotou = await t.get(`/api/v1/incidents?jurisdiction=640502&q=${encodeURIComponent(tag)}`).expect(200);
    expect((shapotou.body as IncidentView[]).map((i) => i.id)).toEqual([ids.other]);
    const byEnterprise = await t.get(`/api/v1/incidents?q=${encodeURIComponent(`某某煤业 ${tag}`)}`).expect(200);
    expect((byEnterprise.body as IncidentView[]).map((i) => i.id)).toEqual([ids.overdue]);
    const window = await t
      .get(
        `/api/v1/incidents?q=${encodeURIComponent(tag)}&since=${encodeURIComponent(minutesAgo(190))}&until=${encodeURIComponent(minutesAgo(100))}`,
      )
      .expect(200);
    expect((window.body as IncidentView[]).map((i) => i.id)).toEqual([ids.overdue]);
  });

  it('finds drill incidents with drill=drill, never on the real board', async () => {
    const drills = await t.get(`/api/v1/incidents?drill=drill&q=${encodeURIComponent(tag)}`).expect(200);
    expect((drills.body as IncidentView[]).map((i) => i.id)).toEqual([ids.drill]);
    const real = await t.get(`/api/v1/incidents?q=${encodeURIComponent(tag)}&limit=100`).expect(200);
    expect((real.body as IncidentView[]).map((i) => i.id)).not.toContain(ids.drill);
    const both = await t.get(`/api/v1/incidents?drill=all&q=${encodeURIComponent(tag)}&limit=100`).expect(200);
    expect((both.body as IncidentView[]).map((i) => i.id)).toContain(ids.drill);
  });

  it("never shows another county's incidents, whatever the filter or the cursor says", async () => {
    const neighbour = await t.user(['duty_officer'], '640521');
    const own = await t.get(`/api/v1/incidents?q=${encodeURIComponent(tag)}&drill=all`, neighbour.token).expect(200);
    expect(own.body).toEqual([]);
    expect(own.headers['x-total-count']).toBe('0');
    // Asking for the park by name lists nothing: the filter is narrowed to the officer's own jurisdictions.
    const asked = await t.get('/api/v1/incidents?jurisdiction=640571', neighbour.token).expect(200);
    expect(asked.body).toEqual([]);
    expect(asked.headers['x-total-count']).toBe('0');
    // A cursor taken from the commander's board grants the officer nothing.
    const first = await t.get(`/api/v1/incidents?q=${encodeURIComponent(tag)}&limit=2`).expect(200);
    const next = nextOf(first.headers.link as string)!;
    const followed = await t.get(next, neighbour.token).expect(200);
    expect(followed.body).toEqual([]);
  });

  it.each([
    ['garbled', 'not-a-cursor'],
    [
      'forged',
      `${Buffer.from(JSON.stringify(['urgency', '0', '0', '0', '0', randomUUID()])).toString('base64url')}.AAAAAAAAAAAAAAAAAAAAAA`,
    ],
    ['bad base64', '%%%.%%%'],
  ])('a %s cursor → 400 problem+json CURSOR_INVALID', async (_, cursor) => {
    const res = await t.get(`/api/v1/incidents?order=urgency&cursor=${encodeURIComponent(cursor)}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'CURSOR_INVALID' });
    expect(res.body.detail).toMatch(/游标/);
  });

  it('a cursor read with another filter or order → 400; bad filters → 400 with the field named', async () => {
    const first = await t.get('/api/v1/incidents?status=open&order=urgency&limit=1').expect(200);
    const cursor = new URL(nextOf(first.headers.link as string)!, 'http://x').searchParams.get('cursor')!;
    for (const other of ['status=closed&order=urgency', 'status=open&order=occurred', 'status=open']) {
      const res = await t.get(`/api/v1/incidents?${other}&limit=1&cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('CURSOR_INVALID');
    }
    // The same filter with another page size is the same list: the cursor holds.
    await t.get(`/api/v1/incidents?status=open&order=urgency&limit=3&cursor=${cursor}`).expect(200);
    for (const [query, field] of [
      ['order=loudest', 'order'],
      ['drill=maybe', 'drill'],
      ['category=meteor', 'category'],
      ['since=yesterday', 'since'],
      [`q=${'火'.repeat(101)}`, 'q'],
    ]) {
      const res = await t.get(`/api/v1/incidents?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    const range = await t.get(
      `/api/v1/incidents?since=${encodeURIComponent(minutesAgo(10))}&until=${encodeURIComponent(minutesAgo(20))}`,
    );
    expect(range.status).toBe(400);
    expect(range.body.code).toBe('RECEIVED_RANGE_INVALID');
  });
});

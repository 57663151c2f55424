import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';

type Entry = { id: string; kind: string; name: string; jurisdiction: string; lat: number; lng: number };
type Nearby = { id: string; distanceM: number; sameAddress: boolean; title: string };

/** Intake's place search (GET /gazetteer) and its duplicate check (GET /incidents/nearby), scoped like the board. */
describe('intake: gazetteer and nearby incidents', () => {
  let t: TestApp;
  let haiyuan: TestUser;
  let shapotou: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    haiyuan = await t.user(['duty_officer'], '640522');
    shapotou = await t.user(['duty_officer'], '640502');
  });
  afterAll(() => t?.close());

  const gazetteer = (query: Record<string, string>, token?: string) =>
    t.get(`/api/v1/gazetteer?${new URLSearchParams(query).toString()}`, token);
  const nearby = (query: Record<string, string | number>, token?: string) =>
    t.get(
      `/api/v1/incidents/nearby?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`,
      token,
    );

  it('finds towns, parks and enterprises by a Chinese substring, name prefixes first', async () => {
    const towns = await gazetteer({ q: '镇' });
    expect(towns.status).toBe(200);
    const names = (towns.body as Entry[]).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['滨河镇', '宁安镇', '海城镇']));
    const chem = await gazetteer({ q: '化工' });
    expect(chem.body).toEqual([
      expect.objectContaining({
        name: '中卫某化工有限公司',
        kind: 'enterprise',
        kindLabel: '企业',
        jurisdiction: '640571',
        jurisdictionName: '中卫工业园区',
        approximate: true,
        enterpriseId: null,
      }),
    ]);
    // "中卫" starts some names and is inside addresses of others: names that start with it rank first.
    const zhongwei = (await gazetteer({ q: '中卫' })).body as Entry[];
    const firstAddressOnly = zhongwei.findIndex((e) => !e.name.includes('中卫'));
    const lastPrefix = zhongwei.map((e) => e.name.startsWith('中卫')).lastIndexOf(true);
    expect(lastPrefix).toBeGreaterThanOrEqual(0);
    if (firstAddressOnly >= 0) expect(lastPrefix).toBeLessThan(firstAddressOnly);
  });

  it('filters by kind and jurisdiction and keeps the list bounded', async () => {
    const parks = (await gazetteer({ kind: 'park' })).body as Entry[];
    expect(parks.map((e) => e.name).sort()).toEqual(['中卫工业园区', '海兴开发区']);
    const inPark = (await gazetteer({ jurisdiction: '640571' })).body as Entry[];
    expect(inPark.length).toBeGreaterThan(2);
    expect(inPark.every((e) => e.jurisdiction === '640571')).toBe(true);
    const two = await gazetteer({ limit: '2' });
    expect(two.body).toHaveLength(2);
    const tooMany = await gazetteer({ limit: '51' });
    expect(tooMany.status).toBe(400);
    expect(tooMany.headers['content-type']).toMatch(/^application\/problem\+json/);
    const badKind = await gazetteer({ kind: 'volcano' });
    expect(badKind.status).toBe(400);
    const unknownPlace = await gazetteer({ jurisdiction: '999999' });
    expect(unknownPlace.status).toBe(400);
    const longText = await gazetteer({ q: '镇'.repeat(51) });
    expect(longText.status).toBe(400);
    expect(longText.body.detail).toMatch(/[\u4e00-\u9fff]/);
  });

  it("shows a county's officer only that county's places; another county's are invisible", async () => {
    const own = (await gazetteer({ q: '镇', kind: 'town' }, haiyuan.token)).body as Entry[];
    expect(own.map((e) => e.name).sort()).toEqual(['李旺镇', '海城镇', '西安镇'].sort());
    // The county's mine matches by its address (西安镇): found, and still the county's own.
    const mine = (await gazetteer({ q: '西安镇' }, haiyuan.token)).body as Entry[];
    expect(mine.map((e) => e.name)).toEqual(['西安镇', '海原某煤矿']);
    expect(own.every((e) => e.jurisdiction.startsWith('640522'))).toBe(true);
    const other = await gazetteer({ q: '滨河' }, haiyuan.token);
    expect(other.status).toBe(200);
    expect(other.body).toEqual([]);
    // Asking for the other county by name gives nothing either: the scope is the actor's, whatever is asked.
    const asked = await gazetteer({ jurisdiction: '640502' }, haiyuan.token);
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual([]);
    const theirs = (await gazetteer({ q: '镇' }, shapotou.token)).body as Entry[];
    expect(theirs.map((e) => e.name)).toContain('滨河镇');
    expect(theirs.map((e) => e.name)).not.toContain('海城镇');
  });

  it('treats script, SQL and LIKE wildcards in q as plain text', async () => {
    for (const q of ['<script>alert(1)</script>', "' or 1=1 --", '%', '_', '\\', '镇%']) {
      const answer = await gazetteer({ q });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.body).toEqual([]);
    }
    // Characters PostgreSQL cannot store or that hide text: refused as input, never a 500.
    for (const q of ['\u0000', 'a\u202Eb', '\uD800']) {
      const answer = await gazetteer({ q });
      expect(answer.status).toBeLessThan(500);
      const near = await nearby({ lat: 36.8, lng: 105.4, address: q });
      expect(near.status).toBeLessThan(500);
    }
    const rows = await t.sql<{ n: string }>('select count(*)::text as n from gazetteer_entries');
    expect(Number(rows[0]!.n)).toBeGreaterThan(20);
  });

  it('lists an incident received within the hour within 1 km, nearest first, and not one farther away', async () => {
    const here = { lat: 36.801, lng: 105.401 };
    const close = await t.post('/api/v1/incidents').send(
      incidentBody({
        jurisdiction: '640522',
        location: { address: '海原县西安镇某煤矿井口（测试）', ...here },
        title: `煤矿冒顶 ${randomUUID().slice(0, 6)}`,
      }),
    );
    expect(close.status).toBe(201);
    const far = await t.post('/api/v1/incidents').send(
      incidentBody({
        jurisdiction: '640522',
        location: { address: '海原县西安镇（测试，3 公里外）', lat: here.lat + 0.027, lng: here.lng },
      }),
    );
    expect(far.status).toBe(201);

    const found = await nearby({ lat: 36.8, lng: 105.4 }, haiyuan.token);
    expect(found.status).toBe(200);
    const ids = (found.body as Nearby[]).map((n) => n.id);
    expect(ids).toContain(close.body.id);
    expect(ids).not.toContain(far.body.id);
    const entry = (found.body as Nearby[]).find((n) => n.id === close.body.id)!;
    expect(entry.distanceM).toBeGreaterThan(100);
    expect(entry.distanceM).toBeLessThan(200);

    // A wider radius takes the far one in, after the near one.
    const wide = ((await nearby({ lat: 36.8, lng: 105.4, radiusM: 5000 }, haiyuan.token)).body as Nearby[]).map(
      (n) => n.id,
    );
    expect(wide.indexOf(close.body.id)).toBeGreaterThanOrEqual(0);
    expect(wide.indexOf(far.body.id)).toBeGreaterThan(wide.indexOf(close.body.id));

    // The same address (one gazetteer entry) counts whatever the distance.
    const byAddress = (
      (await nearby({ lat: 36.0, lng: 105.0, address: '海原县西安镇某煤矿井口（测试）' }, haiyuan.token))
        .body as Nearby[]
    ).find((n) => n.id === close.body.id);
    expect(byAddress).toMatchObject({ sameAddress: true });

    // Received before `since`: not listed.
    const later = await nearby(
      { lat: 36.8, lng: 105.4, since: new Date(Date.now() + 60_000).toISOString() },
      haiyuan.token,
    );
    expect(later.status).toBe(200);
    expect((later.body as Nearby[]).map((n) => n.id)).not.toContain(close.body.id);
  });

  it('is scoped to the jurisdiction, respects the drill flag and refuses bad input as problems', async () => {
    const here = { lat: 36.72, lng: 105.93 };
    const created = await t
      .post('/api/v1/incidents')
      .send(incidentBody({ jurisdiction: '640522', location: { address: '李旺镇（测试）', ...here } }));
    expect(created.status).toBe(201);
    const seen = (await nearby(here, haiyuan.token)).body as Nearby[];
    expect(seen.map((n) => n.id)).toContain(created.body.id);
    const otherCounty = await nearby(here, shapotou.token);
    expect(otherCounty.status).toBe(200);
    expect(otherCounty.body).toEqual([]);
    const drill = await nearby({ ...here, drillId: randomUUID() }, haiyuan.token);
    expect(drill.status).toBe(200);
    expect(drill.body).toEqual([]);

    for (const [query, code] of [
      [{ lat: 'north', lng: 105 }, 'VALIDATION_FAILED'],
      [{ lat: 91, lng: 105 }, 'VALIDATION_FAILED'],
      [{ lat: 36, lng: 105, radiusM: 50_000 }, 'VALIDATION_FAILED'],
      [{ lat: 36, lng: 105, since: 'yesterday' }, 'VALIDATION_FAILED'],
      [{ lat: 36, lng: 105, since: new Date(Date.now() - 25 * 3_600_000).toISOString() }, 'NEARBY_SINCE_TOO_EARLY'],
      [{ lng: 105 }, 'VALIDATION_FAILED'],
    ] as const) {
      const answer = await nearby(query as Record<string, string | number>, haiyuan.token);
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({ query, status: 400, code });
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body.detail).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

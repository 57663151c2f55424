import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { registerTeam, registerWarehouse } from '../support/resource-fixtures';
import { registerEnterprise } from '../support/enterprises/enterprise-fixtures';
import { registerExpert } from '../support/experts/expert-fixtures';
import { registerShelter } from '../support/shelters/shelter-fixtures';
import { draftPlan } from '../support/plan-fixtures';
import { until } from '../support/eventually';
import { ammoniaTankFarm, registerHazardSource } from '../support/hazard-sources/hazard-source-fixtures';
import { hiddenHazardBody, recordHiddenHazard } from '../support/hidden-hazards/hidden-hazard-fixtures';

interface Row {
  id?: string;
  keyId?: string;
}

const idOf = (row: Row): string => row.id ?? row.keyId ?? JSON.stringify(row);

/** `Link: <…>; rel="next"` → the path and query of the next page, or null on the last page. */
function nextOf(link: string | undefined): string | null {
  if (!link) return null;
  const match = /^<([^>]+)>;\s*rel="next"$/.exec(link);
  if (!match) throw new Error(`unexpected Link header: ${link}`);
  return match[1]!;
}

/**
 * Every list of the API answers an array and pages by keyset: `limit`, `cursor`, `Link: <…>; rel="next"`. For each
 * list a walk with a small page size must give exactly the rows of one read with the largest page, in the same order,
 * each once; rows written between two pages must neither repeat a row nor hide one; a cursor is refused when edited
 * or replayed under other filters, and it never widens what its reader may see.
 */
describe('paging every list', () => {
  let t: TestApp;
  let admin: TestUser;
  let county: TestUser;

  /** Follows `Link` from `first` to the end; fails if a page repeats a row or the walk does not end. */
  async function walk(first: string, token: string): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let url: string | null = first;
    let pages = 0;
    while (url) {
      const response = await t.get(url, token).expect(200);
      expect(Array.isArray(response.body)).toBe(true);
      ids.push(...(response.body as Row[]).map(idOf));
      url = nextOf(response.headers.link as string | undefined);
      if (++pages > 200) throw new Error(`${first}: more than 200 pages`);
    }
    return { ids, pages };
  }

  const all = async (path: string, max: number, token = admin.token): Promise<string[]> => {
    const separator = path.includes('?') ? '&' : '?';
    const response = await t.get(`${path}${separator}limit=${max}`, token).expect(200);
    expect(response.headers.link).toBeUndefined();
    return (response.body as Row[]).map(idOf);
  };

  let enterpriseId: string;

  beforeAll(async () => {
    ({ t, user: admin } = await givenSignedIn(['admin', 'commander', 'drill_coordinator']));
    county = await t.user(['admin', 'commander'], '640521');
    for (let i = 0; i < 5; i++) await registerTeam(t, admin.token);
    for (let i = 0; i < 2; i++) await registerTeam(t, admin.token, { jurisdiction: '640521' });
    for (let i = 0; i < 5; i++) await registerWarehouse(t, admin.token);
    for (let i = 0; i < 5; i++) await registerExpert(t, admin.token);
    for (let i = 0; i < 5; i++) await registerShelter(t, admin.token);
    for (let i = 0; i < 5; i++) await draftPlan(t, admin.token);
    enterpriseId = await registerEnterprise(t, admin.token);
    for (let i = 0; i < 4; i++) await registerEnterprise(t, admin.token);
    for (let i = 0; i < 3; i++) await t.post(`/api/v1/enterprises/${enterpriseId}/device-keys`, admin.token).send({});
    // Lists that page in SQL by keyset since they outgrew their caps: enough rows for several pages of two, with
    // ties in their first keys (same grade, same status) so the later keys and the id decide.
    const now = Date.now();
    for (let i = 0; i < 5; i++)
      await registerHazardSource(t, admin.token, ammoniaTankFarm(enterpriseId, { name: `液氨储罐区 ${i}` }));
    for (let i = 0; i < 5; i++)
      await recordHiddenHazard(
        t,
        admin.token,
        hiddenHazardBody(enterpriseId, new Date(now), {
          rectification: {
            measures: '修复检测报警器并接入监控中心',
            deadline: new Date(now + (48 + (i % 2)) * 3_600_000).toISOString(),
            responsible: { name: '张明', phone: '13995512345' },
          },
        }),
      );
    for (let i = 0; i < 5; i++)
      await t
        .post('/api/v1/duty/shifts', admin.token)
        .send({
          jurisdiction: i < 3 ? '640500' : '640521',
          leader: { name: '李带班', phone: '0955-7000001' },
          officers: [{ name: '王值班' }],
          startsAt: new Date(now + (24 + i * 10) * 3_600_000).toISOString(),
          endsAt: new Date(now + (24 + i * 10 + 8) * 3_600_000).toISOString(),
        })
        .expect(201);
    // The lists are read models: wait until every row written above is listed.
    await until(async () => (await all('/api/v1/teams', 1000)).length >= 7, 20_000);
    await until(async () => (await all('/api/v1/warehouses', 1000)).length >= 5, 20_000);
    await until(async () => (await all('/api/v1/experts', 500)).length >= 5, 20_000);
    await until(async () => (await all('/api/v1/shelters', 500)).length >= 5, 20_000);
    await until(async () => (await all('/api/v1/plans', 1000)).length >= 5, 20_000);
    await until(async () => (await all('/api/v1/enterprises', 500)).length >= 5, 20_000);
    await until(async () => (await all(`/api/v1/enterprises/${enterpriseId}/device-keys`, 100)).length >= 3, 20_000);
    await until(async () => (await all('/api/v1/hazard-sources', 1000)).length >= 5, 20_000);
    await until(async () => (await all('/api/v1/hidden-hazards', 1000)).length >= 5, 20_000);
    await until(async () => (await all('/api/v1/duty/shifts', 2000)).length >= 5, 20_000);
  }, 120_000);
  afterAll(() => t?.close());

  // Each list, its largest page, and whether the fixtures above give it more than one page of two.
  const lists: [string, () => string, number, boolean][] = [
    ['teams', () => '/api/v1/teams', 1000, true],
    ['warehouses', () => '/api/v1/warehouses', 1000, true],
    ['plans', () => '/api/v1/plans', 1000, true],
    ['experts', () => '/api/v1/experts', 500, true],
    ['shelters', () => '/api/v1/shelters', 500, true],
    ['enterprises', () => '/api/v1/enterprises', 500, true],
    ['device keys', () => `/api/v1/enterprises/${enterpriseId}/device-keys`, 100, true],
    ['users', () => '/api/v1/users', 1000, true],
    ['hazard sources', () => '/api/v1/hazard-sources', 2000, true],
    ['drills', () => '/api/v1/drills', 1000, false],
    ['scenarios', () => '/api/v1/scenarios', 1000, false],
    ['alarms', () => '/api/v1/alarms', 200, false],
    ['warnings', () => '/api/v1/warnings', 1000, false],
    ['hidden hazards', () => '/api/v1/hidden-hazards', 2000, true],
    ['duty shifts', () => '/api/v1/duty/shifts', 2000, true],
    ['handovers', () => '/api/v1/duty/handovers', 500, false],
    ['roll calls', () => '/api/v1/duty/roll-calls', 500, false],
    ['audit trail', () => '/api/v1/audit', 1000, true],
    ['security events', () => '/api/v1/audit/security', 1000, true],
  ];

  it.each(lists)('%s: following Link gives every row once, in order', async (_, path, max, severalPages) => {
    const expected = await all(path(), max);
    const { ids, pages } = await walk(`${path()}${path().includes('?') ? '&' : '?'}limit=2`, admin.token);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 2)));
    if (severalPages) expect(pages).toBeGreaterThan(1);
  });

  // Teams are paged over the whole (bounded) list, enterprises in SQL by keyset: both must hold while rows arrive.
  const writers: [string, string, (name: string) => Promise<string>][] = [
    ['teams', '/api/v1/teams', (name) => registerTeam(t, admin.token, { name })],
    ['enterprises', '/api/v1/enterprises', (name) => registerEnterprise(t, admin.token, { name })],
    [
      'hazard sources',
      '/api/v1/hazard-sources',
      (name) => registerHazardSource(t, admin.token, ammoniaTankFarm(enterpriseId, { name })),
    ],
  ];

  it.each(writers)('%s: rows written between two pages neither repeat a row nor hide one', async (_, path, write) => {
    const before = await all(path, 500);
    const first = await t.get(`${path}?limit=2`, admin.token).expect(200);
    const next = nextOf(first.headers.link as string);
    expect(next).not.toBeNull();
    // One row sorting before the cursor, one after it: the first must not shift the rest, the second may appear.
    const early = await write('  最前的一条');
    const late = await write('龘最后的一条');
    await until(async () => (await all(path, 500)).includes(late), 20_000);
    const rest = await walk(next!, admin.token);
    const seen = [...(first.body as Row[]).map(idOf), ...rest.ids];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
    expect(seen).not.toContain(early);
    expect(seen).toContain(late);
  });

  it('refuses an edited cursor with 400 CURSOR_INVALID as problem+json', async () => {
    const first = await t.get('/api/v1/warehouses?limit=2', admin.token).expect(200);
    const next = nextOf(first.headers.link as string)!;
    const cursor = new URL(next, 'http://x').searchParams.get('cursor')!;
    const [body, tag] = cursor.split('.');
    const keys = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as string[];
    keys[1] = '';
    const edited = `${Buffer.from(JSON.stringify(keys)).toString('base64url')}.${tag}`;
    for (const bad of [edited, `${cursor}x`, 'not-a-cursor']) {
      const response = await t.get(`/api/v1/warehouses?limit=2&cursor=${encodeURIComponent(bad)}`, admin.token);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'CURSOR_INVALID', detail: expect.stringMatching(/游标/) });
    }
  });

  it('refuses a cursor replayed under other filters or on another list', async () => {
    const first = await t.get('/api/v1/teams?limit=2', admin.token).expect(200);
    const cursor = new URL(nextOf(first.headers.link as string)!, 'http://x').searchParams.get('cursor')!;
    const filtered = await t.get(`/api/v1/teams?limit=2&status=available&cursor=${cursor}`, admin.token);
    expect(filtered.status).toBe(400);
    expect(filtered.body.code).toBe('CURSOR_INVALID');
    const elsewhere = await t.get(`/api/v1/warehouses?limit=2&cursor=${cursor}`, admin.token);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('CURSOR_INVALID');
  });

  it('refuses a page size outside the list’s bounds', async () => {
    for (const bad of ['0', '1001', 'x']) {
      const response = await t.get(`/api/v1/teams?limit=${bad}`, admin.token);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('a cursor from a reader with wider jurisdictions does not widen another reader’s view', async () => {
    const countyTeams = await all('/api/v1/teams', 1000, county.token);
    const cityTeams = await all('/api/v1/teams', 1000);
    expect(countyTeams.length).toBeGreaterThanOrEqual(2);
    expect(cityTeams.length).toBeGreaterThan(countyTeams.length);
    const first = await t.get('/api/v1/teams?limit=1', admin.token).expect(200);
    const next = nextOf(first.headers.link as string)!;
    const { ids } = await walk(next, county.token);
    for (const id of ids) expect(countyTeams).toContain(id);
    expect(ids.length).toBeLessThan(cityTeams.length - 1);
  });
});

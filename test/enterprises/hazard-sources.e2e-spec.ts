import request from 'supertest';
import type { TestApp } from '../support/test-app';
import { until } from '../support/eventually';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { registerEnterprise } from '../support/enterprises/enterprise-fixtures';
import { ammoniaTankFarm } from '../support/hazard-sources/hazard-source-fixtures';

describe('major hazard sources (GB 18218-2018) over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let enterpriseId: string;
  beforeAll(async () => {
    ({ t, user: admin } = await givenSignedIn(['admin']));
    enterpriseId = await registerEnterprise(t, admin.token);
  }, 60_000);
  afterAll(() => t?.close());

  const register = (body: Record<string, unknown>, token = admin.token) =>
    t.post('/api/v1/hazard-sources', token).send(body);
  const patch = (id: string, body: Record<string, unknown>, token = admin.token, ifMatch?: string) => {
    const r = request(t.baseUrl).patch(`/api/v1/hazard-sources/${id}`).set('Authorization', `Bearer ${token}`);
    return (ifMatch === undefined ? r : r.set('If-Match', ifMatch)).send(body);
  };

  it('registers a unit, identifies and grades it, and lists it by grade and enterprise', async () => {
    const answer = await register(ammoniaTankFarm(enterpriseId)).expect(201);
    expect(answer.body).toMatchObject({
      enterpriseId,
      name: '液氨储罐区',
      unitKind: 'storage',
      unitKindLabel: '储存单元',
      jurisdiction: '640571',
      isMajor: true,
      sumRatio: 30,
      alpha: 2,
      r: 120,
      grade: 1,
      gradeLabel: '一级',
      retiredAt: null,
    });
    expect(answer.body.substances).toEqual([
      expect.objectContaining({
        casNo: '7664-41-7',
        criticalQuantityTonnes: 10,
        beta: 2,
        basis: 'named',
        tableEntry: 1,
        ratio: 30,
      }),
    ]);
    // The position defaults to the enterprise's.
    const enterprise = await t.get(`/api/v1/enterprises/${enterpriseId}`).expect(200);
    expect(answer.body.location).toEqual(enterprise.body.location);
    const listed = await t.get('/api/v1/hazard-sources').query({ grade: '1', enterpriseId }).expect(200);
    expect(listed.body.map((h: { id: string }) => h.id)).toContain(answer.body.id);
    const minor = await t.get('/api/v1/hazard-sources').query({ major: 'false', enterpriseId }).expect(200);
    expect(minor.body.map((h: { id: string }) => h.id)).not.toContain(answer.body.id);
    await t.get(`/api/v1/hazard-sources/${answer.body.id}`).expect(200);
  });

  it('7 t + 2 t + 1 t of ammonia is exactly Q: major (floating point would make it 0.9999999999999999)', async () => {
    const substances = [7, 2, 1].map((q) => ({ casNo: '7664-41-7', name: '液氨', quantityTonnes: q }));
    const answer = await register(
      ammoniaTankFarm(enterpriseId, { name: '液氨中间罐', substances, exposedPopulation: 0 }),
    ).expect(201);
    expect(answer.body).toMatchObject({ isMajor: true, sumRatio: 1, alpha: 0.5, r: 1, grade: 4 });
  });

  it('a change recomputes the grade; the history names the person; a stale If-Match is refused', async () => {
    const created = (await register(ammoniaTankFarm(enterpriseId, { name: '液氨储罐区二' })).expect(201)).body;
    const changed = await patch(created.id, { exposedPopulation: 20 }, admin.token, '0').expect(200);
    expect(changed.body).toMatchObject({ alpha: 1, r: 60, grade: 2, gradeLabel: '二级', exposedPopulation: 20 });
    const smaller = await patch(created.id, {
      substances: [{ casNo: '7664-41-7', name: '液氨', quantityTonnes: 9 }],
    }).expect(200);
    expect(smaller.body).toMatchObject({ isMajor: false, grade: null, sumRatio: 0.9 });
    await patch(created.id, { name: '液氨储罐区（改）' }, admin.token, '0').expect(412);
    const history = (await t.get(`/api/v1/hazard-sources/${created.id}/history`).expect(200)).body;
    expect(history.map((h: { grade: number | null }) => h.grade)).toEqual([1, 2, null]);
    expect(history[1].what).toBe('500米范围内厂外暴露人员由 120 人改为 20 人');
    expect(history.every((h: { by: string }) => h.by === `测试用户 ${admin.username}`)).toBe(true);
    // The same values again change nothing and record nothing.
    await patch(created.id, { exposedPopulation: 20 }).expect(200);
    expect((await t.get(`/api/v1/hazard-sources/${created.id}/history`).expect(200)).body).toHaveLength(3);
  });

  it('two changes racing on the same revision: one wins, the other is told the data moved', async () => {
    const created = (await register(ammoniaTankFarm(enterpriseId, { name: '液氨储罐区三' })).expect(201)).body;
    const answers = await Promise.all([
      patch(created.id, { exposedPopulation: 40 }, admin.token, '0'),
      patch(created.id, { exposedPopulation: 60 }, admin.token, '0'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    expect(answers.find((a) => a.status === 412)!.body.code).toBe('STALE_REVISION');
    const history = (await t.get(`/api/v1/hazard-sources/${created.id}/history`).expect(200)).body;
    expect(history).toHaveLength(2);
  });

  it('scope: another county neither sees nor changes the unit, nor registers on the enterprise; others may not write', async () => {
    const created = (await register(ammoniaTankFarm(enterpriseId, { name: '液氨储罐区四' })).expect(201)).body;
    const county = await t.user(['admin'], '640521');
    await t.get(`/api/v1/hazard-sources/${created.id}`, county.token).expect(404);
    await t.get(`/api/v1/hazard-sources/${created.id}/history`, county.token).expect(404);
    const listed = await t.get('/api/v1/hazard-sources', county.token).expect(200);
    expect(listed.body.map((h: { id: string }) => h.id)).not.toContain(created.id);
    const refused = await patch(created.id, { exposedPopulation: 0 }, county.token).expect(404);
    expect(refused.body.code).toBe('HAZARD_SOURCE_NOT_FOUND');
    const elsewhere = await register(ammoniaTankFarm(enterpriseId), county.token).expect(422);
    expect(elsewhere.body.code).toBe('HAZARD_SOURCE_ENTERPRISE_UNKNOWN');
    const officer = await t.user(['duty_officer']);
    await register(ammoniaTankFarm(enterpriseId), officer.token).expect(403);
    await patch(created.id, { exposedPopulation: 0 }, officer.token).expect(403);
    await t.get(`/api/v1/hazard-sources/${created.id}`, officer.token).expect(200);
  });

  it('hostile input: script stays text, bad numbers are 400, unknown chemicals and enterprises 422 in Chinese', async () => {
    const script = '<script>alert(1)</script>储罐';
    const stored = await register(ammoniaTankFarm(enterpriseId, { name: script })).expect(201);
    expect((await t.get(`/api/v1/hazard-sources/${stored.body.id}`).expect(200)).body.name).toBe(script);
    for (const quantityTonnes of [-1, 0, 'NaN', 1e12, '12', null, 1.0000001]) {
      const bad = await register(
        ammoniaTankFarm(enterpriseId, { substances: [{ casNo: '7664-41-7', name: '液氨', quantityTonnes }] }),
      );
      expect({ quantityTonnes, status: bad.status, code: bad.body.code }).toEqual({
        quantityTonnes,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(bad.headers['content-type']).toContain('application/problem+json');
    }
    await register(ammoniaTankFarm(enterpriseId, { exposedPopulation: -1 })).expect(400);
    await register(ammoniaTankFarm(enterpriseId, { exposedPopulation: 2.5 })).expect(400);
    await register(ammoniaTankFarm(enterpriseId, { substances: [] })).expect(400);
    const unknown = await register(
      ammoniaTankFarm(enterpriseId, { substances: [{ casNo: '110-86-1', name: '吡啶', quantityTonnes: 3 }] }),
    ).expect(422);
    expect(unknown.body.code).toBe('HAZARD_SUBSTANCE_UNCLASSIFIED');
    expect(unknown.body.detail).toContain('吡啶');
    expect(unknown.body.detail).toContain('表2');
    const badCas = await register(
      ammoniaTankFarm(enterpriseId, { substances: [{ casNo: '7664-41-8', name: '液氨', quantityTonnes: 3 }] }),
    ).expect(400);
    expect(badCas.body.code).toBe('HAZARD_CAS_INVALID');
    const lower = await register(
      ammoniaTankFarm(enterpriseId, {
        substances: [{ casNo: '7664-41-7', name: '液氨', quantityTonnes: 3, criticalQuantityTonnes: 100 }],
      }),
    ).expect(422);
    expect(lower.body.code).toBe('HAZARD_VALUE_CONFLICTS_STANDARD');
    const nobody = await register(ammoniaTankFarm('00000000-0000-4000-8000-000000000000')).expect(422);
    expect(nobody.body.code).toBe('HAZARD_SOURCE_ENTERPRISE_UNKNOWN');
    expect(nobody.body.detail).toMatch(/企业/);
    await t.get('/api/v1/hazard-sources/00000000-0000-4000-8000-000000000000').expect(404);
    await t.get('/api/v1/hazard-sources').query({ grade: '5' }).expect(400);
  });

  it('numbers written with an exponent (1e-7, 5e-324) are counted exactly: 400 in Chinese, never 500', async () => {
    const tiny = [
      { casNo: '7664-41-7', name: '液氨', quantityTonnes: 1e-7 },
      { casNo: '7664-41-7', name: '液氨', quantityTonnes: 5e-324 },
      { name: '某易燃液体', category: 'W5.3', quantityTonnes: 3, criticalQuantityTonnes: 5e-324 },
      { name: '某易燃液体', category: 'W5.3', quantityTonnes: 3, beta: 1e-320 },
    ];
    for (const substance of tiny) {
      const bad = await register(ammoniaTankFarm(enterpriseId, { substances: [substance] }));
      expect({ substance, status: bad.status, code: bad.body.code }).toEqual({
        substance,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(bad.body.errors)).toMatch(/最多保留 6 位小数/);
    }
    // An exponent form within six decimals is an ordinary quantity.
    const fine = await register(
      ammoniaTankFarm(enterpriseId, {
        name: '液氨小罐',
        substances: [{ casNo: '7664-41-7', name: '液氨', quantityTonnes: 1e-6 }],
      }),
    ).expect(201);
    expect(fine.body.substances[0].quantityTonnes).toBe(0.000001);
    const changed = await patch(fine.body.id, {
      substances: [{ casNo: '7664-41-7', name: '液氨', quantityTonnes: 1e-7 }],
    });
    expect({ status: changed.status, code: changed.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(changed.body.errors)).toMatch(/quantityTonnes 最多保留 6 位小数/);
  });

  it('a substance with several categories counts under the smallest Q; a Table 1 name written otherwise is refused', async () => {
    const several = await register(
      ammoniaTankFarm(enterpriseId, {
        name: '混合气体罐',
        substances: [{ name: '某有毒易燃气体', categories: ['J3', 'W2'], quantityTonnes: 12 }],
      }),
    ).expect(201);
    expect(several.body.isMajor).toBe(true);
    expect(several.body.substances[0]).toMatchObject({
      hazardClass: 'W2',
      hazardClasses: ['J3', 'W2'],
      criticalQuantityTonnes: 10,
      beta: 2,
    });
    const chlorine = await register(
      ammoniaTankFarm(enterpriseId, {
        substances: [{ name: '氯气（液态）', category: 'W5.4', quantityTonnes: 10 }],
      }),
    ).expect(422);
    expect(chlorine.body.code).toBe('HAZARD_NAMED_WITHOUT_CAS');
    expect(chlorine.body.detail).toContain('表1第12项');
    await register(
      ammoniaTankFarm(enterpriseId, { substances: [{ name: '某气体', categories: ['X9'], quantityTonnes: 1 }] }),
    ).expect(400);
  });

  it('the enterprise shows how many major hazard sources it has and the most severe grade', async () => {
    const own = await registerEnterprise(t, admin.token);
    const view = async () => (await t.get(`/api/v1/enterprises/${own}`).expect(200)).body;
    expect(await view()).toMatchObject({ hazardSourceCount: 0, highestHazardGrade: null });
    const third = (
      await register(
        ammoniaTankFarm(own, {
          exposedPopulation: 10,
          substances: [{ casNo: '7664-41-7', name: '液氨', quantityTonnes: 100 }],
        }),
      ).expect(201)
    ).body;
    expect(third).toMatchObject({ r: 20, grade: 3 }); // R = 1.0 · 2 · 100/10
    await register(
      ammoniaTankFarm(own, {
        name: '未构成重大危险源的单元',
        substances: [{ casNo: '7664-41-7', name: '液氨', quantityTonnes: 1 }],
      }),
    ).expect(201);
    expect(await view()).toMatchObject({ hazardSourceCount: 1, highestHazardGrade: third.grade });
    const first = (await register(ammoniaTankFarm(own)).expect(201)).body;
    expect(await view()).toMatchObject({ hazardSourceCount: 2, highestHazardGrade: 1 });
    await t.post(`/api/v1/hazard-sources/${first.id}/retire`, admin.token).send({ reason: '停用' }).expect(200);
    expect(await view()).toMatchObject({ hazardSourceCount: 1, highestHazardGrade: third.grade });
  });

  it('consoles of the jurisdiction hear of a registration and a change; another county does not', async () => {
    const city = await t.socket(admin.token);
    const county = await t.socket((await t.user(['commander'], '640521')).token);
    const heard: { by: string; id: string; grade: number | null }[] = [];
    city.on('hazard_source.changed', (m: { data: { id: string; grade: number | null } }) =>
      heard.push({ by: 'city', id: m.data.id, grade: m.data.grade }),
    );
    county.on('hazard_source.changed', (m: { data: { id: string; grade: number | null } }) =>
      heard.push({ by: 'county', id: m.data.id, grade: m.data.grade }),
    );
    const created = (await register(ammoniaTankFarm(enterpriseId, { name: '液氨储罐区五' })).expect(201)).body;
    await patch(created.id, { exposedPopulation: 60 }).expect(200);
    await until(() => heard.filter((h) => h.id === created.id).length >= 2);
    expect(heard.filter((h) => h.id === created.id)).toEqual([
      { by: 'city', id: created.id, grade: 1 },
      { by: 'city', id: created.id, grade: 2 },
    ]);
    city.close();
    county.close();
  });

  it('a retired unit leaves the list, keeps its history, and accepts no change', async () => {
    const created = (await register(ammoniaTankFarm(enterpriseId, { name: '待拆除储罐' })).expect(201)).body;
    await t.post(`/api/v1/hazard-sources/${created.id}/retire`).send({ reason: '储罐拆除' }).expect(403);
    const retired = await t
      .post(`/api/v1/hazard-sources/${created.id}/retire`, admin.token)
      .send({ reason: '储罐拆除' })
      .expect(200);
    expect(retired.body.retiredAt).not.toBeNull();
    const listed = await t.get('/api/v1/hazard-sources').query({ enterpriseId }).expect(200);
    expect(listed.body.map((h: { id: string }) => h.id)).not.toContain(created.id);
    const refused = await patch(created.id, { exposedPopulation: 1 }).expect(409);
    expect(refused.body.code).toBe('HAZARD_SOURCE_RETIRED');
    const history = (await t.get(`/api/v1/hazard-sources/${created.id}/history`).expect(200)).body;
    expect(history.at(-1).what).toBe('核销：储罐拆除');
  });
});

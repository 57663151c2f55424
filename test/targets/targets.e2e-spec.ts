import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { incidentBody, NO_CASUALTIES } from '../support/incident-fixtures';
import type { TargetDocumentView, TargetProgress, TargetsProgressView } from '../../libs/targets/src/contract';

/**
 * Assessment targets (docs/domain.md rule 35) over real HTTP: the city sets a year's document with count, share, rate
 * and reduction targets against a baseline year; real and drill incidents go in; the progress counts the real ones.
 */
describe('assessment targets (考核目标)', () => {
  let t: TestApp;
  let countyCommander: TestUser;
  let viewer: TestUser;

  const report = (overrides: Record<string, unknown>) =>
    t.post('/api/v1/incidents').send(incidentBody(overrides)).expect(201);
  const deaths = (n: number) => ({ ...NO_CASUALTIES, deaths: n });

  beforeAll(async () => {
    t = await startTestApp();
    countyCommander = await t.user(['commander'], '640521');
    viewer = await t.user(['viewer'], '640500');
    const drillId = await runningDrill(t);

    // The baseline year 2025: 10 deaths in two 较大 accidents, and its denominators.
    await t
      .put('/api/v1/targets/640500/2025')
      .send({ targets: [], denominators: { gdp100mYuan: 400, vehicles10k: 20 } })
      .expect(200);
    await report({
      jurisdiction: '640502',
      category: 'road_traffic',
      occurredAt: '2025-05-10T09:00:00+08:00',
      casualties: deaths(4),
    });
    await report({
      jurisdiction: '640571',
      category: 'hazardous_chemicals',
      occurredAt: '2025-09-01T09:00:00+08:00',
      casualties: deaths(6),
    });
    // 2026: a general road accident in a county (1 death) and a 较大 chemical accident in a district (3 deaths).
    await report({
      jurisdiction: '640521',
      category: 'road_traffic',
      occurredAt: '2026-03-15T09:00:00+08:00',
      casualties: deaths(1),
    });
    await report({
      jurisdiction: '640502',
      category: 'hazardous_chemicals',
      occurredAt: '2026-07-20T09:00:00+08:00',
      casualties: deaths(3),
    });
    // A drill incident with many deaths: it must count nowhere.
    await report({ jurisdiction: '640500', occurredAt: '2026-08-01T09:00:00+08:00', casualties: deaths(30), drillId });
    // Just before the year begins in Beijing time (2025-12-31 23:30 +08:00 is still 2025): it belongs to 2025.
    await report({
      jurisdiction: '640522',
      category: 'fire',
      occurredAt: '2025-12-31T23:30:00+08:00',
      casualties: NO_CASUALTIES,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const cityTargets = {
    targets: [
      { indicator: 'deaths', kind: 'reduction', value: 15, baselineYear: 2025, category: null },
      { indicator: 'deaths_per_100m_gdp', kind: 'reduction', value: 33, baselineYear: 2025 },
      { indicator: 'deaths_per_10k_vehicles', kind: 'ceiling', value: 0.5, category: null },
      { indicator: 'major_or_above_share', kind: 'ceiling', value: 0.03 },
      { indicator: 'major_or_above_incidents', kind: 'ceiling', value: 3 },
      { indicator: 'deaths', kind: 'ceiling', value: 5, category: 'road_traffic' },
    ],
    denominators: { gdp100mYuan: 500, vehicles10k: 25 },
  };

  it('a commander sets the city’s document; it reads back with labels, revision and who set it', async () => {
    const { body } = await t.put('/api/v1/targets/640500/2026').send(cityTargets).expect(200);
    const doc = body as TargetDocumentView & { revision: number };
    expect(doc.jurisdictionName).toBe('中卫市');
    expect(doc.targets).toHaveLength(6);
    expect(doc.targets[0]).toMatchObject({ indicator: 'deaths', indicatorLabel: '生产安全事故死亡人数' });
    expect(doc.targets[5]).toMatchObject({ category: 'road_traffic', categoryLabel: '道路交通', baselineYear: null });
    expect(doc.denominators).toEqual({ gdp100mYuan: 500, vehicles10k: 25 });
    expect(doc.setBy).toBe(`测试用户 ${t.commander.username}`);
    const read = (await t.get('/api/v1/targets/640500/2026', viewer.token).expect(200)).body as TargetDocumentView;
    expect(read.revision).toBe(doc.revision);
    expect(read.targets.map((x) => x.indicator)).toEqual(cityTargets.targets.map((x) => x.indicator));
  });

  it('progress counts the year’s real incidents in the city and below, drills never', async () => {
    const { body } = await t
      .get('/api/v1/statistics/targets')
      .query({ jurisdiction: '640500', year: 2026 })
      .expect(200);
    const view = body as TargetsProgressView;
    expect(view).toMatchObject({ set: true, drillsExcluded: true, timeZone: 'Asia/Shanghai', year: 2026 });
    const [deathsCut, gdpRate, vehicleRate, share, majorCount, roadDeaths] = view.targets as TargetProgress[];
    // 4 deaths against 10 in 2025 less 15 % = 8.5.
    expect(deathsCut).toMatchObject({
      actual: 4,
      baselineValue: 10,
      limit: 8.5,
      changeFromBaseline: -0.6,
      status: 'on_track',
      // 中卫市 counts missing persons as dead (none are missing here): the unit says the count includes them.
      unit: '人（含失踪）',
      deathsIncludeMissing: true,
      // Nothing entered for 2025: the baseline is the incidents the system holds.
      baselineSource: 'counted',
      missing: [],
    });
    // 4 / 500 亿元 = 0.008 against 10 / 400 = 0.025 less 33 % = 0.01675.
    expect(gdpRate).toMatchObject({ actual: 0.008, baselineValue: 0.025, limit: 0.0168, status: 'on_track' });
    // 道路交通万车死亡率: the one road-traffic death of 2026 over 25 万辆 (the chemical deaths do not count).
    expect(vehicleRate).toMatchObject({
      actual: 0.04,
      limit: 0.5,
      status: 'on_track',
      unit: '人/万辆（含失踪）',
      baselineSource: null,
    });
    // One 较大 of two real incidents: 50 % against the city's own 3 %.
    expect(share).toMatchObject({ actual: 0.5, limit: 0.03, status: 'exceeded', statusLabel: '已超出目标' });
    expect(majorCount).toMatchObject({ actual: 1, limit: 3, status: 'on_track' });
    expect(roadDeaths).toMatchObject({ actual: 1, limit: 5, categoryLabel: '道路交通', status: 'on_track' });
    // The monthly cumulative trend: nothing in January, the March death, then the July ones.
    const month = (m: string) => deathsCut!.trend.find((p) => p.month === m)?.value;
    expect(deathsCut!.trend[0]).toEqual({ month: '2026-01', value: 0 });
    expect([month('2026-02'), month('2026-03'), month('2026-06'), month('2026-07'), month('2026-08')]).toEqual([
      0, 1, 1, 4, 4,
    ]);
  });

  it('a county’s progress counts only its own incidents', async () => {
    await t
      .put('/api/v1/targets/640521/2026', countyCommander.token)
      .send({
        targets: [
          { indicator: 'incidents', kind: 'ceiling', value: 5 },
          { indicator: 'major_or_above_incidents', kind: 'ceiling', value: 1 },
          { indicator: 'deaths_per_100m_gdp', kind: 'ceiling', value: 0.02 },
          { indicator: 'deaths', kind: 'reduction', value: 10, baselineYear: 2025 },
        ],
      })
      .expect(200);
    const view = (await t.get('/api/v1/statistics/targets', countyCommander.token).query({ year: 2026 }).expect(200))
      .body as TargetsProgressView;
    expect(view.jurisdiction).toBe('640521');
    const [incidents, major, gdpRate, cut] = view.targets;
    // Its one real incident, a general one (the 2025 one in 海原县 and the city's others are not its own).
    expect(incidents).toMatchObject({ actual: 1, limit: 5, status: 'on_track', unit: '起' });
    expect(major).toMatchObject({ actual: 0, limit: 1, status: 'on_track' });
    // Without the year's GDP the rate says what is missing instead of a figure.
    expect(gdpRate).toMatchObject({
      actual: null,
      limit: 0.02,
      status: 'no_data',
      missing: ['缺少 2026 年地区生产总值'],
    });
    // The county had no deaths in 2025: a baseline of 0 leaves a limit of 0, and no relative change.
    expect(cut).toMatchObject({ baselineValue: 0, limit: 0, actual: 1, changeFromBaseline: null, status: 'exceeded' });
  });

  it('the city’s document shows how its count ceilings are split to the counties', async () => {
    const doc = (await t.get('/api/v1/targets/640500/2026').expect(200)).body as TargetDocumentView;
    const major = doc.split.find((s) => s.indicator === 'major_or_above_incidents' && s.category === null)!;
    expect(major.parentValue).toBe(3);
    expect(major.childrenSum).toBe(1);
    expect(major.children.find((c) => c.jurisdiction === '640521')).toEqual({
      jurisdiction: '640521',
      jurisdictionName: '中宁县',
      value: 1,
    });
    expect(major.children.find((c) => c.jurisdiction === '640502')!.value).toBeNull();
    // A county's ceiling the city has no figure for is shown with no parent value.
    const incidents = doc.split.find((s) => s.indicator === 'incidents' && s.category === null)!;
    expect(incidents).toMatchObject({ parentValue: null, childrenSum: 5 });
    // The city's road-traffic deaths ceiling is split too, nobody below has taken a share yet.
    expect(doc.split.find((s) => s.category === 'road_traffic')).toMatchObject({ parentValue: 5, childrenSum: 0 });
  });

  it('the statistics judge the share against the jurisdiction’s own target, else the 2 % default', async () => {
    const period = { from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' };
    const city = (
      await t
        .get('/api/v1/statistics')
        .query({ ...period, jurisdiction: '640500' })
        .expect(200)
    ).body;
    expect(city.target).toEqual({ majorOrAboveShareMax: 0.03, met: false, source: 'set', year: 2026 });
    const county = (
      await t
        .get('/api/v1/statistics')
        .query({ ...period, jurisdiction: '640522' })
        .expect(200)
    ).body;
    expect(county.target).toMatchObject({ majorOrAboveShareMax: 0.02, source: 'default', year: 2026 });
  });

  it('a county commander cannot set the city’s targets nor read them', async () => {
    const put = await t.put('/api/v1/targets/640500/2026', countyCommander.token).send(cityTargets).expect(403);
    expect(put.body.code).toBe('OUTSIDE_JURISDICTION');
    const get = await t.get('/api/v1/targets/640500/2026', countyCommander.token).expect(404);
    expect(get.headers['content-type']).toContain('application/problem+json');
    await t.get('/api/v1/statistics/targets?jurisdiction=640500', countyCommander.token).expect(404);
  });

  it('a viewer cannot set targets', async () => {
    const { body } = await t.put('/api/v1/targets/640500/2027', viewer.token).send({ targets: [] }).expect(403);
    expect(body.code).toBe('FORBIDDEN');
  });

  it('a year with only denominators is a valid document; a stale If-Match fails its precondition (412)', async () => {
    const first = await t
      .put('/api/v1/targets/640500/2024')
      .send({ targets: [], denominators: { gdp100mYuan: 380 } })
      .expect(200);
    expect(first.body).toMatchObject({ targets: [], denominators: { gdp100mYuan: 380, vehicles10k: null } });
    const stale = await t
      .put('/api/v1/targets/640500/2024')
      .set('If-Match', String(first.body.revision + 5))
      .send({ targets: [], denominators: { gdp100mYuan: 381 } })
      .expect(412);
    expect(stale.body.code).toBe('STALE_REVISION');
    await t
      .put('/api/v1/targets/640500/2024')
      .set('If-Match', String(first.body.revision))
      .send({ targets: [], denominators: { gdp100mYuan: 381 } })
      .expect(200);
  });

  it.each([
    ['a share above 1', { indicator: 'major_or_above_share', kind: 'ceiling', value: 1.5 }, 'TARGET_INVALID'],
    ['a reduction without a baseline year', { indicator: 'deaths', kind: 'reduction', value: 15 }, 'TARGET_INVALID'],
    [
      'a baseline year not before the year',
      { indicator: 'deaths', kind: 'reduction', value: 15, baselineYear: 2026 },
      'TARGET_INVALID',
    ],
    [
      'a reduction of 100 %',
      { indicator: 'deaths', kind: 'reduction', value: 100, baselineYear: 2025 },
      'TARGET_INVALID',
    ],
    ['a negative ceiling', { indicator: 'deaths', kind: 'ceiling', value: -1 }, 'TARGET_INVALID'],
    ['an unknown indicator', { indicator: 'happiness', kind: 'ceiling', value: 1 }, 'VALIDATION_FAILED'],
    ['a value that is not a number', { indicator: 'deaths', kind: 'ceiling', value: '5' }, 'VALIDATION_FAILED'],
    [
      'script as the category',
      { indicator: 'deaths', kind: 'ceiling', value: 1, category: '<script>alert(1)</script>' },
      'TARGET_CATEGORY_UNKNOWN',
    ],
  ])('refuses %s with a problem', async (_name, target, code) => {
    const res = await t
      .put('/api/v1/targets/640500/2026')
      .send({ targets: [target] })
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
    expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses duplicates, non-positive denominators, unknown years and malformed paths', async () => {
    const twice = { indicator: 'deaths', kind: 'ceiling', value: 1 };
    expect(
      (
        await t
          .put('/api/v1/targets/640500/2026')
          .send({ targets: [twice, twice] })
          .expect(400)
      ).body.code,
    ).toBe('TARGET_DUPLICATE');
    const zero = await t.put('/api/v1/targets/640500/2026').send({ targets: [], denominators: { vehicles10k: 0 } });
    expect([zero.status, zero.body.code]).toEqual([400, 'TARGET_INVALID']);
    expect((await t.put('/api/v1/targets/640500/1999').send({ targets: [] }).expect(400)).body.code).toBe(
      'TARGET_YEAR_INVALID',
    );
    await t.get('/api/v1/targets/<script>/2026').expect(400);
    await t.get('/api/v1/statistics/targets?year=abc').expect(400);
    // The refused writes changed nothing.
    const doc = (await t.get('/api/v1/targets/640500/2026').expect(200)).body as TargetDocumentView;
    expect(doc.targets).toHaveLength(cityTargets.targets.length);
  });
});

describe('coal mines and non-coal mines (docs/adr/0016-coal-and-non-coal-mines.md)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a new incident names the kind of mine; 矿山 without it is refused', async () => {
    const refused = await t
      .post('/api/v1/incidents')
      .send(incidentBody({ category: 'mining' }))
      .expect(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    const coal = await t
      .post('/api/v1/incidents')
      .send(incidentBody({ category: 'coal_mine', jurisdiction: '640522', occurredAt: '2026-04-02T10:00:00+08:00' }))
      .expect(201);
    expect(coal.body.categoryLabel).toBe('煤矿');
    await t
      .post('/api/v1/incidents')
      .send(
        incidentBody({
          category: 'non_coal_mine',
          jurisdiction: '640521',
          occurredAt: '2026-04-03T10:00:00+08:00',
          casualties: { ...NO_CASUALTIES, deaths: 2 },
        }),
      )
      .expect(201);
    const { body } = await t
      .get('/api/v1/statistics')
      .query({ groupBy: 'category', from: '2026-04-01T00:00:00+08:00', to: '2026-05-01T00:00:00+08:00' })
      .expect(200);
    const rows = body.rows as { key: string; label: string; incidents: number; deaths: number }[];
    expect(rows.find((r) => r.key === 'coal_mine')).toMatchObject({ label: '煤矿', incidents: 1, deaths: 0 });
    expect(rows.find((r) => r.key === 'non_coal_mine')).toMatchObject({ label: '非煤矿山', incidents: 1, deaths: 2 });
  });

  it('a target may be limited to one kind of mine, and counts only that kind', async () => {
    await t
      .put('/api/v1/targets/640500/2026')
      .send({
        targets: [
          { indicator: 'deaths', kind: 'ceiling', value: 1, category: 'non_coal_mine' },
          { indicator: 'incidents', kind: 'ceiling', value: 0, category: 'coal_mine' },
        ],
      })
      .expect(200);
    const view = (await t.get('/api/v1/statistics/targets?jurisdiction=640500&year=2026').expect(200))
      .body as TargetsProgressView;
    expect(view.targets[0]).toMatchObject({ categoryLabel: '非煤矿山', actual: 2, status: 'exceeded' });
    expect(view.targets[1]).toMatchObject({ categoryLabel: '煤矿', actual: 1, status: 'exceeded' });
    const legacy = await t
      .put('/api/v1/targets/640500/2026')
      .send({ targets: [{ indicator: 'deaths', kind: 'ceiling', value: 1, category: 'mining' }] })
      .expect(400);
    expect(legacy.body.code).toBe('TARGET_CATEGORY_UNKNOWN');
  });
});

/**
 * A bureau that began using the system in 2026 has its 2025 figures on paper: entered in the 2025 document, they are
 * the baseline of the 2026 reductions (docs/targets.md, "Baselines: entered or counted"); a figure not entered is
 * still counted from the incidents. 中卫市 counts missing persons as dead, so its death targets count them too.
 */
describe('a baseline year’s entered figures; missing persons counted as dead', () => {
  let t: TestApp;
  const report = (overrides: Record<string, unknown>) =>
    t.post('/api/v1/incidents').send(incidentBody(overrides)).expect(201);
  const progress = async () =>
    (await t.get('/api/v1/statistics/targets').query({ jurisdiction: '640500', year: 2026 }).expect(200))
      .body as TargetsProgressView;

  beforeAll(async () => {
    t = await startTestApp();
    // Two 2025 accidents without deaths are all the system holds of 2025.
    for (const day of ['2025-03-01', '2025-10-01']) {
      await report({ jurisdiction: '640521', category: 'fire', occurredAt: `${day}T09:00:00+08:00` });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the year’s document carries its entered figures and reads them back; bad figures are refused', async () => {
    const recorded = {
      deaths: 40,
      categories: [{ category: 'road_traffic', deaths: 12, incidents: 30 }],
    };
    const { body } = await t.put('/api/v1/targets/640500/2025').send({ targets: [], recorded }).expect(200);
    expect((body as TargetDocumentView).recorded).toEqual({
      incidents: null,
      deaths: 40,
      majorOrAboveIncidents: null,
      categories: [{ category: 'road_traffic', incidents: 30, deaths: 12, majorOrAboveIncidents: null }],
    });
    const read = (await t.get('/api/v1/targets/640500/2025').expect(200)).body as TargetDocumentView;
    expect(read.recorded.deaths).toBe(40);

    const negative = await t
      .put('/api/v1/targets/640500/2025')
      .send({ targets: [], recorded: { deaths: -1 } })
      .expect(400);
    expect(negative.body).toMatchObject({ code: 'TARGET_INVALID' });
    expect(negative.body.detail).toContain('死亡人数须为不小于 0 的整数');
    const fraction = await t
      .put('/api/v1/targets/640500/2025')
      .send({ targets: [], recorded: { incidents: 2.5 } })
      .expect(400);
    expect(fraction.body.code).toBe('VALIDATION_FAILED');
    const unknown = await t
      .put('/api/v1/targets/640500/2025')
      .send({ targets: [], recorded: { categories: [{ category: '<script>x</script>', deaths: 1 }] } })
      .expect(400);
    expect(unknown.body.code).toBe('TARGET_CATEGORY_UNKNOWN');
    // The refused attempts left the document as it was.
    expect(((await t.get('/api/v1/targets/640500/2025').expect(200)).body as TargetDocumentView).recorded.deaths).toBe(
      40,
    );
  });

  it('a −15 % target against the entered 40 has a limit of 34: 30 (含失踪) on track, 35 exceeded', async () => {
    await t
      .put('/api/v1/targets/640500/2026')
      .send({
        targets: [
          { indicator: 'deaths', kind: 'reduction', value: 15, baselineYear: 2025 },
          // No incident count was entered for 2025: this baseline is counted (the two 2025 fires).
          { indicator: 'incidents', kind: 'reduction', value: 50, baselineYear: 2025 },
        ],
      })
      .expect(200);
    // 28 dead and 2 missing: 30 counted as dead where the city counts the missing.
    await report({
      jurisdiction: '640502',
      category: 'construction',
      occurredAt: '2026-04-10T09:00:00+08:00',
      casualties: { ...NO_CASUALTIES, deaths: 28, missing: 2 },
    });
    const [deaths, incidents] = (await progress()).targets;
    expect(deaths).toMatchObject({
      baselineValue: 40,
      baselineSource: 'recorded',
      limit: 34,
      actual: 30,
      status: 'on_track',
      unit: '人（含失踪）',
      deathsIncludeMissing: true,
      missing: [],
    });
    expect(incidents).toMatchObject({
      baselineValue: 2,
      baselineSource: 'counted',
      limit: 1,
      actual: 1,
      status: 'on_track',
      unit: '起',
      deathsIncludeMissing: false,
    });

    await report({
      jurisdiction: '640521',
      category: 'road_traffic',
      occurredAt: '2026-06-01T09:00:00+08:00',
      casualties: { ...NO_CASUALTIES, deaths: 5 },
    });
    const [deathsAfter, incidentsAfter] = (await progress()).targets;
    expect(deathsAfter).toMatchObject({ actual: 35, limit: 34, status: 'exceeded', baselineSource: 'recorded' });
    expect(incidentsAfter).toMatchObject({ actual: 2, limit: 1, status: 'exceeded', baselineSource: 'counted' });
  });

  it('entering the figure later moves the baseline from counted to recorded', async () => {
    await t
      .put('/api/v1/targets/640500/2025')
      .send({ targets: [], recorded: { deaths: 40, incidents: 4 } })
      .expect(200);
    const [, incidents] = (await progress()).targets;
    expect(incidents).toMatchObject({ baselineValue: 4, baselineSource: 'recorded', limit: 2, status: 'on_track' });
  });
});

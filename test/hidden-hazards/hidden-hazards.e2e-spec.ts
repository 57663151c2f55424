import { AlarmCentre } from '../../libs/alarms/src';
import type { AlarmView } from '../../libs/alarms/src/contract';
import { HiddenHazardOverdueWatch } from '../../libs/hidden-hazards/src';
import type { HiddenHazardSummaryView, HiddenHazardView } from '../../libs/hidden-hazards/src/contract';
import { ManualClock } from '../../libs/shared/src';
import { freshCreditCode, registerEnterprise } from '../support/enterprises/enterprise-fixtures';
import { eventually } from '../support/eventually';
import {
  hiddenHazardBody,
  majorHiddenHazardBody,
  recordHiddenHazard,
} from '../support/hidden-hazards/hidden-hazard-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

const HOUR = 3600_000;
const FORGED = '00000000-0000-4000-8000-000000000000';

/**
 * 隐患排查治理 over real HTTP on a manual clock: recording, 挂牌督办 across government levels (a county cannot accept or
 * close what the city supervises), 验收 sent back, 销号, overdue rectification raising an alarm in the alarm centre and
 * the rectification ending it, jurisdiction scoping, and the register's 整改率.
 */
describe('hidden hazards (隐患排查治理)', () => {
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  let t: TestApp;
  let admin: TestUser;
  let countyDuty: TestUser;
  let countyCommander: TestUser;
  let cityCommander: TestUser;
  let otherCounty: TestUser;
  let enterpriseId: string;
  beforeAll(async () => {
    // The overdue watch runs only when ticked by hand here.
    t = await startTestApp({ HIDDEN_HAZARD_TICK_MS: '3600000' }, { clock });
    admin = await t.user(['admin']);
    countyDuty = await t.user(['duty_officer'], '640521');
    countyCommander = await t.user(['commander'], '640521');
    cityCommander = await t.user(['commander'], '640500');
    otherCounty = await t.user(['commander'], '640522');
    enterpriseId = await registerEnterprise(t, admin.token, {
      name: '中宁某化工有限公司（测试）',
      jurisdiction: '640521',
      creditCode: freshCreditCode('640521'),
    });
  });
  afterAll(() => t?.close());

  const get = async (id: string, token = cityCommander.token) =>
    (await t.get(`/api/v1/hidden-hazards/${id}`, token).expect(200)).body as HiddenHazardView;
  const act = (id: string, what: string, token: string, body: Record<string, unknown> = {}) =>
    t.post(`/api/v1/hidden-hazards/${id}/${what}`, token).send(body);
  const tick = () => t.app.get(HiddenHazardOverdueWatch).tick();
  const alarmsOf = async (id: string): Promise<AlarmView[]> =>
    ((await t.get('/api/v1/alarms?kind=hidden_hazard', cityCommander.token).expect(200)).body as AlarmView[]).filter(
      (a) => a.subject.type === 'hidden_hazard' && a.subject.id === id,
    );

  it('records a hidden hazard: 201 with the contract view, in the enterprise jurisdiction, not overdue', async () => {
    const body = hiddenHazardBody(enterpriseId, clock.now());
    const created = await recordHiddenHazard(t, countyDuty.token, body);
    expect(created).toMatchObject({
      enterpriseId,
      enterpriseName: '中宁某化工有限公司（测试）',
      jurisdiction: '640521',
      jurisdictionName: '中宁县',
      hazardSourceId: null,
      hazardSourceName: null,
      title: body.title,
      description: body.description,
      grade: 'general',
      gradeLabel: '一般事故隐患',
      standard: null,
      source: 'inspection',
      sourceLabel: '监督检查',
      foundBy: '县应急管理局执法大队 李检查',
      rectification: {
        measures: '修复检测报警器并接入监控中心，加强日常巡检',
        responsible: { name: '张明', phone: '13995512345' },
      },
      status: 'rectifying',
      statusLabel: '整改中',
      overdue: false,
      supervision: null,
      rectifiedAt: null,
      rectificationNote: null,
      verifications: [],
      closedAt: null,
      closedBy: null,
      revision: 0,
      replayed: false,
    });
    // Local ISO in the jurisdiction's zone, the same instant as sent.
    expect(created.rectification.deadline).toMatch(/\+08:00$/);
    expect(new Date(created.rectification.deadline).getTime()).toBe(
      new Date((body.rectification as { deadline: string }).deadline).getTime(),
    );
    expect(await get(created.id)).toMatchObject({ id: created.id, revision: 0 });
  });

  it('refuses what rule 32 refuses at recording, with a Chinese detail', async () => {
    const now = clock.now();
    const noStandard = await t
      .post('/api/v1/hidden-hazards', countyDuty.token)
      .send(majorHiddenHazardBody(enterpriseId, now, { standard: '  ' }))
      .expect(422);
    expect(noStandard.body).toMatchObject({ code: 'HIDDEN_HAZARD_STANDARD_REQUIRED' });
    expect(noStandard.body.detail).toContain('判定依据');
    const future = await t
      .post('/api/v1/hidden-hazards', countyDuty.token)
      .send(hiddenHazardBody(enterpriseId, now, { foundAt: new Date(now.getTime() + HOUR).toISOString() }))
      .expect(422);
    expect(future.body.code).toBe('HIDDEN_HAZARD_FOUND_IN_FUTURE');
    const early = await t
      .post('/api/v1/hidden-hazards', countyDuty.token)
      .send(
        hiddenHazardBody(enterpriseId, now, {
          rectification: {
            measures: '整改',
            deadline: new Date(now.getTime() - 2 * HOUR).toISOString(),
            responsible: { name: '张明' },
          },
        }),
      )
      .expect(422);
    expect(early.body.code).toBe('HIDDEN_HAZARD_DEADLINE_BEFORE_FOUND');
    // Another county's account cannot record on this enterprise: it is answered as unknown.
    const outside = await t
      .post('/api/v1/hidden-hazards', otherCounty.token)
      .send(hiddenHazardBody(enterpriseId, now))
      .expect(422);
    expect(outside.body.code).toBe('HIDDEN_HAZARD_ENTERPRISE_UNKNOWN');
    const forgedSource = await t
      .post('/api/v1/hidden-hazards', countyDuty.token)
      .send(hiddenHazardBody(enterpriseId, now, { hazardSourceId: FORGED }))
      .expect(422);
    expect(forgedSource.body.code).toBe('HIDDEN_HAZARD_SOURCE_UNKNOWN');
    // Hidden hazards are never drill data: a drill flag is not a field of the request.
    await t
      .post('/api/v1/hidden-hazards', countyDuty.token)
      .send({ ...hiddenHazardBody(enterpriseId, now), drillId: FORGED })
      .expect(400);
    await t
      .post('/api/v1/hidden-hazards', countyDuty.token)
      .send(hiddenHazardBody(enterpriseId, now, { grade: 'minor' }))
      .expect(400);
  });

  it('supervision across levels: the city supervises, a county cannot 验收 or 销号, the city does', async () => {
    const hazard = await recordHiddenHazard(t, countyCommander.token, majorHiddenHazardBody(enterpriseId, clock.now()));
    // A county may not put it under the city's supervision.
    const above = await act(hazard.id, 'supervise', countyCommander.token, { level: 'city' }).expect(403);
    expect(above.body.code).toBe('HIDDEN_HAZARD_SUPERVISION_ABOVE_ACTOR');
    // The county supervises at its own level …
    const county = (await act(hazard.id, 'supervise', countyCommander.token, { level: 'county' }).expect(200))
      .body as HiddenHazardView;
    expect(county.supervision).toMatchObject({ level: 'county', levelLabel: '县级挂牌督办', jurisdiction: '640521' });
    // … and the city raises it to its own (挂牌督办 by the city).
    const city = (await act(hazard.id, 'supervise', cityCommander.token, { level: 'city' }).expect(200))
      .body as HiddenHazardView;
    expect(city.supervision).toMatchObject({
      level: 'city',
      levelLabel: '市级挂牌督办',
      jurisdiction: '640500',
      jurisdictionName: '中卫市',
    });
    expect(city.revision).toBe(2);
    // Only upward; and no province above this city in the tree.
    expect((await act(hazard.id, 'supervise', cityCommander.token, { level: 'county' }).expect(409)).body.code).toBe(
      'HIDDEN_HAZARD_SUPERVISION_NOT_UPWARD',
    );
    expect((await act(hazard.id, 'supervise', cityCommander.token, { level: 'province' }).expect(422)).body.code).toBe(
      'HIDDEN_HAZARD_SUPERVISION_LEVEL_UNAVAILABLE',
    );

    expect(
      (await act(hazard.id, 'rectify', countyDuty.token, { note: '已加装紧急切断装置' }).expect(200)).body,
    ).toMatchObject({ status: 'rectified', statusLabel: '已整改待验收', rectificationNote: '已加装紧急切断装置' });
    const countyVerify = await act(hazard.id, 'verify', countyCommander.token, {
      passed: true,
      note: '县级验收',
    }).expect(403);
    expect(countyVerify.body.code).toBe('HIDDEN_HAZARD_SUPERVISED_ABOVE');
    expect(countyVerify.body.detail).toContain('市级挂牌督办');
    expect(countyVerify.headers['content-type']).toContain('application/problem+json');
    expect((await act(hazard.id, 'close', countyCommander.token).expect(403)).body.code).toBe(
      'HIDDEN_HAZARD_SUPERVISED_ABOVE',
    );
    const verified = (
      await act(hazard.id, 'verify', cityCommander.token, { passed: true, note: '市级现场验收通过' }).expect(200)
    ).body as HiddenHazardView;
    expect(verified.status).toBe('verified');
    expect(verified.verifications).toEqual([
      expect.objectContaining({ passed: true, note: '市级现场验收通过', by: expect.stringContaining('测试用户') }),
    ]);
    expect((await act(hazard.id, 'close', countyCommander.token).expect(403)).body.code).toBe(
      'HIDDEN_HAZARD_SUPERVISED_ABOVE',
    );
    const closed = (await act(hazard.id, 'close', cityCommander.token).expect(200)).body as HiddenHazardView;
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已销号' });
    expect(closed.closedAt).not.toBeNull();
    // Closed never reopens.
    for (const [what, body] of [
      ['rectify', { note: '再次整改' }],
      ['verify', { passed: false, note: '复查' }],
      ['close', {}],
    ] as const) {
      const refused = await act(hazard.id, what, cityCommander.token, body).expect(409);
      expect(refused.body.code).toBe('HIDDEN_HAZARD_CLOSED');
      expect(refused.body.detail).toContain('已销号');
    }
  });

  it('a failed 验收 sends it back to 整改; order enforced; If-Match guards a stale view', async () => {
    const hazard = await recordHiddenHazard(t, countyDuty.token, hiddenHazardBody(enterpriseId, clock.now()));
    expect(
      (await act(hazard.id, 'verify', countyCommander.token, { passed: true, note: '验收' }).expect(409)).body.code,
    ).toBe('HIDDEN_HAZARD_NOT_RECTIFIED');
    expect((await act(hazard.id, 'close', countyCommander.token).expect(409)).body.code).toBe(
      'HIDDEN_HAZARD_NOT_VERIFIED',
    );
    expect((await act(hazard.id, 'supervise', countyCommander.token, { level: 'county' }).expect(409)).body.code).toBe(
      'HIDDEN_HAZARD_NOT_MAJOR',
    );
    await act(hazard.id, 'rectify', countyDuty.token, { note: '第一次整改' }).expect(200);
    expect((await act(hazard.id, 'rectify', countyDuty.token, { note: '重复' }).expect(409)).body.code).toBe(
      'HIDDEN_HAZARD_NOT_RECTIFYING',
    );
    const stale = await t
      .post(`/api/v1/hidden-hazards/${hazard.id}/verify`, countyCommander.token)
      .set('If-Match', '0')
      .send({ passed: false, note: '过期的页面' })
      .expect(412);
    expect(stale.body.code).toBe('STALE_REVISION');
    const failed = (
      await t
        .post(`/api/v1/hidden-hazards/${hazard.id}/verify`, countyCommander.token)
        .set('If-Match', '1')
        .send({ passed: false, note: '报警器仍未接入监控中心，退回整改' })
        .expect(200)
    ).body as HiddenHazardView;
    expect(failed).toMatchObject({ status: 'rectifying', revision: 2 });
    expect(failed.verifications).toEqual([expect.objectContaining({ passed: false })]);
    await act(hazard.id, 'rectify', countyDuty.token, { note: '第二次整改，已接入' }).expect(200);
    await act(hazard.id, 'verify', countyCommander.token, { passed: true, note: '复验通过' }).expect(200);
    // Not supervised: the county itself closes it.
    const closed = (await act(hazard.id, 'close', countyCommander.token).expect(200)).body as HiddenHazardView;
    expect(closed.status).toBe('closed');
    expect(closed.verifications.map((v) => v.passed)).toEqual([false, true]);
  });

  it('overdue rectification raises an alarm in the alarm centre; rectification ends it; a new round raises a new one', async () => {
    const hazard = await recordHiddenHazard(
      t,
      countyDuty.token,
      majorHiddenHazardBody(enterpriseId, clock.now(), {
        title: '重大隐患逾期测试',
        rectification: {
          measures: '加装紧急切断装置',
          deadline: new Date(clock.now().getTime() + HOUR).toISOString(),
          responsible: { name: '张明' },
        },
      }),
    );
    await tick();
    expect(await alarmsOf(hazard.id)).toEqual([]);
    clock.advance(HOUR + 1000);
    // Overdue the instant the deadline passed, before any watch ran.
    expect((await get(hazard.id)).overdue).toBe(true);
    const overdueList = (await t.get('/api/v1/hidden-hazards?overdue=true', cityCommander.token).expect(200))
      .body as HiddenHazardView[];
    expect(overdueList.map((h) => h.id)).toContain(hazard.id);
    const notOverdue = (await t.get('/api/v1/hidden-hazards?overdue=false', cityCommander.token).expect(200))
      .body as HiddenHazardView[];
    expect(notOverdue.map((h) => h.id)).not.toContain(hazard.id);

    const steps = await tick();
    expect(steps).toContainEqual({ sourceKey: `hidden_hazard:${hazard.id}:1`, action: 'raised' });
    const [alarm] = await alarmsOf(hazard.id);
    expect(alarm).toMatchObject({
      kind: 'hidden_hazard',
      severity: 'critical',
      status: 'raised',
      jurisdiction: '640521',
      subject: { type: 'hidden_hazard', id: hazard.id },
    });
    expect(alarm!.title).toContain('中宁某化工有限公司（测试）');
    expect(alarm!.title).toContain('重大隐患逾期测试');
    expect(alarm!.message).toContain('逾期');
    // One alarm however often the watch looks.
    expect(await tick()).toEqual([]);
    expect(await alarmsOf(hazard.id)).toHaveLength(1);
    // The county's consoles see it; another county's do not.
    const otherAlarms = (await t.get('/api/v1/alarms?kind=hidden_hazard', otherCounty.token).expect(200))
      .body as AlarmView[];
    expect(otherAlarms.map((a) => a.id)).not.toContain(alarm!.id);

    await act(hazard.id, 'rectify', countyDuty.token, { note: '已加装' }).expect(200);
    const [ended] = await alarmsOf(hazard.id);
    expect(ended).toMatchObject({ status: 'resolved', resolution: 'hazard_rectified' });
    expect((await get(hazard.id)).overdue).toBe(false);

    // Sent back after the deadline: overdue again at once, a new round and a new alarm.
    await act(hazard.id, 'verify', cityCommander.token, { passed: false, note: '切断装置未联锁' }).expect(200);
    expect((await get(hazard.id)).overdue).toBe(true);
    expect(await tick()).toContainEqual({ sourceKey: `hidden_hazard:${hazard.id}:2`, action: 'raised' });
    const alarms = await alarmsOf(hazard.id);
    expect(alarms).toHaveLength(2);
    expect(alarms.find((a) => a.status === 'raised')!.message).toContain('第 2 轮');
  });

  it('a general hazard overdue is a major alarm; the watch ends an overdue alarm its hazard no longer implies', async () => {
    const hazard = await recordHiddenHazard(
      t,
      countyDuty.token,
      hiddenHazardBody(enterpriseId, clock.now(), {
        rectification: {
          measures: '整改',
          deadline: new Date(clock.now().getTime() + HOUR).toISOString(),
          responsible: { name: '张明' },
        },
      }),
    );
    clock.advance(HOUR + 1000);
    await tick();
    const [raised] = await alarmsOf(hazard.id);
    expect(raised).toMatchObject({ severity: 'major', status: 'raised' });
    await act(hazard.id, 'rectify', countyDuty.token, { note: '完成' }).expect(200);
    expect((await alarmsOf(hazard.id))[0]!.status).toBe('resolved');
    // A second replica's watch that read the register just before the rectification pushes the alarm again after it:
    // the next tick sees a rectified hazard behind an open alarm and ends it.
    await t.app.get(AlarmCentre).raise(
      {
        kind: 'hidden_hazard',
        sourceKey: `hidden_hazard:${hazard.id}:1`,
        severity: 'major',
        jurisdiction: '640521',
        title: raised!.title,
        message: raised!.message,
        subject: { type: 'hidden_hazard', id: hazard.id },
        dueAt: null,
      },
      { id: 'system:hidden-hazards', name: '隐患排查治理' },
    );
    expect((await alarmsOf(hazard.id))[0]!.status).toBe('raised');
    expect(await tick()).toContainEqual({ sourceKey: `hidden_hazard:${hazard.id}:1`, action: 'resolved' });
    expect((await alarmsOf(hazard.id))[0]).toMatchObject({ status: 'resolved', resolution: 'hazard_rectified' });
  });

  it('延期 ends the overdue alarm and shows in the deadline history; a failed 验收 may give a new deadline', async () => {
    const hazard = await recordHiddenHazard(
      t,
      countyDuty.token,
      majorHiddenHazardBody(enterpriseId, clock.now(), {
        title: '延期测试隐患',
        rectification: {
          measures: '更换阀门',
          deadline: new Date(clock.now().getTime() + HOUR).toISOString(),
          responsible: { name: '张明' },
        },
      }),
    );
    clock.advance(HOUR + 1000);
    expect(await tick()).toContainEqual({ sourceKey: `hidden_hazard:${hazard.id}:1`, action: 'raised' });
    const current = (await get(hazard.id)).rectification.deadline;
    const notLater = await act(hazard.id, 'extend', countyCommander.token, { deadline: current, reason: '延期' });
    expect(notLater.status).toBe(422);
    expect(notLater.body.code).toBe('HIDDEN_HAZARD_DEADLINE_NOT_LATER');
    expect(notLater.body.detail).toContain('原整改期限');
    // Ten minutes more: the tokens of the later tests live on this clock too.
    const newDeadline = new Date(clock.now().getTime() + 10 * 60_000).toISOString();
    await act(hazard.id, 'extend', countyCommander.token, { deadline: newDeadline, reason: '阀门到货延迟' }).expect(
      200,
    );
    const extended = await get(hazard.id);
    expect(extended).toMatchObject({ overdue: false, extensions: 1, status: 'rectifying' });
    expect(new Date(extended.rectification.deadline).getTime()).toBe(new Date(newDeadline).getTime());
    expect(extended.deadlineChanges).toHaveLength(1);
    expect(extended.deadlineChanges[0]).toMatchObject({ kind: 'extension', reason: '阀门到货延迟' });
    expect(new Date(extended.deadlineChanges[0]!.from).getTime()).toBe(new Date(current).getTime());
    // The alarm of the missed deadline ended with the 延期.
    expect((await alarmsOf(hazard.id)).map((a) => a.status)).toEqual(['resolved']);
    expect(await tick()).toEqual([]);
    // Missing the new deadline too is a new alarm.
    clock.advance(10 * 60_000 + 1000);
    expect(await tick()).toContainEqual({ sourceKey: `hidden_hazard:${hazard.id}:1-1`, action: 'raised' });

    // Once the city supervises, the county may no longer extend.
    await act(hazard.id, 'supervise', cityCommander.token, { level: 'city' }).expect(200);
    const later = new Date(clock.now().getTime() + 24 * HOUR).toISOString();
    const denied = await act(hazard.id, 'extend', countyCommander.token, { deadline: later, reason: '再延期' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('HIDDEN_HAZARD_SUPERVISED_ABOVE');

    // Rectified, then sent back at 验收 with a new deadline: rectifying again and not overdue.
    await act(hazard.id, 'rectify', countyDuty.token, { note: '已更换' }).expect(200);
    const notRectifying = await act(hazard.id, 'extend', cityCommander.token, { deadline: later, reason: '延期' });
    expect(notRectifying.body.code).toBe('HIDDEN_HAZARD_NOT_RECTIFYING');
    const past = await act(hazard.id, 'verify', cityCommander.token, {
      passed: false,
      note: '阀门未联锁',
      deadline: new Date(clock.now().getTime() - HOUR).toISOString(),
    });
    expect(past.status).toBe(422);
    expect(past.body.code).toBe('HIDDEN_HAZARD_DEADLINE_NOT_AFTER_NOW');
    await act(hazard.id, 'verify', cityCommander.token, { passed: false, note: '阀门未联锁', deadline: later }).expect(
      200,
    );
    const sentBack = await get(hazard.id);
    expect(sentBack).toMatchObject({ status: 'rectifying', overdue: false, extensions: 1 });
    expect(new Date(sentBack.rectification.deadline).getTime()).toBe(new Date(later).getTime());
    expect(sentBack.deadlineChanges.map((c) => c.kind)).toEqual(['extension', 'verification_failed']);
    expect((await tick()).filter((s) => s.action === 'raised' && s.sourceKey.includes(hazard.id))).toEqual([]);
  });

  it('another county cannot see or touch the hazard (404); forged ids 404; text comes back as text', async () => {
    const script = '<script>alert("隐患")</script><img src=x onerror=alert(1)>';
    const hazard = await recordHiddenHazard(
      t,
      countyDuty.token,
      hiddenHazardBody(enterpriseId, clock.now(), { title: script, description: script, foundBy: script }),
    );
    expect((await get(hazard.id)).title).toBe(script);
    const read = await t.get(`/api/v1/hidden-hazards/${hazard.id}`, countyDuty.token).expect(200);
    expect(read.headers['content-type']).toContain('application/json');
    expect(read.body).toMatchObject({ title: script, description: script, foundBy: script });

    expect((await t.get(`/api/v1/hidden-hazards/${hazard.id}`, otherCounty.token).expect(404)).body.code).toBe(
      'HIDDEN_HAZARD_NOT_FOUND',
    );
    const listed = (await t.get('/api/v1/hidden-hazards', otherCounty.token).expect(200)).body as HiddenHazardView[];
    expect(listed.map((h) => h.id)).not.toContain(hazard.id);
    await act(hazard.id, 'rectify', otherCounty.token, { note: '越权' }).expect(404);
    await act(hazard.id, 'verify', otherCounty.token, { passed: true, note: '越权' }).expect(404);
    await act(hazard.id, 'close', otherCounty.token).expect(404);
    expect((await get(hazard.id)).status).toBe('rectifying');

    await t.get(`/api/v1/hidden-hazards/${FORGED}`, cityCommander.token).expect(404);
    await act(FORGED, 'rectify', cityCommander.token, { note: '伪造' }).expect(404);
    await act(FORGED, 'supervise', cityCommander.token, { level: 'city' }).expect(404);
    await t.get('/api/v1/hidden-hazards/not-a-uuid', cityCommander.token).expect(400);
  });

  it('the summary counts found, rectified and the 整改率 per enterprise and per jurisdiction', async () => {
    // A county of its own, so that the figures are exactly this test's.
    const haiyuanAdmin = await t.user(['admin'], '640522');
    const haiyuanDuty = await t.user(['duty_officer'], '640522');
    const a = await registerEnterprise(t, haiyuanAdmin.token, {
      name: '海原甲公司（测试）',
      jurisdiction: '640522',
      creditCode: freshCreditCode('640522'),
    });
    const b = await registerEnterprise(t, haiyuanAdmin.token, {
      name: '海原乙公司（测试）',
      jurisdiction: '640522100',
      creditCode: freshCreditCode('640522'),
    });
    const now = clock.now();
    const done = async (body: Record<string, unknown>) => {
      const h = await recordHiddenHazard(t, haiyuanDuty.token, body);
      await act(h.id, 'rectify', haiyuanDuty.token, { note: '完成' }).expect(200);
      await act(h.id, 'verify', otherCounty.token, { passed: true, note: '通过' }).expect(200);
      return h;
    };
    // a: 3 found (1 major), 2 rectified (the major one closed); b: 1 found, none rectified, overdue.
    const closedMajor = await done(majorHiddenHazardBody(a, now));
    await act(closedMajor.id, 'close', otherCounty.token).expect(200);
    await done(hiddenHazardBody(a, now));
    await recordHiddenHazard(t, haiyuanDuty.token, hiddenHazardBody(a, now));
    await recordHiddenHazard(
      t,
      haiyuanDuty.token,
      hiddenHazardBody(b, now, {
        rectification: {
          measures: '整改',
          deadline: new Date(now.getTime() + 1000).toISOString(),
          responsible: { name: '王五' },
        },
      }),
    );
    clock.advance(2000);

    const byEnterprise = (
      await t
        .get('/api/v1/hidden-hazards/summary?groupBy=enterprise&jurisdiction=640522', otherCounty.token)
        .expect(200)
    ).body as HiddenHazardSummaryView;
    expect(byEnterprise).toMatchObject({ jurisdiction: '640522', jurisdictionName: '海原县', groupBy: 'enterprise' });
    expect(byEnterprise.rows).toEqual([
      {
        key: a,
        label: '海原甲公司（测试）',
        total: 3,
        major: 1,
        rectified: 2,
        open: 1,
        overdue: 0,
        supervised: 0,
        rectificationRate: 0.6667,
        majorRectificationRate: 1,
      },
      {
        key: b,
        label: '海原乙公司（测试）',
        total: 1,
        major: 0,
        rectified: 0,
        open: 1,
        overdue: 1,
        supervised: 0,
        rectificationRate: 0,
        majorRectificationRate: null,
      },
    ]);
    expect(byEnterprise.totals).toMatchObject({ total: 4, rectified: 2, overdue: 1, rectificationRate: 0.5 });

    const byJurisdiction = (
      await t
        .get('/api/v1/hidden-hazards/summary?groupBy=jurisdiction&jurisdiction=640522', otherCounty.token)
        .expect(200)
    ).body as HiddenHazardSummaryView;
    expect(byJurisdiction.rows.map((r) => [r.key, r.label, r.total, r.rectificationRate])).toEqual([
      ['640522', '海原县', 3, 0.6667],
      ['640522100', '海城镇', 1, 0],
    ]);
    // A window that ends before they were found counts nothing.
    const before = (
      await t
        .get(
          `/api/v1/hidden-hazards/summary?jurisdiction=640522&to=${encodeURIComponent(new Date(now.getTime() - 2 * HOUR).toISOString())}`,
          otherCounty.token,
        )
        .expect(200)
    ).body as HiddenHazardSummaryView;
    expect(before.rows).toEqual([]);
    expect(before.totals).toMatchObject({ total: 0, rectificationRate: null });
    const backwards = await t
      .get(
        `/api/v1/hidden-hazards/summary?from=${encodeURIComponent(now.toISOString())}&to=${encodeURIComponent(new Date(now.getTime() - HOUR).toISOString())}`,
        otherCounty.token,
      )
      .expect(400);
    expect(backwards.body.code).toBe('HIDDEN_HAZARD_SUMMARY_RANGE_INVALID');
    // Outside the reader's jurisdictions: refused.
    await t.get('/api/v1/hidden-hazards/summary?jurisdiction=640521', otherCounty.token).expect(403);
  });

  it('pushes hidden_hazard.changed to the consoles of the jurisdiction, not to another county', async () => {
    const city = await t.socket(cityCommander.token);
    const other = await t.socket(otherCounty.token);
    const seen: string[] = [];
    const leaked: string[] = [];
    city.on('hidden_hazard.changed', (m: { data: HiddenHazardView }) => seen.push(`${m.data.id}:${m.data.status}`));
    other.on('hidden_hazard.changed', (m: { data: HiddenHazardView }) => leaked.push(m.data.id));
    const hazard = await recordHiddenHazard(t, countyDuty.token, hiddenHazardBody(enterpriseId, clock.now()));
    await act(hazard.id, 'rectify', countyDuty.token, { note: '完成' }).expect(200);
    await eventually(() => seen.includes(`${hazard.id}:rectified`));
    expect(seen).toContain(`${hazard.id}:rectifying`);
    expect(leaked).not.toContain(hazard.id);
  });
});

import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';

interface Deadline {
  id: string;
  kind: string;
  responsible: string;
  level: string | null;
  levelLabel: string | null;
  party: string | null;
  dueAt: string;
  status: string;
  statusLabel: string;
  basis: string;
  reportedAt: string | null;
  reportedBy: string | null;
  recipient: { unit: string; name: string } | null;
}

// Whole seconds: displayed times carry no milliseconds.
const minutesAgo = (m: number) => new Date(Math.floor((Date.now() - m * 60_000) / 1000) * 1000);
const iso = (d: Date) => d.toISOString();

describe('reporting deadlines on the incident (docs/domain.md rules 3–6)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  const report = async (overrides: Record<string, unknown>) =>
    (await t.post('/api/v1/incidents').send(incidentBody(overrides)).expect(201)).body;
  const deadlines = async (id: string): Promise<Deadline[]> =>
    (await t.get(`/api/v1/incidents/${id}`).expect(200)).body.deadlines;
  const chain = (list: Deadline[]) => list.filter((d) => d.kind === 'initial' || d.kind === 'escalation');

  it('条例493 第十一条: received 3 h after the accident, the city is due 2 h after the receipt — not late at intake', async () => {
    const incident = await report({ jurisdiction: '640521', occurredAt: iso(minutesAgo(180)) });
    const list = await deadlines(incident.id);
    expect(chain(list).map((d) => `${d.kind}:${d.level}:${d.status}`)).toEqual(['initial:city:pending']);
    const city = chain(list)[0]!;
    expect(Date.parse(city.dueAt) - Date.parse(incident.receivedAt)).toBe(120 * 60_000);
    expect(city.dueAt).toMatch(/\+08:00$/);
    expect(city).toMatchObject({ levelLabel: '设区的市级', statusLabel: '待报', responsible: 'bureau' });
    expect(city.basis).toContain('第十一条');
    // 条例493 第十条: the parties to notify, as their own checklist.
    expect(list.filter((d) => d.kind === 'notification').map((d) => d.party)).toEqual([
      'government',
      'public_security',
      'human_resources',
      'trade_union',
      'procuratorate',
    ]);
  });

  it('条例493 第九条: a unit that reported late is a fact about the unit, apart from the bureau', async () => {
    const incident = await report({
      jurisdiction: '640521',
      occurredAt: iso(minutesAgo(200)),
      unitLearnedAt: iso(minutesAgo(190)),
      unitReportedAt: iso(minutesAgo(5)),
    });
    expect(incident).toMatchObject({ unitLearnedAt: expect.stringMatching(/\+08:00$/), nearMiss: false });
    const list = await deadlines(incident.id);
    expect(list.find((d) => d.kind === 'unit')).toMatchObject({ responsible: 'unit', level: 'county', status: 'late' });
    expect(chain(list).every((d) => d.status === 'pending' && d.responsible === 'bureau')).toBe(true);
  });

  it('接报时间: never in the future; more than 10 minutes back only with a reason', async () => {
    const future = await t
      .post('/api/v1/incidents')
      .send(incidentBody({ occurredAt: iso(minutesAgo(30)), receivedAt: iso(new Date(Date.now() + 3_600_000)) }))
      .expect(422);
    expect(future.body).toMatchObject({ code: 'RECEIVED_IN_FUTURE' });
    const noReason = await t
      .post('/api/v1/incidents')
      .send(incidentBody({ occurredAt: iso(minutesAgo(60)), receivedAt: iso(minutesAgo(20)) }))
      .expect(422);
    expect(noReason.body).toMatchObject({ code: 'RECEIVED_AT_REASON_REQUIRED' });
    expect(noReason.body.detail).toContain('补录原因');
  });

  it('an obligation whose time has passed reads overdue (逾期) at once', async () => {
    const incident = await report({
      jurisdiction: '640521',
      occurredAt: iso(minutesAgo(200)),
      receivedAt: iso(minutesAgo(130)),
      receivedAtReason: '电话接报后补录',
    });
    expect(incident.receivedAtReason).toBe('电话接报后补录');
    expect(chain(await deadlines(incident.id))[0]).toMatchObject({ status: 'overdue', statusLabel: '逾期' });
  });

  it('a phone report logged later keeps its real time and recipient; a second report to a met level re-times nothing', async () => {
    const incident = await report({
      jurisdiction: '640521',
      occurredAt: iso(minutesAgo(40)),
      receivedAt: iso(minutesAgo(9)),
      casualties: { deaths: 3, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 },
    });
    const call = minutesAgo(5);
    const city = chain(await deadlines(incident.id)).find((d) => d.level === 'city')!;
    const passed = await t
      .post(`/api/v1/incidents/${incident.id}/reports`)
      .send({
        toLevel: 'city',
        channel: '电话',
        obligationId: city.id,
        reportedAt: iso(call),
        recipient: { unit: '中卫市应急管理局', name: '赵六' },
        text: '快报：某化工企业储罐泄漏，3 人死亡',
      })
      .expect(201);
    const after: Deadline[] = passed.body.deadlines;
    expect(after.find((d) => d.id === city.id)).toMatchObject({
      status: 'met',
      reportedBy: t.commander.username,
      recipient: { unit: '中卫市应急管理局', name: '赵六' },
    });
    expect(Date.parse(after.find((d) => d.id === city.id)!.reportedAt!)).toBe(call.getTime());
    const province = after.find((d) => d.level === 'province' && d.kind === 'initial')!;
    expect(Date.parse(province.dueAt)).toBe(call.getTime() + 120 * 60_000);
    // A 续报 to the city moves nothing.
    const again = await t
      .post(`/api/v1/incidents/${incident.id}/reports`)
      .send({ toLevel: 'city', channel: '传真' })
      .expect(201);
    expect((again.body.deadlines as Deadline[]).find((d) => d.id === province.id)!.dueAt).toBe(province.dueAt);
    const timeline = await t.get(`/api/v1/incidents/${incident.id}/timeline`).expect(200);
    expect(timeline.body.at(-2).summary).toBe(`向设区的市级上报（电话），接收人 中卫市应急管理局 赵六`);

    // A named obligation that is not there, already met, or owed higher than the report goes.
    const post = (body: Record<string, unknown>) => t.post(`/api/v1/incidents/${incident.id}/reports`).send(body);
    expect((await post({ toLevel: 'city', channel: '电话', obligationId: 'nope' }).expect(404)).body.code).toBe(
      'OBLIGATION_NOT_FOUND',
    );
    expect((await post({ toLevel: 'city', channel: '电话', obligationId: city.id }).expect(409)).body.code).toBe(
      'OBLIGATION_NOT_PENDING',
    );
    expect((await post({ toLevel: 'city', channel: '电话', obligationId: province.id }).expect(422)).body.code).toBe(
      'OBLIGATION_LEVEL_MISMATCH',
    );
    expect(
      (await post({ toLevel: 'city', channel: '电话', reportedAt: iso(new Date(Date.now() + 3_600_000)) }).expect(422))
        .body.code,
    ).toBe('REPORTED_IN_FUTURE');
  });

  it('the industrial park follows its stricter profile: 30 minutes from the receipt, and 21号令 rules on', async () => {
    const incident = await report({ jurisdiction: '640571', occurredAt: iso(minutesAgo(5)) });
    const list = await deadlines(incident.id);
    expect(Date.parse(chain(list)[0]!.dueAt) - Date.parse(incident.receivedAt)).toBe(30 * 60_000);
    expect(list.some((d) => d.kind === 'follow_up')).toBe(true);
  });

  it('a grade that rises on a follow-up adds the provincial and national obligations, and a 补报', async () => {
    const incident = await report({ jurisdiction: '640521', occurredAt: iso(minutesAgo(5)) });
    await t
      .post(`/api/v1/incidents/${incident.id}/updates`)
      .send({ casualties: { deaths: 12 } })
      .expect(200);
    const list = await deadlines(incident.id);
    expect(list.filter((d) => d.kind === 'escalation').map((d) => d.level)).toEqual(['province', 'national']);
    expect(list.find((d) => d.level === 'national')!.levelLabel).toBe('国务院应急管理部门');
    expect(list.some((d) => d.kind === 'supplementary')).toBe(true);
  });

  it('核销 with a reason, once; notifications met party by party', async () => {
    const incident = await report({ jurisdiction: '640521', occurredAt: iso(minutesAgo(5)) });
    const city = chain(await deadlines(incident.id))[0]!;
    const written = await t
      .post(`/api/v1/incidents/${incident.id}/obligations/${encodeURIComponent(city.id)}/write-off`)
      .send({ reason: '经核实不属于生产安全事故' })
      .expect(200);
    expect((written.body.deadlines as Deadline[]).find((d) => d.id === city.id)).toMatchObject({
      status: 'written_off',
      statusLabel: '核销',
      writeOff: { reason: '经核实不属于生产安全事故', by: t.commander.username },
    });
    const twice = await t
      .post(`/api/v1/incidents/${incident.id}/obligations/${encodeURIComponent(city.id)}/write-off`)
      .send({ reason: 'x' })
      .expect(409);
    expect(twice.body.code).toBe('OBLIGATION_NOT_PENDING');
    await t
      .post(`/api/v1/incidents/${incident.id}/obligations/${encodeURIComponent(city.id)}/write-off`)
      .send({})
      .expect(400);

    const notified = await t
      .post(`/api/v1/incidents/${incident.id}/notifications`)
      .send({ party: 'procuratorate', channel: '电话', recipient: { unit: '中宁县人民检察院', name: '值班检察官' } })
      .expect(201);
    const notes = (notified.body.deadlines as Deadline[]).filter((d) => d.kind === 'notification');
    expect(notes.filter((d) => d.status === 'met').map((d) => d.party)).toEqual(['procuratorate']);
    await t
      .post(`/api/v1/incidents/${incident.id}/notifications`)
      .send({ party: 'press', channel: '电话' })
      .expect(400);
  });
});

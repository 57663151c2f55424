import type {
  AccountEntryView,
  IncidentAccountView,
  TimelineEntryView,
  TimelinePageView,
} from '../../libs/incidents/src/contract';
import { incidentBody, NO_CASUALTIES } from '../support/incident-fixtures';
import { registerTeam, registerWarehouse } from '../support/resource-fixtures';
import { eventually, until } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * The incident's workspace over HTTP: the account as received kept beside every follow-up, and a timeline that holds
 * the warehouse's allocations, names people by display name (also behind what the dispatch process wrote) and pages
 * newest first.
 */
describe('the incident workspace: account, timeline actors, allocations and pages', () => {
  let t: TestApp;
  let duty: TestUser;
  let commander: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    [duty, commander, admin] = await Promise.all([t.user(['duty_officer']), t.user(['commander']), t.user(['admin'])]);
  }, 60_000);
  afterAll(() => t?.close());

  const displayName = (user: TestUser) => `测试用户 ${user.username}`;
  const report = async (description: string) =>
    (await t.post('/api/v1/incidents', duty.token).send(incidentBody({ description })).expect(201)).body.id as string;
  const timeline = async (id: string) =>
    (await t.get(`/api/v1/incidents/${id}/timeline`, duty.token).expect(200)).body as TimelineEntryView[];

  it('keeps the account as received at intake beside each follow-up, with its time and author', async () => {
    const id = await report('储罐阀门泄漏，现场有刺激性气味');
    await t
      .post(`/api/v1/incidents/${id}/updates`, duty.token)
      .send({ casualties: { ...NO_CASUALTIES, seriousInjuries: 2 }, description: '泄漏扩大，二人送医' })
      .expect(200);
    await t
      .post(`/api/v1/incidents/${id}/updates`, commander.token)
      .send({ casualties: { ...NO_CASUALTIES, deaths: 1, seriousInjuries: 2 }, measures: '设置警戒区' })
      .expect(200);

    const account = await eventually(async () => {
      const body = (await t.get(`/api/v1/incidents/${id}/account`, duty.token).expect(200)).body as IncidentAccountView;
      return body.followUps.length === 2 ? body : undefined;
    });
    expect(account.original).toMatchObject<Partial<AccountEntryView>>({
      kind: 'initial',
      description: '储罐阀门泄漏，现场有刺激性气味',
      author: displayName(duty),
      casualties: expect.objectContaining({ seriousInjuries: 1, minorInjuries: 2 }),
    });
    expect(account.original.at).toMatch(/\+08:00$/);
    expect(account.followUps.map((f) => [f.description, f.measures, f.author, f.casualties.deaths])).toEqual([
      ['泄漏扩大，二人送医', null, displayName(duty), 0],
      [null, '设置警戒区', displayName(commander), 1],
    ]);
    expect(account.timeZone).toBe('Asia/Shanghai');
    // The board still shows the facts as they stand now: the newest account given.
    const incident = (await t.get(`/api/v1/incidents/${id}`, duty.token).expect(200)).body;
    expect(incident.description).toBe('泄漏扩大，二人送医');
  });

  it('names people by display name, and the person behind what the dispatch process wrote', async () => {
    const id = await report('有人员被困');
    const teamId = await registerTeam(t, admin.token);
    await t
      .post(`/api/v1/teams/${teamId}/dispatch`, commander.token)
      .send({ incidentId: id, task: '搜救' })
      .expect(201);
    const lines = await eventually(async () => {
      const all = await timeline(id);
      return all.some((l) => l.type === 'TeamAssigned') ? all : undefined;
    });
    const intake = lines.find((l) => l.type === 'IncidentReported')!;
    expect(intake).toMatchObject({ actor: displayName(duty), actorKind: 'person', via: null, source: 'incident' });
    const assigned = lines.find((l) => l.type === 'TeamAssigned')!;
    expect(assigned).toMatchObject({ actor: displayName(commander), actorKind: 'person', via: '调度流程' });
    expect(lines.map((l) => l.actor)).not.toContain(commander.username);
  });

  it('puts the warehouse’s allocation and each of its steps on the incident’s timeline, live too', async () => {
    const id = await report('需要物资');
    const warehouseId = await registerWarehouse(t, admin.token, {}, [{ materialCode: '1010101', quantity: 20 }]);
    const socket = await t.socket(duty.token);
    const pushed: TimelineEntryView[] = [];
    socket.on('timeline.appended', (m: { data: TimelineEntryView }) => pushed.push(m.data));
    await new Promise<void>((resolve) =>
      socket.emit('subscribe', { jurisdiction: '640500', incidentId: id }, () => resolve()),
    );
    const allocationId = (
      await t
        .post(`/api/v1/warehouses/${warehouseId}/allocations`, commander.token)
        .send({ incidentId: id, items: [{ materialCode: '1010101', quantity: 5 }] })
        .expect(201)
    ).body.allocationId as string;
    await t
      .post(`/api/v1/warehouses/${warehouseId}/allocations/${allocationId}/ship`, commander.token)
      .send({})
      .expect(200);

    const lines = await eventually(async () => {
      const all = await timeline(id);
      return all.filter((l) => l.source === 'warehouse').length === 2 ? all : undefined;
    });
    const allocation = lines.filter((l) => l.source === 'warehouse');
    expect(allocation.map((l) => [l.type, l.actor, l.actorKind])).toEqual([
      ['StockAllocated', displayName(commander), 'person'],
      ['AllocationStatusChanged', displayName(commander), 'person'],
    ]);
    expect(allocation[0]!.summary).toContain('棉帐篷 5 顶');
    expect(allocation[1]!.summary).toContain('已出库');
    await until(() => pushed.filter((p) => p.incidentId === id && p.source === 'warehouse').length === 2);
    socket.disconnect();
  });

  it('pages the timeline newest first, every line once, and refuses a cursor it never gave', async () => {
    const id = await report('分页');
    for (let i = 1; i <= 4; i++)
      await t
        .post(`/api/v1/incidents/${id}/updates`, duty.token)
        .send({ casualties: { ...NO_CASUALTIES, minorInjuries: i } })
        .expect(200);
    const all = await eventually(async () => {
      const lines = await timeline(id);
      return lines.filter((l) => l.type === 'SituationUpdated').length === 4 ? lines : undefined;
    });
    const seen: TimelineEntryView[] = [];
    let before: string | null | undefined;
    let pages = 0;
    do {
      const page = (
        await t
          .get(`/api/v1/incidents/${id}/timeline/page?limit=3${before ? `&before=${before}` : ''}`, duty.token)
          .expect(200)
      ).body as TimelinePageView;
      expect(page.total).toBe(all.length);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries);
      before = page.nextBefore;
      pages++;
    } while (before && pages < 10);
    expect(seen.map((l) => l.id)).toEqual([...all].reverse().map((l) => l.id));
    expect(pages).toBe(Math.ceil(all.length / 3));

    const bad = await t.get(`/api/v1/incidents/${id}/timeline/page?before=abc`, duty.token).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    await t.get(`/api/v1/incidents/${id}/timeline/page?limit=0`, duty.token).expect(400);
  });
});

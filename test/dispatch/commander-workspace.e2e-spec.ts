import type { Recommendations } from '../../libs/dispatch/src/contract';
import type { IncidentView, TimelineEntryView } from '../../libs/incidents/src/contract';
import { incidentBody } from '../support/incident-fixtures';
import { registerTeam, registerWarehouse } from '../support/resource-fixtures';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * What the commander's workspace relies on over HTTP: recommendations that take off what is already committed to the
 * incident, and team movements logged from the incident credited to the person who logged them.
 */
describe('the commander’s workspace: needs less what is committed, movements credited to the person', () => {
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
  const report = async (overrides: Record<string, unknown> = {}) =>
    (await t.post('/api/v1/incidents', duty.token).send(incidentBody(overrides)).expect(201)).body.id as string;
  const recommendations = async (id: string) =>
    (await t.get(`/api/v1/incidents/${id}/recommendations`, commander.token).expect(200)).body as Recommendations;
  const incident = async (id: string) =>
    (await t.get(`/api/v1/incidents/${id}`, commander.token).expect(200)).body as IncidentView;

  it('does not recommend a second allocation of a need already allocated, and offers only what is left', async () => {
    // A fire: 10 × 2010101 and 20 × 2080201 by the category's first call.
    const id = await report({ category: 'fire', location: { address: '仓库区', lat: 37.52, lng: 105.18 } });
    const warehouseId = await registerWarehouse(t, admin.token, {}, [
      { materialCode: '2010101', quantity: 100 },
      { materialCode: '2080201', quantity: 100 },
    ]);
    const before = await recommendations(id);
    expect(before.neededMaterials).toEqual([
      { materialCode: '2010101', quantity: 10 },
      { materialCode: '2080201', quantity: 20 },
    ]);
    expect(before.warehouses.map((w) => w.warehouseId)).toContain(warehouseId);

    // Part of one line: the rest stays recommended.
    await t
      .post(`/api/v1/warehouses/${warehouseId}/allocations`, commander.token)
      .send({ incidentId: id, items: [{ materialCode: '2010101', quantity: 4 }] })
      .expect(201);
    const partly = await eventually(async () => {
      const r = await recommendations(id);
      return r.materialNeeds.some((m) => m.allocated > 0) ? r : undefined;
    });
    expect(partly.materialNeeds).toEqual([
      { materialCode: '2010101', needed: 10, allocated: 4, remaining: 6 },
      { materialCode: '2080201', needed: 20, allocated: 0, remaining: 20 },
    ]);
    expect(partly.neededMaterials).toEqual([
      { materialCode: '2010101', quantity: 6 },
      { materialCode: '2080201', quantity: 20 },
    ]);

    // The rest, delivered: nothing is left, so no warehouse is recommended again.
    const rest = (
      await t
        .post(`/api/v1/warehouses/${warehouseId}/allocations`, commander.token)
        .send({ incidentId: id, items: partly.neededMaterials })
        .expect(201)
    ).body.allocationId as string;
    await t.post(`/api/v1/warehouses/${warehouseId}/allocations/${rest}/ship`, commander.token).send({}).expect(200);
    await t.post(`/api/v1/warehouses/${warehouseId}/allocations/${rest}/deliver`, commander.token).send({}).expect(200);
    const covered = await eventually(async () => {
      const r = await recommendations(id);
      return r.materialNeeds.every((m) => m.remaining === 0) ? r : undefined;
    });
    expect(covered.neededMaterials).toEqual([]);
    expect(covered.warehouses).toEqual([]);

    // Cancelling the first (still reserved) allocation puts its need back.
    const first = (await incident(id)).allocations.find((a) => a.status === 'reserved')!;
    await t
      .post(`/api/v1/warehouses/${warehouseId}/allocations/${first.allocationId}/cancel`, commander.token)
      .send({})
      .expect(200);
    const reopened = await eventually(async () => {
      const r = await recommendations(id);
      return r.neededMaterials.length > 0 ? r : undefined;
    });
    expect(reopened.neededMaterials).toEqual([{ materialCode: '2010101', quantity: 4 }]);
    expect(reopened.warehouses.map((w) => w.warehouseId)).toContain(warehouseId);
  });

  it('ranks a team bringing a missing specialty above one whose specialty is already met', async () => {
    // Far from the other tests' teams, in a county of its own, so only these teams are available here.
    const site = { address: '海原县（测试）', lat: 36.56, lng: 105.64 };
    const id = await report({ category: 'fire', location: site, jurisdiction: '640522' });
    const fire = await registerTeam(t, admin.token, {
      specialties: ['fire'],
      base: { ...site, lat: 36.57 },
      jurisdiction: '640522',
    });
    const nearFire = await registerTeam(t, admin.token, {
      specialties: ['fire'],
      base: { ...site, lat: 36.561 },
      jurisdiction: '640522',
    });
    const farMedical = await registerTeam(t, admin.token, {
      specialties: ['medical'],
      base: { ...site, lat: 36.9 },
      jurisdiction: '640522',
    });
    const before = await recommendations(id);
    const order = (r: Recommendations) =>
      r.teams.map((x) => x.teamId).filter((x) => [nearFire, farMedical].includes(x));
    expect(before.teamNeeds.map((n) => [n.specialty, n.remaining])).toEqual([
      ['fire', 1],
      ['medical', 1],
    ]);

    await t.post(`/api/v1/teams/${fire}/dispatch`, commander.token).send({ incidentId: id, task: '灭火' }).expect(201);
    const after = await eventually(async () => {
      const r = await recommendations(id);
      return r.teamNeeds.find((n) => n.specialty === 'fire')?.assigned === 1 ? r : undefined;
    });
    expect(after.teamNeeds).toEqual([
      { specialty: 'medical', label: '医疗救护', count: 1, assigned: 0, remaining: 1 },
      { specialty: 'fire', label: expect.any(String), count: 1, assigned: 1, remaining: 0 },
    ]);
    // The nearer fire team no longer outranks the far medical team, and says why.
    expect(order(after)).toEqual([farMedical, nearFire]);
    expect(after.teams.find((x) => x.teamId === nearFire)!.reason).toMatch(/队伍已满足/);
    // A team already assigned is not offered again.
    expect(after.teams.map((x) => x.teamId)).not.toContain(fire);
  });

  it('credits a team movement logged from the incident to the person, and shows the dispatch’s task', async () => {
    const id = await report();
    const teamId = await registerTeam(t, admin.token);
    await t
      .post(`/api/v1/teams/${teamId}/dispatch`, commander.token)
      .send({ incidentId: id, task: '堵漏、警戒' })
      .expect(201);
    await eventually(async () => (await incident(id)).assignedTeams.some((a) => a.teamId === teamId) || undefined);
    await t.post(`/api/v1/teams/${teamId}/status`, commander.token).send({ status: 'en_route' }).expect(200);
    await t.post(`/api/v1/teams/${teamId}/status`, duty.token).send({ status: 'on_scene' }).expect(200);

    const lines = await eventually(async () => {
      const all = (await t.get(`/api/v1/incidents/${id}/timeline`, duty.token).expect(200)).body as TimelineEntryView[];
      return all.filter((l) => l.type === 'AssignedTeamStatusChanged').length === 2 ? all : undefined;
    });
    const assigned = lines.find((l) => l.type === 'TeamAssigned')!;
    expect(assigned.summary).toContain('任务：堵漏、警戒');
    expect(assigned).toMatchObject({ actor: displayName(commander), actorKind: 'person' });
    const moves = lines.filter((l) => l.type === 'AssignedTeamStatusChanged');
    expect(moves.map((l) => [l.actor, l.actorKind])).toEqual(
      expect.arrayContaining([
        [displayName(commander), 'person'],
        [displayName(duty), 'person'],
      ]),
    );
    expect(lines.map((l) => l.actor)).not.toContain('调度流程');
    const view = await eventually(async () => {
      const v = await incident(id);
      return v.assignedTeams.some((a) => a.status === 'on_scene') ? v : undefined;
    });
    expect(view.assignedTeams.find((a) => a.teamId === teamId)).toMatchObject({
      task: '堵漏、警戒',
      status: 'on_scene',
    });
  });
});

import { CommandExecutor } from '../../libs/event-sourcing/src';
import { CLOCK, ManualClock } from '../../libs/shared/src';
import { drillAggregate, DrillRegisterQueries, DrillScheduler } from '../../libs/drills/src';
import { InjectExecutor } from '../../libs/drills/src/application/injects/inject-executor';
import { scriptedInjectKey } from '../../libs/drills/src/application/run-scripted-injects/drill.scheduler';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { draftPlan } from '../support/plan-fixtures';
import { drillBody, drillIncidentPayload, twoInjectScript } from './drill-fixtures';
import { reviewAndPublish } from '../support/plan-review';

describe('drills: scripted and scriptless injects', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let admin: TestUser;
  const clock = new ManualClock(new Date());
  // The background tick is slow here: the test drives ticks itself, against the manual clock.
  beforeAll(async () => {
    t = await startTestApp({ DRILL_TICK_MS: '600000' }, { clock });
    coordinator = await t.user(['drill_coordinator']);
    admin = await t.user(['admin']);
  });
  afterAll(async () => {
    await t?.close();
  });

  const events = (stream: string, type: string) =>
    t.sql<{ data: Record<string, unknown> }>(
      `select data from es_events where stream_name = $1 and event_type = $2 order by stream_revision`,
      [stream, type],
    );

  it('validates the plan under test, the script and each inject payload', async () => {
    const planId = await draftPlan(t, admin.token);
    const draft = await t.post('/api/v1/drills', coordinator.token).send(drillBody({ planId })).expect(422);
    expect(draft.body).toMatchObject({ code: 'PLAN_NOT_IN_FORCE', status: 422 });
    await reviewAndPublish(t, planId, admin.token, clock.now());
    const pinned = (await t.post('/api/v1/drills', coordinator.token).send(drillBody({ planId })).expect(201)).body;
    expect(pinned).toMatchObject({
      planId,
      planVersion: 1,
      status: 'planned',
      form: 'tabletop',
      scope: 'comprehensive',
    });

    // Every inject payload is wrong; with a fourth inject of an unknown kind, the kind is what is refused.
    const wrongPayloads = [
      {
        atSecond: 0,
        kind: 'report_incident',
        payload: { ...drillIncidentPayload(), title: '', drillId: pinned.id },
      },
      { atSecond: 10, kind: 'update_situation', payload: { incidentRef: 5, casualties: { deaths: -1 } } },
      { atSecond: 20, kind: 'message', payload: { text: 3 } },
    ];
    const bad = await t
      .post('/api/v1/drills', coordinator.token)
      .send(drillBody({ scenario: { injects: [...wrongPayloads, { atSecond: 30, kind: 'explode', payload: {} }] } }))
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('scenario.injects.3.kind');
    const script = await t
      .post('/api/v1/drills', coordinator.token)
      .send(drillBody({ scenario: { injects: wrongPayloads } }))
      .expect(400);
    const paths = script.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'scenario.injects.0.payload.title',
        'scenario.injects.0.payload.drillId',
        'scenario.injects.1.payload.casualties.deaths',
        'scenario.injects.1.payload.incidentRef',
        'scenario.injects.2.payload.text',
      ]),
    );
    // Running a drill is the drill coordinator's: a commander may not plan one.
    await t.post('/api/v1/drills').send(drillBody()).expect(403);
  });

  it('a scenario from the library runs on the clock, in order, once each — also with two schedulers — and an ended drill runs nothing more', async () => {
    const scenario = (
      await t
        .post('/api/v1/scenarios', coordinator.token)
        .send({ name: '储罐泄漏·伤亡上升', jurisdiction: '640500', ...twoInjectScript() })
        .expect(201)
    ).body;
    expect(
      (await t.get('/api/v1/scenarios', coordinator.token).expect(200)).body.map((s: { id: string }) => s.id),
    ).toContain(scenario.id);
    const drill = (
      await t
        .post('/api/v1/drills', coordinator.token)
        .send(drillBody({ scenarioId: scenario.id }))
        .expect(201)
    ).body;
    expect(drill.scenario.injects).toHaveLength(2);
    const scheduler = t.app.get(DrillScheduler);

    const room = await t.socket(coordinator.token);
    expect(await room.emitWithAck('subscribe', { drillId: drill.id })).toMatchObject({ ok: true });
    const messages: { data: { text: string } }[] = [];
    room.on('drill.message', (m: { data: { text: string } }) => messages.push(m));

    // Nothing runs before the start.
    clock.advance(120_000);
    expect(await scheduler.tick()).toEqual([]);
    const started = (await t.post(`/api/v1/drills/${drill.id}/start`, coordinator.token).send({}).expect(200)).body;
    expect(started).toMatchObject({ status: 'running', startedAt: clock.now().toISOString() });

    clock.advance(59_000);
    expect(await scheduler.tick()).toEqual([]);
    clock.advance(1_000);
    expect(await scheduler.tick()).toEqual([{ drillId: drill.id, index: 0 }]);
    const afterFirst = (await t.get(`/api/v1/drills/${drill.id}`, coordinator.token).expect(200)).body;
    const incidentId = afterFirst.injects[0].incidentId as string;
    expect(afterFirst.injects).toEqual([
      expect.objectContaining({ index: 0, kind: 'report_incident', executedAt: clock.now().toISOString() }),
    ]);
    const incident = (await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body;
    expect(incident).toMatchObject({ drillId: drill.id, casualties: { deaths: 0 } });

    // A crash between the side effect and its record: running it again (same key) creates nothing new.
    const [{ n: before }] = await t.sql<{ n: number }>(`select count(*)::int as n from es_events`);
    const commands = t.app.get(CommandExecutor);
    const executor = t.app.get(InjectExecutor);
    const { state } = await commands.load(drillAggregate, drill.id);
    if (state.status !== 'running') throw new Error('drill should be running');
    const again = await executor.execute(
      state,
      'report_incident',
      drill.scenario.injects[0].payload,
      scriptedInjectKey(drill.id, 0),
      {
        correlationId: 'c',
        causationId: 'c',
        actorId: 'system:drill-scheduler',
        jurisdiction: '640500',
      },
    );
    expect(again).toBe(incidentId);
    expect((await t.sql<{ n: number }>(`select count(*)::int as n from es_events`))[0]!.n).toBe(before);

    // Two schedulers (a restarted process next to the old one) tick together: the follow-up happens once.
    const second = new DrillScheduler(t.app.get(DrillRegisterQueries), commands, executor, t.app.get(CLOCK), {
      tickMs: 600_000,
    });
    clock.advance(240_000);
    const [a, b] = await Promise.all([scheduler.tick(), second.tick()]);
    expect([...a, ...b]).toEqual([{ drillId: drill.id, index: 1 }]);
    expect(await Promise.all([scheduler.tick(), second.tick()])).toEqual([[], []]);
    expect(await events(`drill-${drill.id}`, 'InjectExecuted')).toHaveLength(2);
    expect(await events(`incident-${incidentId}`, 'SituationUpdated')).toHaveLength(1);
    expect((await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body).toMatchObject({
      casualties: { deaths: 2, trapped: 3 },
      description: '二次泄漏，伤亡上升',
    });

    // Scriptless (无脚本): the coordinator injects by hand, now.
    await t
      .post(`/api/v1/drills/${drill.id}/injects`, coordinator.token)
      .send({ kind: 'message', payload: { text: '风向转为东南风，扩大警戒区' } })
      .expect(201);
    const manual = (
      await t
        .post(`/api/v1/drills/${drill.id}/injects`, coordinator.token)
        .send({ kind: 'report_incident', payload: drillIncidentPayload({ title: '演练：次生火灾' }) })
        .expect(201)
    ).body;
    const second2 = manual.injects.at(-1).incidentId as string;
    expect((await t.get(`/api/v1/incidents/${second2}`).expect(200)).body).toMatchObject({
      drillId: drill.id,
      title: '演练：次生火灾',
    });
    await t
      .post(`/api/v1/drills/${drill.id}/injects`, coordinator.token)
      .send({ kind: 'update_situation', payload: { incidentId: second2, casualties: { minorInjuries: 4 } } })
      .expect(201);
    expect((await t.get(`/api/v1/incidents/${second2}`).expect(200)).body).toMatchObject({
      casualties: { minorInjuries: 4 },
    });
    const badManual = await t
      .post(`/api/v1/drills/${drill.id}/injects`, coordinator.token)
      .send({ kind: 'message', payload: { words: 'x' } })
      .expect(400);
    expect(badManual.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['payload.text']),
    );
    // A drill never touches a real incident.
    const real = (
      await t
        .post('/api/v1/incidents')
        .send(drillIncidentPayload({ title: '真实事故' }))
        .expect(201)
    ).body;
    const refused = await t
      .post(`/api/v1/drills/${drill.id}/injects`, coordinator.token)
      .send({ kind: 'update_situation', payload: { incidentId: real.id, casualties: { deaths: 9 } } })
      .expect(422);
    expect(refused.body.code).toBe('NOT_A_DRILL_INCIDENT');
    for (const deadline = Date.now() + 3000; messages.length === 0 && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 25));
    expect(messages.map((m) => m.data.text)).toEqual(['风向转为东南风，扩大警戒区']);

    const ended = (await t.post(`/api/v1/drills/${drill.id}/end`, coordinator.token).send({}).expect(200)).body;
    expect(ended).toMatchObject({ status: 'ended', endedAt: clock.now().toISOString(), injects: expect.any(Array) });
    expect(ended.injects.map((i: { index: number | null; kind: string }) => `${i.index}:${i.kind}`)).toEqual([
      '0:report_incident',
      '1:update_situation',
      'null:message',
      'null:report_incident',
      'null:update_situation',
    ]);
    await t
      .post(`/api/v1/drills/${drill.id}/injects`, coordinator.token)
      .send({ kind: 'message', payload: { text: '结束后' } })
      .expect(409);
    await t.post(`/api/v1/drills/${drill.id}/end`, coordinator.token).send({}).expect(409);
    expect(
      (await t.get('/api/v1/drills', coordinator.token).expect(200)).body.map((d: { id: string }) => d.id),
    ).toContain(drill.id);
  });

  it('an ended drill executes none of its remaining injects', async () => {
    const drill = (
      await t
        .post('/api/v1/drills', coordinator.token)
        .send(drillBody({ scenario: twoInjectScript() }))
        .expect(201)
    ).body;
    await t.post(`/api/v1/drills/${drill.id}/start`, coordinator.token).send({}).expect(200);
    await t.post(`/api/v1/drills/${drill.id}/end`, coordinator.token).send({}).expect(200);
    clock.advance(600_000);
    expect(await t.app.get(DrillScheduler).tick()).toEqual([]);
    expect(await events(`drill-${drill.id}`, 'InjectExecuted')).toHaveLength(0);
  });
});

import { incidentBody } from '../incident-fixtures';
import { reviewAndPublish } from '../plan-review';
import { registerTeam } from '../resource-fixtures';
import { eventually } from '../eventually';
import type { TestApp } from '../test-app';
import type { TestUser } from '../test-users';

export interface SeededDrill {
  drillId: string;
  planId: string;
  incidentId: string;
  title: string;
  planTitle: string;
}

/**
 * An ended tabletop drill, seeded through the API as people would run it: a published plan, a drill testing it with
 * two participating units, started; an accident reported by a scriptless inject; the commander sets the response
 * level, activates the plan and sends a (simulated) team; the coordinator ends the drill. Names are plain Chinese,
 * so a check for codes in the printed report cannot be fooled by a random suffix.
 */
export async function seedEndedTabletopDrill(
  t: TestApp,
  people: { admin: TestUser; coordinator: TestUser },
  names: { title: string; planTitle: string; incidentTitle: string },
): Promise<SeededDrill> {
  const planId = (
    await t
      .post('/api/v1/plans', people.admin.token)
      .send({
        title: names.planTitle,
        kind: 'special',
        jurisdiction: '640500',
        categories: ['hazardous_chemicals'],
        activation: { description: '发生危险化学品泄漏，有人员被困', levels: [{ level: 'IV', minTrapped: 1 }] },
        groups: [
          {
            name: '警戒疏散组',
            leadAgency: '市公安局',
            tasks: [{ title: '划定警戒区', responseLevels: ['IV'], withinMinutes: 10 }],
          },
        ],
        requirements: { teams: [], materials: [] },
      })
      .expect(201)
  ).body.id as string;
  await reviewAndPublish(t, planId, people.admin.token);
  const teamId = await registerTeam(t, people.admin.token, {
    name: '市危化品应急救援队',
    base: { address: '中卫工业园区', lat: 37.54, lng: 105.15 },
    jurisdiction: '640500',
  });
  const drillId = (
    await t
      .post('/api/v1/drills', people.coordinator.token)
      .send({
        title: names.title,
        form: 'tabletop',
        scope: 'comprehensive',
        jurisdiction: '640500',
        planId,
        participants: ['市应急管理局', '市消防救援支队', '园区管委会'],
      })
      .expect(201)
  ).body.id as string;
  await t.post(`/api/v1/drills/${drillId}/start`, people.coordinator.token).send({}).expect(200);
  await t
    .post(`/api/v1/drills/${drillId}/injects`, people.coordinator.token)
    .send({
      kind: 'report_incident',
      payload: incidentBody({
        title: names.incidentTitle,
        jurisdiction: '640500',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 1 },
      }),
    })
    .expect(201);
  const incidentId = await eventually(
    async () => ((await t.get(`/api/v1/incidents?drillId=${drillId}`).expect(200)).body as { id: string }[])[0]?.id,
    8000,
  );
  await t.post(`/api/v1/incidents/${incidentId}/response-level`).send({ level: 'IV', reason: '被困 1 人' }).expect(200);
  await t.post(`/api/v1/incidents/${incidentId}/plan-activations`).send({ planId }).expect(201);
  await t.post(`/api/v1/drills/${drillId}/dispatches`).send({ incidentId, teamId }).expect(201);
  await t.post(`/api/v1/drills/${drillId}/end`, people.coordinator.token).send({}).expect(200);
  return { drillId, planId, incidentId, title: names.title, planTitle: names.planTitle };
}

/** Gives a test user a person's name, as the report prints people by name. */
export async function nameUser(t: TestApp, user: TestUser, displayName: string): Promise<void> {
  await t.sql('update users set display_name = $1 where id = $2', [displayName, user.id]);
}

// Over 300 lines on purpose: the whole route × role matrix in one table, so a missing row is visible.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '../../libs/shared/src';
import { startTestApp, type TestApp } from '../support/test-app';
import { parkedIncidentClosed } from '../support/parked-events';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { draftPlan, planBody, publishedPlan } from '../support/plan-fixtures';
import { registerTeam, registerWarehouse, teamBody, warehouseBody } from '../support/resource-fixtures';
import { registeredRoutes } from '../support/registered-routes';
import { reviewBody } from '../support/plan-review';
import { overdueDeadlineAlarm } from '../support/alarm-fixtures';
import { highHighAlarm } from '../support/alarm-to-incident/monitoring-alarm';
import { enterpriseBody, issueDeviceKey, registerEnterprise } from '../support/enterprises/enterprise-fixtures';
import { ammoniaTankFarm, registerHazardSource } from '../support/hazard-sources/hazard-source-fixtures';
import { expertBody, registerExpert } from '../support/experts/expert-fixtures';
import { registerShelter, shelterBody } from '../support/shelters/shelter-fixtures';
import { monitoredEnterprise, registerSensor, sensorBody } from '../support/monitoring/monitoring-fixtures';
import {
  hiddenHazardBody,
  majorHiddenHazardBody,
  recordHiddenHazard,
} from '../support/hidden-hazards/hidden-hazard-fixtures';

/**
 * The role matrix, written out here on purpose instead of read from libs/shared/src/auth/permissions.ts: a change
 * to that table must show up as a failing cell, not silently change what the test expects.
 * duty officers report and follow up; commanders also close; drill coordinators and viewers only read;
 * admins read, manage users and read the audit trail; admins keep the team and warehouse registers and stock books;
 * commanders dispatch teams and allocate supplies; duty officers and commanders report team status;
 * commanders and admins schedule the watch (值班) (a duty officer only as the leader on duty), duty officers and commanders hand over and answer roll calls, and
 * commanders issue roll calls (点名); duty officers and commanders issue, adjust and lift warnings (预警), drill
 * coordinators only drill warnings.
 */
const ROLES: Role[] = ['duty_officer', 'commander', 'drill_coordinator', 'viewer', 'admin'];
const EVERYONE = ROLES;
const WATCH: Role[] = ['duty_officer', 'commander'];

interface Endpoint {
  name: string;
  allowed: Role[];
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The path to call; may prepare what a successful call needs (a fresh incident to close, a user to disable). */
  path(actingUser: TestUser, role: Role): Promise<string>;
  body?(actingUser: TestUser): object;
  /** Sign the acting user in again and act with that token (logout ends the session it is called with). */
  freshSession?: boolean;
  /** What an allowed call answers: a real success, not merely "not refused". */
  ok: number;
  /** Acting users of another jurisdiction than the city (a called county answers a roll call). */
  as?: '640521';
  /** The code a forbidden role is refused with when the route lets the role in and the domain refuses it (403 still). */
  refusedWith?: Partial<Record<Role, string>>;
}

let t: TestApp;
let incidentId: string;
const reportIncident = async (): Promise<string> =>
  (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id;
let admin: TestUser;
const TENT = '1010101';
// The city's own teams: every acting user of the matrix belongs to the city.
const cityTeam = () => teamBody({ jurisdiction: '640500' });
const newTeam = (): Promise<string> => registerTeam(t, admin.token, { jurisdiction: '640500' });
const dispatchedTeam = async (): Promise<string> => {
  const id = await newTeam();
  await t.post(`/api/v1/teams/${id}/dispatch`).send({ incidentId }).expect(201);
  // The dispatch process manager records the team on the incident asynchronously; wait for it, so the "nothing
  // appended" check of a refused call does not count the process manager's event.
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
    const board = await t.get(`/api/v1/incidents/${incidentId}`);
    if ((board.body.assignedTeams as { teamId: string }[]).some((a) => a.teamId === id)) return id;
  }
  throw new Error('the dispatch process manager did not record the team');
};
const newEnterprise = (): Promise<string> => registerEnterprise(t, admin.token, { jurisdiction: '640500' });
/** The enterprise the next `POST /hazard-sources` of the matrix registers on (set by its `path`). */
let hazardEnterprise = '';
const newHazardSource = async (): Promise<string> =>
  registerHazardSource(t, admin.token, ammoniaTankFarm(await newEnterprise()));
const stockedWarehouse = (): Promise<string> =>
  registerWarehouse(t, admin.token, {}, [{ materialCode: TENT, quantity: 10 }]);
/** A warehouse with an allocation for the shared incident, moved as far as `shipped` when asked. */
const allocation = async (shipped = false): Promise<string> => {
  const id = await stockedWarehouse();
  const a = (
    await t
      .post(`/api/v1/warehouses/${id}/allocations`)
      .send({ incidentId, items: [{ materialCode: TENT, quantity: 2 }] })
      .expect(201)
  ).body.allocationId;
  if (shipped) await t.post(`/api/v1/warehouses/${id}/allocations/${a}/ship`).send({}).expect(200);
  return `/api/v1/warehouses/${id}/allocations/${a}`;
};

/** One real alarm in the city's county (an overdue report raised by the alarm watch), shared by the alarm cells. */
let alarmId: Promise<string> | undefined;
const countyAlarm = (): Promise<string> => (alarmId ??= overdueDeadlineAlarm(t, '640521').then((a) => a.id));
// A park enterprise's reading past 高高报: the monitoring alarm the context and the intake draft are about.
let monitoringAlarmId: Promise<string> | undefined;
const parkMonitoringAlarm = (): Promise<string> =>
  (monitoringAlarmId ??= highHighAlarm(t, admin.token, { sensorCode: 'LT-MATRIX' }).then((c) => c.alarm.id));

/** 专家库与会商: a fresh expert of the city; a fresh incident with that expert invited (by the city commander). */
const newExpert = (): Promise<string> => registerExpert(t, admin.token);
const pendingConsultation = async (): Promise<string> => {
  const [incident, expert] = [await reportIncident(), await newExpert()];
  await t.post(`/api/v1/incidents/${incident}/experts`).send({ expertId: expert, topic: '会商' }).expect(201);
  return `/api/v1/incidents/${incident}/experts/${expert}`;
};
/** The expert the next `POST /incidents/:id/experts` of the matrix invites (set by its `path`). */
let invitedExpert = '';
const newShelter = (): Promise<string> => registerShelter(t, admin.token);

let activationPlan = '';
const newPlan = (): Promise<string> => draftPlan(t, admin.token);
const reviewedPlan = async (): Promise<string> => {
  const id = await newPlan();
  await t.post(`/api/v1/plans/${id}/reviews`, admin.token).send(reviewBody()).expect(201);
  return id;
};
const inForcePlan = (): Promise<string> => publishedPlan(t, admin.token);
/** A fresh incident with an activated plan: the path of its first checklist task. */
const openTask = async (): Promise<string> => {
  const id = await reportIncident();
  const body = (
    await t
      .post(`/api/v1/incidents/${id}/plan-activations`)
      .send({ planId: await inForcePlan(), level: 'IV' })
      .expect(201)
  ).body;
  return `/api/v1/incidents/${id}/tasks/${body.tasks[0].taskId}`;
};

const HOUR = 3_600_000;
const shiftBody = (jurisdiction: string, start: number, end: number) => ({
  jurisdiction,
  leader: { name: '带班领导' },
  officers: [{ name: '值班员' }],
  startsAt: new Date(start).toISOString(),
  endsAt: new Date(end).toISOString(),
});
/** Each scheduling cell gets its own future day in the city's watch, so no two overlap. */
let shiftSlot = 0;
const futureShift = () => {
  const start = Date.now() + ++shiftSlot * 72 * HOUR;
  return shiftBody('640500', start, start + 12 * HOUR);
};
/** Each handover cell needs a watch with a shift on duty and a next one: a fresh jurisdiction below the city per cell. */
const HANDOVER_JURISDICTIONS = [
  '640502',
  '640522',
  '640571',
  '640572',
  '640502100',
  '640502101',
  '640522100',
  '640521100',
];
let handoverJurisdiction = '';
const watchReady = async (): Promise<string> => {
  handoverJurisdiction = HANDOVER_JURISDICTIONS.shift()!;
  const now = Date.now();
  await t
    .post('/api/v1/duty/shifts')
    .send(shiftBody(handoverJurisdiction, now - HOUR, now + 11 * HOUR))
    .expect(201);
  await t
    .post('/api/v1/duty/shifts')
    .send(shiftBody(handoverJurisdiction, now + 11 * HOUR, now + 23 * HOUR))
    .expect(201);
  return '/api/v1/duty/handovers';
};
/** A handover pending in a fresh watch whose next shift names the acting user: the one who may accept it. */
const pendingHandover = async (actingUser: TestUser, role: Role): Promise<string> => {
  // A refused role never reaches the handover: any well-formed id will do.
  if (!WATCH.includes(role)) return `/api/v1/duty/handovers/${randomUUID()}/accept`;
  const jurisdiction = HANDOVER_JURISDICTIONS.shift()!;
  const now = Date.now();
  await t
    .post('/api/v1/duty/shifts')
    .send(shiftBody(jurisdiction, now - HOUR, now + 11 * HOUR))
    .expect(201);
  await t
    .post('/api/v1/duty/shifts')
    .send({
      ...shiftBody(jurisdiction, now + 11 * HOUR, now + 23 * HOUR),
      officers: [{ name: '接班员', userId: actingUser.id }],
    })
    .expect(201);
  const handover = await t.post('/api/v1/duty/handovers').send({ jurisdiction, note: '矩阵测试' }).expect(201);
  return `/api/v1/duty/handovers/${handover.body.id}/accept`;
};
const rollCall = async (): Promise<string> =>
  (
    await t
      .post('/api/v1/duty/roll-calls')
      .send({ jurisdictions: ['640521'] })
      .expect(201)
  ).body.id;

const warningBody = (drillId?: string) => ({
  level: 'yellow',
  hazard: '大风',
  jurisdiction: '640500',
  area: { description: '矩阵测试区域' },
  message: `矩阵测试预警 ${randomUUID().slice(0, 6)}`,
  effective: new Date().toISOString(),
  expires: new Date(Date.now() + 6 * 3_600_000).toISOString(),
  ...(drillId ? { drillId } : {}),
});
/** A fresh warning (real, or of a drill) issued by the city commander, so each cell adjusts or lifts its own. */
const newWarning = async (drill = false): Promise<string> =>
  (
    await t
      .post('/api/v1/warnings')
      .send(warningBody(drill ? await warningDrill() : undefined))
      .expect(201)
  ).body.id;
/** Drill warnings name a running drill of the city (a made-up drill id is refused); one serves every cell. */
let warningDrillId = '';
const warningDrill = async (): Promise<string> => (warningDrillId ||= await runningDrill());

/** A fresh replay of the shared incident at ×1, started by the city commander (replays live in memory). */
const REPLAY_RUNNERS: Role[] = ['commander', 'drill_coordinator'];
/** Started by the acting user when its role may start one: only a replay's starter steers it (attack-scope). */
const newReplay = async (actingUser?: TestUser, role?: Role): Promise<string> => {
  const starter = actingUser && role && REPLAY_RUNNERS.includes(role) ? actingUser.token : undefined;
  return (await t.post('/api/v1/replays', starter).send({ incidentId, speed: 1 }).expect(201)).body.replayId;
};
let seekAt = '';

/** Drills are run by a drill coordinator of the city; each cell gets its own drill in the state it needs. */
let coordinatorToken = '';
const coordinator = async (): Promise<string> => (coordinatorToken ||= (await t.user(['drill_coordinator'])).token);
const drillBody = () => ({
  title: `矩阵测试演练 ${randomUUID().slice(0, 6)}`,
  form: 'tabletop',
  scope: 'single',
  jurisdiction: '640500',
});
const newDrill = async (): Promise<string> =>
  (
    await t
      .post('/api/v1/drills', await coordinator())
      .send(drillBody())
      .expect(201)
  ).body.id;
const runningDrill = async (): Promise<string> => {
  const id = await newDrill();
  await t
    .post(`/api/v1/drills/${id}/start`, await coordinator())
    .send({})
    .expect(200);
  return id;
};
/** A drill that has run and ended: scores and the evaluators' conclusion wait for the end. */
const endedDrill = async (): Promise<string> => {
  const id = await runningDrill();
  await t
    .post(`/api/v1/drills/${id}/end`, await coordinator())
    .send({})
    .expect(200);
  return id;
};
let drillIncident = '';
/** A running drill with a drill incident reported by hand (无脚本注入), for simulated dispatches and allocations. */
const drillWithIncident = async (): Promise<string> => {
  const id = await runningDrill();
  const body = (
    await t
      .post(`/api/v1/drills/${id}/injects`, await coordinator())
      .send({ kind: 'report_incident', payload: incidentBody() })
      .expect(201)
  ).body;
  drillIncident = body.injects.at(-1).incidentId;
  return id;
};
let drillTeam = '';
let drillWarehouse = '';
/** A running live drill (实战演练), for taking real teams in and recalling them. */
const runningLiveDrill = async (): Promise<string> => {
  const id = (
    await t
      .post('/api/v1/drills', await coordinator())
      .send({ ...drillBody(), form: 'live' })
      .expect(201)
  ).body.id;
  await t
    .post(`/api/v1/drills/${id}/start`, await coordinator())
    .send({})
    .expect(200);
  return id;
};
/** A running live drill with a fresh real team taken into it: the path of that team's recall. */
const teamInLiveDrill = async (): Promise<string> => {
  const [id, teamId] = [await runningLiveDrill(), await newTeam()];
  await t
    .post(`/api/v1/drills/${id}/teams`, await coordinator())
    .send({ teamId })
    .expect(201);
  return `/api/v1/drills/${id}/teams/${teamId}`;
};

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /incidents',
    allowed: WATCH,
    method: 'POST',
    path: async () => '/api/v1/incidents',
    body: () => incidentBody(),
    ok: 201,
  },
  {
    name: 'POST /plans',
    allowed: ['admin'],
    method: 'POST',
    path: async () => '/api/v1/plans',
    body: () => planBody(),
    ok: 201,
  },
  {
    name: 'PUT /plans/:id',
    allowed: ['admin'],
    method: 'PUT',
    path: async () => `/api/v1/plans/${await newPlan()}`,
    body: () => planBody(),
    ok: 200,
  },
  {
    name: 'POST /plans/:id/publish',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/plans/${await reviewedPlan()}/publish`,
    ok: 200,
  },
  {
    name: 'POST /plans/:id/reviews',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/plans/${await newPlan()}/reviews`,
    body: () => reviewBody(),
    ok: 201,
  },
  {
    name: 'POST /plans/:id/evaluations',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/plans/${await inForcePlan()}/evaluations`,
    body: () => ({
      evaluatedOn: new Date().toISOString(),
      conclusion: 'no_revision',
      summary: '继续有效',
      evaluators: ['预案科'],
    }),
    ok: 201,
  },
  {
    name: 'POST /plans/:id/filings',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/plans/${await inForcePlan()}/filings`,
    body: () => ({ authority: '自治区应急管理厅', filedAt: new Date().toISOString() }),
    ok: 201,
  },
  {
    name: 'POST /plans/:id/retire',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/plans/${await newPlan()}/retire`,
    ok: 200,
  },
  {
    name: 'GET /statistics',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/statistics?groupBy=category',
    ok: 200,
  },
  { name: 'GET /compliance', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/compliance', ok: 200 },
  {
    name: 'GET /compliance/obligations',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/compliance/obligations',
    ok: 200,
  },
  { name: 'GET /plans', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/plans', ok: 200 },
  {
    name: 'GET /plans/governance',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/plans/governance',
    ok: 200,
  },
  {
    name: 'GET /plans/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/plans/${await newPlan()}`,
    ok: 200,
  },
  {
    name: 'GET /plans/:id/versions/:v',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/plans/${await newPlan()}/versions/1`,
    ok: 200,
  },
  {
    name: 'POST /incidents/:id/plan-activations',
    allowed: ['commander'],
    method: 'POST',
    path: async () => {
      activationPlan = await inForcePlan();
      return `/api/v1/incidents/${await reportIncident()}/plan-activations`;
    },
    body: () => ({ planId: activationPlan, level: 'IV' }),
    ok: 201,
  },
  {
    name: 'GET /incidents/:id/plan-suggestions',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/incidents/${incidentId}/plan-suggestions`,
    ok: 200,
  },
  {
    name: 'POST /incidents/:id/tasks/:t/complete',
    allowed: WATCH,
    method: 'POST',
    path: async () => `${await openTask()}/complete`,
    body: () => ({ note: '已完成' }),
    ok: 200,
  },
  {
    name: 'POST /incidents/:id/updates',
    allowed: WATCH,
    method: 'POST',
    path: async () => `/api/v1/incidents/${incidentId}/updates`,
    body: () => ({ measures: `设置警戒区 ${randomUUID()}` }),
    ok: 200,
  },
  // Each close gets its own open incident, so an allowed close never depends on the order cells run in.
  {
    name: 'POST /incidents/:id/close',
    allowed: ['commander'],
    method: 'POST',
    path: async () => `/api/v1/incidents/${await reportIncident()}/close`,
    body: () => ({ summary: '险情排除，结案' }),
    ok: 200,
  },
  {
    name: 'POST /incidents/:id/end-response',
    allowed: ['commander'],
    method: 'POST',
    path: async () => `/api/v1/incidents/${await reportIncident()}/end-response`,
    body: () => ({ summary: '险情排除，响应终止' }),
    ok: 200,
  },
  {
    name: 'POST /incidents/:id/notifications',
    allowed: WATCH,
    method: 'POST',
    path: async () => `/api/v1/incidents/${incidentId}/notifications`,
    body: () => ({ party: 'trade_union', channel: '电话' }),
    ok: 201,
  },
  // 核销 is a decision: commanders only. Each allowed call writes off a fresh incident's first notification.
  {
    name: 'POST /incidents/:id/obligations/:obligationId/write-off',
    allowed: ['commander'],
    method: 'POST',
    path: async () =>
      `/api/v1/incidents/${await reportIncident()}/obligations/${encodeURIComponent('notification:government:1')}/write-off`,
    body: () => ({ reason: '矩阵测试' }),
    ok: 200,
  },
  {
    name: 'POST /incidents/:id/response-level',
    allowed: ['commander'],
    method: 'POST',
    path: async () => `/api/v1/incidents/${await reportIncident()}/response-level`,
    body: () => ({ level: 'III', reason: '矩阵测试' }),
    ok: 200,
  },
  {
    name: 'POST /incidents/:id/reports',
    allowed: WATCH,
    method: 'POST',
    path: async () => `/api/v1/incidents/${incidentId}/reports`,
    body: () => ({ toLevel: 'city', channel: '电话' }),
    ok: 201,
  },
  { name: 'GET /incidents', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/incidents', ok: 200 },
  {
    name: 'GET /incidents/nearby',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/incidents/nearby?lat=37.53&lng=105.14',
    ok: 200,
  },
  {
    name: 'GET /gazetteer',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/gazetteer?q=${encodeURIComponent('镇')}`,
    ok: 200,
  },
  {
    name: 'GET /incidents/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/incidents/${incidentId}`,
    ok: 200,
  },
  {
    name: 'GET /incidents/:id/timeline',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/incidents/${incidentId}/timeline`,
    ok: 200,
  },
  {
    name: 'GET /incidents/:id/timeline/page',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/incidents/${incidentId}/timeline/page?limit=5`,
    ok: 200,
  },
  {
    name: 'GET /incidents/:id/account',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/incidents/${incidentId}/account`,
    ok: 200,
  },
  {
    name: 'GET /incidents/:id/report-text',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/incidents/${incidentId}/report-text`,
    ok: 200,
  },
  {
    name: 'GET /incidents/:id/state',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/incidents/${incidentId}/state?at=${encodeURIComponent(new Date().toISOString())}`,
    ok: 200,
  },
  {
    name: 'POST /replays',
    allowed: REPLAY_RUNNERS,
    method: 'POST',
    path: async () => '/api/v1/replays',
    body: () => ({ incidentId, speed: 1 }),
    ok: 201,
  },
  {
    name: 'GET /replays/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/replays/${await newReplay()}`,
    ok: 200,
  },
  {
    name: 'POST /replays/:id/pause',
    allowed: REPLAY_RUNNERS,
    method: 'POST',
    path: async (actingUser, role) => `/api/v1/replays/${await newReplay(actingUser, role)}/pause`,
    ok: 200,
  },
  {
    name: 'POST /replays/:id/resume',
    allowed: REPLAY_RUNNERS,
    method: 'POST',
    path: async (actingUser, role) => `/api/v1/replays/${await newReplay(actingUser, role)}/resume`,
    ok: 200,
  },
  {
    name: 'POST /replays/:id/speed',
    allowed: REPLAY_RUNNERS,
    method: 'POST',
    path: async (actingUser, role) => `/api/v1/replays/${await newReplay(actingUser, role)}/speed`,
    body: () => ({ speed: 50 }),
    ok: 200,
  },
  {
    name: 'POST /replays/:id/seek',
    allowed: REPLAY_RUNNERS,
    method: 'POST',
    ok: 200,
    body: () => ({ at: seekAt }),
    path: async (actingUser, role) => {
      const id = await newReplay(actingUser, role);
      seekAt = (await t.get(`/api/v1/replays/${id}`).expect(200)).body.from;
      return `/api/v1/replays/${id}/seek`;
    },
  },
  {
    name: 'GET /incidents/:id/events',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/incidents/${incidentId}/events`,
    ok: 200,
  },
  { name: 'GET /jurisdictions', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/jurisdictions', ok: 200 },
  {
    name: 'POST /auth/logout',
    allowed: EVERYONE,
    method: 'POST',
    path: async () => '/api/v1/auth/logout',
    freshSession: true,
    ok: 204,
  },
  {
    name: 'POST /auth/password',
    allowed: EVERYONE,
    method: 'POST',
    path: async () => '/api/v1/auth/password',
    ok: 204,
    body: (u) => {
      const next = `matrix-pw-${randomUUID()}`;
      const body = { currentPassword: u.password, newPassword: next };
      u.password = next; // every role may change its own password, so the call below succeeds
      return body;
    },
  },
  {
    name: 'POST /users',
    allowed: ['admin'],
    method: 'POST',
    path: async () => '/api/v1/users',
    ok: 201,
    body: () => ({
      username: `m${randomUUID().slice(0, 8)}`,
      password: 'correct horse battery',
      displayName: '矩阵测试',
      roles: ['viewer'],
      jurisdiction: '640500',
    }),
  },
  { name: 'GET /users', allowed: ['admin'], method: 'GET', path: async () => '/api/v1/users', ok: 200 },
  {
    name: 'POST /users/:id/disable',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/users/${(await t.user(['viewer'])).id}/disable`,
    body: () => ({}),
    ok: 200,
  },
  {
    name: 'PATCH /users/:id',
    allowed: ['admin'],
    method: 'PATCH',
    path: async () => `/api/v1/users/${(await t.user(['viewer'])).id}`,
    body: () => ({ roles: ['duty_officer'] }),
    ok: 200,
  },
  {
    name: 'POST /users/:id/enable',
    allowed: ['admin'],
    method: 'POST',
    body: () => ({}),
    ok: 200,
    path: async () => {
      const id = (await t.user(['viewer'])).id;
      await t.post(`/api/v1/users/${id}/disable`, admin.token).send({}).expect(200);
      return `/api/v1/users/${id}/enable`;
    },
  },
  {
    name: 'POST /users/:id/password-reset',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/users/${(await t.user(['viewer'])).id}/password-reset`,
    body: () => ({ newPassword: `matrix-reset-${randomUUID()}` }),
    ok: 204,
  },
  { name: 'GET /audit', allowed: ['admin'], method: 'GET', path: async () => '/api/v1/audit?limit=5', ok: 200 },
  {
    name: 'GET /audit/security',
    allowed: ['admin'],
    method: 'GET',
    path: async () => '/api/v1/audit/security?limit=5',
    ok: 200,
  },
  {
    name: 'GET /admin/projections/parked',
    allowed: ['admin'],
    method: 'GET',
    path: async () => '/api/v1/admin/projections/parked',
    ok: 200,
  },
  {
    name: 'POST /admin/projections/:name/parked/:eventId/retry',
    allowed: ['admin'],
    method: 'POST',
    ok: 200,
    path: async () => `/api/v1/admin/projections/dispatch-process/parked/${await parkedIncidentClosed(t)}/retry`,
  },
  { name: 'GET /teams', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/teams', ok: 200 },
  {
    name: 'GET /teams/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/teams/${await newTeam()}`,
    ok: 200,
  },
  {
    name: 'POST /teams',
    allowed: ['admin'],
    method: 'POST',
    path: async () => '/api/v1/teams',
    body: cityTeam,
    ok: 201,
  },
  {
    name: 'PATCH /teams/:id',
    allowed: ['admin'],
    method: 'PATCH',
    path: async () => `/api/v1/teams/${await newTeam()}`,
    body: () => ({ headcount: 9 }),
    ok: 200,
  },
  {
    name: 'POST /enterprises',
    allowed: ['admin'],
    method: 'POST',
    path: async () => '/api/v1/enterprises',
    body: () => enterpriseBody({ jurisdiction: '640500' }),
    ok: 201,
  },
  {
    name: 'GET /enterprises',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/enterprises',
    ok: 200,
  },
  {
    name: 'GET /enterprises/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/enterprises/${await newEnterprise()}`,
    ok: 200,
  },
  {
    name: 'PATCH /enterprises/:id',
    allowed: ['admin'],
    method: 'PATCH',
    path: async () => `/api/v1/enterprises/${await newEnterprise()}`,
    body: () => ({ address: '中卫市沙坡头区（变更后，虚构地址）' }),
    ok: 200,
  },
  {
    name: 'POST /enterprises/:id/device-keys',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/enterprises/${await newEnterprise()}/device-keys`,
    body: () => ({ label: '网关' }),
    ok: 201,
  },
  {
    name: 'GET /enterprises/:id/device-keys',
    allowed: ['admin'],
    method: 'GET',
    path: async () => `/api/v1/enterprises/${await newEnterprise()}/device-keys`,
    ok: 200,
  },
  {
    name: 'DELETE /enterprises/:id/device-keys/:keyId',
    allowed: ['admin'],
    method: 'DELETE',
    path: async () => {
      const id = await newEnterprise();
      return `/api/v1/enterprises/${id}/device-keys/${(await issueDeviceKey(t, admin.token, id)).keyId}`;
    },
    ok: 204,
  },
  {
    name: 'POST /experts',
    allowed: ['admin'],
    method: 'POST',
    path: async () => '/api/v1/experts',
    body: () => expertBody(),
    ok: 201,
  },
  {
    name: 'GET /experts',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/experts',
    ok: 200,
  },
  {
    name: 'GET /experts/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/experts/${await newExpert()}`,
    ok: 200,
  },
  {
    name: 'PATCH /experts/:id',
    allowed: ['admin'],
    method: 'PATCH',
    path: async () => `/api/v1/experts/${await newExpert()}`,
    body: () => ({ title: '高级工程师' }),
    ok: 200,
  },
  {
    name: 'POST /experts/:id/withdraw',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/experts/${await newExpert()}/withdraw`,
    body: () => ({ reason: '本人申请' }),
    ok: 200,
  },
  {
    name: 'POST /incidents/:id/experts',
    allowed: WATCH,
    method: 'POST',
    path: async () => {
      invitedExpert = await newExpert();
      return `/api/v1/incidents/${await reportIncident()}/experts`;
    },
    body: () => ({ expertId: invitedExpert, mode: 'remote', topic: '会商' }),
    ok: 201,
  },
  {
    name: 'GET /incidents/:id/experts',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/incidents/${incidentId}/experts`,
    ok: 200,
  },
  {
    name: 'POST /incidents/:id/experts/:expertId/accept',
    allowed: WATCH,
    method: 'POST',
    path: async () => `${await pendingConsultation()}/accept`,
    ok: 200,
  },
  {
    name: 'POST /incidents/:id/experts/:expertId/decline',
    allowed: WATCH,
    method: 'POST',
    path: async () => `${await pendingConsultation()}/decline`,
    body: () => ({ note: '出差' }),
    ok: 200,
  },
  {
    name: 'GET /incidents/:id/expert-recommendations',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/incidents/${incidentId}/expert-recommendations`,
    ok: 200,
  },
  {
    name: 'POST /shelters',
    allowed: ['admin'],
    method: 'POST',
    path: async () => '/api/v1/shelters',
    body: () => shelterBody(),
    ok: 201,
  },
  {
    name: 'GET /shelters',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/shelters',
    ok: 200,
  },
  {
    name: 'GET /shelters/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/shelters/${await newShelter()}`,
    ok: 200,
  },
  {
    name: 'PATCH /shelters/:id',
    allowed: ['admin'],
    method: 'PATCH',
    path: async () => `/api/v1/shelters/${await newShelter()}`,
    body: () => ({ capacity: 1200 }),
    ok: 200,
  },
  {
    name: 'POST /shelters/:id/occupancy',
    allowed: WATCH,
    method: 'POST',
    path: async () => `/api/v1/shelters/${await newShelter()}/occupancy`,
    body: () => ({ occupants: 80, incidentId }),
    ok: 200,
  },
  {
    name: 'GET /shelters/:id/occupancy',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/shelters/${await newShelter()}/occupancy`,
    ok: 200,
  },
  {
    name: 'GET /incidents/:id/shelter-recommendations',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/incidents/${incidentId}/shelter-recommendations`,
    ok: 200,
  },
  {
    name: 'POST /hazard-sources',
    allowed: ['admin'],
    method: 'POST',
    path: async () => {
      hazardEnterprise = await newEnterprise();
      return '/api/v1/hazard-sources';
    },
    body: () => ammoniaTankFarm(hazardEnterprise),
    ok: 201,
  },
  {
    name: 'GET /hazard-sources',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/hazard-sources',
    ok: 200,
  },
  {
    name: 'GET /hazard-sources/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/hazard-sources/${await newHazardSource()}`,
    ok: 200,
  },
  {
    name: 'GET /hazard-sources/:id/history',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/hazard-sources/${await newHazardSource()}/history`,
    ok: 200,
  },
  {
    name: 'PATCH /hazard-sources/:id',
    allowed: ['admin'],
    method: 'PATCH',
    path: async () => `/api/v1/hazard-sources/${await newHazardSource()}`,
    body: () => ({ exposedPopulation: 40 }),
    ok: 200,
  },
  {
    name: 'POST /hazard-sources/:id/retire',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/hazard-sources/${await newHazardSource()}/retire`,
    body: () => ({ reason: '装置拆除' }),
    ok: 200,
  },
  // 隐患排查治理: duty officers, commanders and admins record and report rectification; commanders supervise (挂牌督办),
  // accept (验收) and close (销号).
  {
    name: 'POST /hidden-hazards',
    allowed: [...WATCH, 'admin'],
    method: 'POST',
    path: async () => {
      hazardEnterprise = await newEnterprise();
      return '/api/v1/hidden-hazards';
    },
    body: () => hiddenHazardBody(hazardEnterprise, new Date()),
    ok: 201,
  },
  {
    name: 'GET /hidden-hazards',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/hidden-hazards',
    ok: 200,
  },
  {
    name: 'GET /hidden-hazards/summary',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/hidden-hazards/summary?groupBy=jurisdiction',
    ok: 200,
  },
  {
    name: 'GET /hidden-hazards/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/hidden-hazards/${await newHiddenHazard()}`,
    ok: 200,
  },
  {
    name: 'POST /hidden-hazards/:id/supervise',
    allowed: ['commander'],
    method: 'POST',
    path: async () => `/api/v1/hidden-hazards/${await newHiddenHazard(true)}/supervise`,
    body: () => ({ level: 'city' }),
    ok: 200,
  },
  {
    name: 'POST /hidden-hazards/:id/rectify',
    allowed: [...WATCH, 'admin'],
    method: 'POST',
    path: async () => `/api/v1/hidden-hazards/${await newHiddenHazard()}/rectify`,
    body: () => ({ note: '整改完成' }),
    ok: 200,
  },
  {
    name: 'POST /hidden-hazards/:id/verify',
    allowed: ['commander'],
    method: 'POST',
    path: async () => `/api/v1/hidden-hazards/${await rectifiedHiddenHazard()}/verify`,
    body: () => ({ passed: true, note: '验收通过' }),
    ok: 200,
  },
  {
    name: 'POST /hidden-hazards/:id/extend',
    allowed: ['commander'],
    method: 'POST',
    path: async () => `/api/v1/hidden-hazards/${await newHiddenHazard()}/extend`,
    body: () => ({ deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(), reason: '设备到货延迟' }),
    ok: 200,
  },
  {
    name: 'POST /hidden-hazards/:id/close',
    allowed: ['commander'],
    method: 'POST',
    path: async () => {
      const id = await rectifiedHiddenHazard();
      await t.post(`/api/v1/hidden-hazards/${id}/verify`).send({ passed: true, note: '验收通过' }).expect(200);
      return `/api/v1/hidden-hazards/${id}/close`;
    },
    ok: 200,
  },
  {
    name: 'POST /teams/:id/dispatch',
    allowed: ['commander'],
    method: 'POST',
    path: async () => `/api/v1/teams/${await newTeam()}/dispatch`,
    body: () => ({ incidentId }),
    ok: 201,
  },
  {
    name: 'POST /teams/:id/status',
    allowed: WATCH,
    method: 'POST',
    path: async () => `/api/v1/teams/${await dispatchedTeam()}/status`,
    body: () => ({ status: 'en_route' }),
    ok: 200,
  },
  { name: 'GET /materials', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/materials', ok: 200 },
  { name: 'GET /warehouses', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/warehouses', ok: 200 },
  {
    name: 'GET /warehouses/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/warehouses/${await stockedWarehouse()}`,
    ok: 200,
  },
  { name: 'GET /availability', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/availability', ok: 200 },
  {
    name: 'GET /incidents/:id/recommendations',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/incidents/${incidentId}/recommendations`,
    ok: 200,
  },
  {
    name: 'POST /warehouses',
    allowed: ['admin'],
    method: 'POST',
    path: async () => '/api/v1/warehouses',
    body: () => warehouseBody(),
    ok: 201,
  },
  {
    name: 'POST /warehouses/:id/receipts',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/warehouses/${await stockedWarehouse()}/receipts`,
    body: () => ({ items: [{ materialCode: TENT, quantity: 1 }] }),
    ok: 201,
  },
  {
    name: 'POST /warehouses/:id/counts',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/warehouses/${await stockedWarehouse()}/counts`,
    body: () => ({ materialCode: TENT, counted: 9, reason: '盘点' }),
    ok: 200,
  },
  {
    name: 'POST /warehouses/:id/minimums',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/warehouses/${await stockedWarehouse()}/minimums`,
    body: () => ({ materialCode: TENT, minimum: 5 }),
    ok: 200,
  },
  {
    name: 'POST /warehouses/:id/allocations',
    allowed: ['commander'],
    method: 'POST',
    path: async () => `/api/v1/warehouses/${await stockedWarehouse()}/allocations`,
    body: () => ({ incidentId, items: [{ materialCode: TENT, quantity: 1 }] }),
    ok: 201,
  },
  {
    name: 'POST /warehouses/:id/allocations/:a/ship',
    allowed: ['commander'],
    method: 'POST',
    path: async () => `${await allocation()}/ship`,
    body: () => ({}),
    ok: 200,
  },
  {
    name: 'POST /warehouses/:id/allocations/:a/deliver',
    allowed: ['commander'],
    method: 'POST',
    path: async () => `${await allocation(true)}/deliver`,
    body: () => ({}),
    ok: 200,
  },
  {
    name: 'POST /warehouses/:id/allocations/:a/cancel',
    allowed: ['commander'],
    method: 'POST',
    path: async () => `${await allocation()}/cancel`,
    body: () => ({}),
    ok: 200,
  },
  { name: 'GET /duty/current', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/duty/current', ok: 200 },
  { name: 'GET /duty/shifts', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/duty/shifts', ok: 200 },
  {
    name: 'GET /duty/handovers',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/duty/handovers',
    ok: 200,
  },
  {
    name: 'GET /duty/roll-calls',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/duty/roll-calls',
    ok: 200,
  },
  { name: 'GET /duty/desk', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/duty/desk', ok: 200 },
  {
    // A duty officer passes the route and schedules only as the leader of the shift on duty (not this one).
    name: 'POST /duty/shifts',
    allowed: ['commander', 'admin'],
    refusedWith: { duty_officer: 'NOT_SHIFT_LEADER' },
    method: 'POST',
    path: async () => '/api/v1/duty/shifts',
    body: futureShift,
    ok: 201,
  },
  {
    name: 'POST /duty/handovers',
    allowed: WATCH,
    method: 'POST',
    path: watchReady,
    body: () => ({ jurisdiction: handoverJurisdiction, note: '矩阵测试交班' }),
    ok: 201,
  },
  {
    name: 'POST /duty/handovers/:id/accept',
    allowed: WATCH,
    method: 'POST',
    path: pendingHandover,
    ok: 200,
  },
  {
    name: 'POST /duty/roll-calls',
    allowed: ['commander'],
    method: 'POST',
    path: async () => '/api/v1/duty/roll-calls',
    body: () => ({ jurisdictions: ['640521'] }),
    ok: 201,
  },
  {
    name: 'POST /duty/roll-calls/:id/acknowledge',
    allowed: WATCH,
    as: '640521',
    method: 'POST',
    path: async () => `/api/v1/duty/roll-calls/${await rollCall()}/acknowledge`,
    body: () => ({}),
    ok: 200,
  },
  { name: 'GET /alarms', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/alarms', ok: 200 },
  {
    name: 'GET /alarms/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/alarms/${await countyAlarm()}`,
    ok: 200,
  },
  // 告警确认: the watch takes an alarm in hand (a second acknowledgement answers the first, 200).
  {
    name: 'POST /alarms/:id/acknowledge',
    allowed: WATCH,
    method: 'POST',
    path: async () => `/api/v1/alarms/${await countyAlarm()}/acknowledge`,
    body: () => ({ note: '矩阵测试确认' }),
    ok: 200,
  },
  {
    name: 'GET /alarms/:id/context',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/alarms/${await parkMonitoringAlarm()}/context`,
    ok: 200,
  },
  // 转为事故接报: a draft only (nothing filed), for those who report.
  {
    name: 'POST /alarms/:id/open-incident',
    allowed: WATCH,
    method: 'POST',
    path: async () => `/api/v1/alarms/${await parkMonitoringAlarm()}/open-incident`,
    body: () => ({}),
    ok: 200,
  },
  { name: 'GET /warnings', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/warnings', ok: 200 },
  {
    name: 'GET /warnings/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/warnings/${await newWarning()}`,
    ok: 200,
  },
  {
    name: 'GET /warnings/:id/cap',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/warnings/${await newWarning()}/cap`,
    ok: 200,
  },
  {
    name: 'POST /warnings',
    allowed: WATCH,
    method: 'POST',
    path: async () => '/api/v1/warnings',
    body: () => warningBody(),
    ok: 201,
  },
  {
    name: 'POST /warnings/:id/updates',
    allowed: WATCH,
    method: 'POST',
    path: async () => `/api/v1/warnings/${await newWarning()}/updates`,
    body: () => ({ level: 'orange' }),
    ok: 200,
  },
  {
    name: 'POST /warnings/:id/lift',
    allowed: WATCH,
    method: 'POST',
    path: async () => `/api/v1/warnings/${await newWarning()}/lift`,
    body: () => ({ reason: '矩阵测试解除' }),
    ok: 200,
  },
  // Drill warnings (drillId set): drill coordinators too.
  {
    name: 'POST /warnings (drill)',
    allowed: [...WATCH, 'drill_coordinator'],
    method: 'POST',
    path: async () => {
      await warningDrill();
      return '/api/v1/warnings';
    },
    body: () => warningBody(warningDrillId),
    ok: 201,
  },
  {
    name: 'POST /warnings/:id/updates (drill)',
    allowed: [...WATCH, 'drill_coordinator'],
    method: 'POST',
    path: async () => `/api/v1/warnings/${await newWarning(true)}/updates`,
    body: () => ({ level: 'orange' }),
    ok: 200,
  },
  { name: 'GET /drills', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/drills', ok: 200 },
  {
    name: 'GET /drills/:id/evaluation',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/drills/${await newDrill()}/evaluation`,
    ok: 200,
  },
  {
    name: 'GET /drills/:id/evaluation/report',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/drills/${await newDrill()}/evaluation/report`,
    ok: 200,
  },
  {
    name: 'GET /drills/:id/evaluation/document',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/drills/${await newDrill()}/evaluation/document`,
    ok: 200,
  },
  {
    name: 'POST /drills/:id/evaluation/conclusion',
    allowed: ['drill_coordinator'],
    method: 'POST',
    path: async () => `/api/v1/drills/${await endedDrill()}/evaluation/conclusion`,
    body: () => ({ text: '演练达到预期目的' }),
    ok: 201,
  },
  {
    name: 'POST /drills/:id/evaluation/rubric',
    allowed: ['drill_coordinator'],
    method: 'POST',
    path: async () => `/api/v1/drills/${await newDrill()}/evaluation/rubric`,
    body: () => ({ aspects: [{ key: 'speed', label: '响应速度', weight: 1, maxScore: 10 }] }),
    ok: 200,
  },
  {
    name: 'POST /drills/:id/evaluation/scores',
    allowed: ['drill_coordinator'],
    method: 'POST',
    path: async () => `/api/v1/drills/${await endedDrill()}/evaluation/scores`,
    body: () => ({ scores: [{ aspect: 'plan_fitness', score: 80 }] }),
    ok: 201,
  },
  {
    name: 'POST /drills/:id/evaluation/findings',
    allowed: ['drill_coordinator'],
    method: 'POST',
    path: async () => `/api/v1/drills/${await newDrill()}/evaluation/findings`,
    body: () => ({ text: '警戒区划定偏慢' }),
    ok: 201,
  },
  {
    name: 'GET /drills/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/drills/${await newDrill()}`,
    ok: 200,
  },
  { name: 'GET /scenarios', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/scenarios', ok: 200 },
  {
    name: 'POST /drills',
    allowed: ['drill_coordinator'],
    method: 'POST',
    path: async () => '/api/v1/drills',
    body: drillBody,
    ok: 201,
  },
  {
    name: 'POST /scenarios',
    allowed: ['drill_coordinator'],
    method: 'POST',
    path: async () => '/api/v1/scenarios',
    ok: 201,
    body: () => ({
      name: `矩阵测试情景 ${randomUUID().slice(0, 6)}`,
      jurisdiction: '640500',
      injects: [{ atSecond: 0, kind: 'message', payload: { text: '演练开始' } }],
    }),
  },
  {
    name: 'POST /drills/:id/start',
    allowed: ['drill_coordinator'],
    method: 'POST',
    path: async () => `/api/v1/drills/${await newDrill()}/start`,
    ok: 200,
  },
  {
    name: 'POST /drills/:id/end',
    allowed: ['drill_coordinator'],
    method: 'POST',
    path: async () => `/api/v1/drills/${await runningDrill()}/end`,
    ok: 200,
  },
  {
    name: 'POST /drills/:id/injects',
    allowed: ['drill_coordinator'],
    method: 'POST',
    path: async () => `/api/v1/drills/${await runningDrill()}/injects`,
    body: () => ({ kind: 'message', payload: { text: '情况通报' } }),
    ok: 201,
  },
  {
    name: 'POST /drills/:id/dispatches',
    allowed: ['commander', 'drill_coordinator'],
    method: 'POST',
    ok: 201,
    body: () => ({ incidentId: drillIncident, teamId: drillTeam }),
    path: async () => {
      drillTeam = await newTeam();
      return `/api/v1/drills/${await drillWithIncident()}/dispatches`;
    },
  },
  {
    name: 'POST /drills/:id/arrivals',
    allowed: ['commander', 'drill_coordinator'],
    method: 'POST',
    ok: 201,
    body: () => ({ incidentId: drillIncident, teamId: drillTeam }),
    path: async () => {
      drillTeam = await newTeam();
      const id = await drillWithIncident();
      await t
        .post(`/api/v1/drills/${id}/dispatches`, await coordinator())
        .send({ incidentId: drillIncident, teamId: drillTeam })
        .expect(201);
      return `/api/v1/drills/${id}/arrivals`;
    },
  },
  {
    name: 'POST /drills/:id/allocations',
    allowed: ['commander', 'drill_coordinator'],
    method: 'POST',
    ok: 201,
    body: () => ({
      incidentId: drillIncident,
      warehouseId: drillWarehouse,
      items: [{ materialCode: TENT, quantity: 3 }],
    }),
    path: async () => {
      drillWarehouse = await stockedWarehouse();
      return `/api/v1/drills/${await drillWithIncident()}/allocations`;
    },
  },
  {
    name: 'POST /drills/:id/teams',
    allowed: ['drill_coordinator'],
    method: 'POST',
    ok: 201,
    body: () => ({ teamId: drillTeam }),
    path: async () => {
      drillTeam = await newTeam();
      return `/api/v1/drills/${await runningLiveDrill()}/teams`;
    },
  },
  {
    name: 'POST /drills/:id/teams/:teamId/recall',
    allowed: ['commander', 'drill_coordinator'],
    method: 'POST',
    path: async () => `${await teamInLiveDrill()}/recall`,
    ok: 200,
  },
  {
    name: 'POST /warnings/:id/lift (drill)',
    allowed: [...WATCH, 'drill_coordinator'],
    method: 'POST',
    path: async () => `/api/v1/warnings/${await newWarning(true)}/lift`,
    body: () => ({ reason: '演练结束' }),
    ok: 200,
  },
  {
    name: 'GET /hazard-sources/:id/sensors',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/hazard-sources/${await hazardSource()}/sensors`,
    ok: 200,
  },
  // 登记传感器、修改阈值、停用: admins keep the sensor register like the other registers.
  {
    name: 'POST /hazard-sources/:id/sensors',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/hazard-sources/${await hazardSource()}/sensors`,
    body: () => sensorBody(`M-${randomUUID().slice(0, 8)}`),
    ok: 201,
  },
  {
    name: 'GET /monitoring/sensors/:id',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/monitoring/sensors/${await newSensor()}`,
    ok: 200,
  },
  {
    name: 'GET /monitoring/sensors/:id/readings',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => `/api/v1/monitoring/sensors/${await newSensor()}/readings`,
    ok: 200,
  },
  {
    name: 'PATCH /monitoring/sensors/:id',
    allowed: ['admin'],
    method: 'PATCH',
    path: async () => `/api/v1/monitoring/sensors/${await newSensor()}`,
    body: () => ({ thresholds: { high: 7, highHigh: 9 } }),
    ok: 200,
  },
  {
    name: 'POST /monitoring/sensors/:id/retire',
    allowed: ['admin'],
    method: 'POST',
    path: async () => `/api/v1/monitoring/sensors/${await newSensor()}/retire`,
    body: () => ({ reason: '矩阵测试停用' }),
    ok: 200,
  },
  {
    name: 'GET /monitoring/online-rate',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/monitoring/online-rate',
    ok: 200,
  },
  {
    name: 'PUT /targets/:jurisdiction/:year',
    allowed: ['commander', 'admin'],
    method: 'PUT',
    path: async () => '/api/v1/targets/640500/2026',
    body: () => ({ targets: [{ indicator: 'deaths', kind: 'ceiling', value: 12 }], denominators: {} }),
    ok: 200,
  },
  {
    name: 'GET /targets/:jurisdiction/:year',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/targets/640500/2026',
    ok: 200,
  },
  {
    name: 'GET /statistics/targets',
    allowed: EVERYONE,
    method: 'GET',
    path: async () => '/api/v1/statistics/targets?year=2026',
    ok: 200,
  },
];

// 在线监测: one monitored enterprise (in the city's industrial park) for every monitoring cell, sensors made per cell.
let monitoredHazardSource: Promise<string> | undefined;
const hazardSource = (): Promise<string> =>
  (monitoredHazardSource ??= monitoredEnterprise(t, admin.token).then((m) => m.hazardSourceId));
const newSensor = async (): Promise<string> =>
  (await registerSensor(t, admin.token, await hazardSource(), sensorBody(`M-${randomUUID().slice(0, 8)}`))).id;

// 隐患: each cell gets its own hazard on a fresh city enterprise (recorded and rectified by the admin).
const newHiddenHazard = async (major = false): Promise<string> => {
  const enterprise = await newEnterprise();
  const body = major ? majorHiddenHazardBody(enterprise, new Date()) : hiddenHazardBody(enterprise, new Date());
  return (await recordHiddenHazard(t, admin.token, body)).id;
};
const rectifiedHiddenHazard = async (): Promise<string> => {
  const id = await newHiddenHazard();
  await t.post(`/api/v1/hidden-hazards/${id}/rectify`, admin.token).send({ note: '整改完成' }).expect(200);
  return id;
};

const shape = (route: string) => route.replace(/^(\w+) \/api\/v1/, '$1 ').replace(/:[^/]+/g, ':x');

/** A revision no record reaches: sent as If-Match it must fail (412) and change nothing. */
const NO_SUCH_REVISION = '987654321';

const cells = ENDPOINTS.flatMap((endpoint) =>
  ROLES.map((role) => [endpoint.name, role, endpoint.allowed.includes(role) ? 'allowed' : 'forbidden'] as const),
);

describe('role matrix', () => {
  const users = new Map<Role, TestUser>();
  const countyUsers = new Map<Role, TestUser>();

  beforeAll(async () => {
    // Every replay cell starts its own replay as the city commander: lift the per-user replay quota (tested in attack-scope).
    t = await startTestApp({ REPLAYS_PER_USER: '32' });
    for (const role of ROLES) users.set(role, await t.user([role], '640500'));
    for (const role of ROLES) countyUsers.set(role, await t.user([role], '640521'));
    admin = users.get('admin')!;
    incidentId = await reportIncident();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Routes of controllers that take If-Match, checked once each (by the first role allowed) for a 412. */
  let ifMatchRoutes: Set<string>;
  const preconditionChecked = new Set<string>();
  const ifMatchRoute = (name: string) => {
    ifMatchRoutes ??= new Set(
      registeredRoutes(t.app)
        .filter((r) => r.ifMatch)
        .map((r) => shape(`${r.method} ${r.pattern}`)),
    );
    return ifMatchRoutes.has(shape(name));
  };

  const count = async (table: 'es_events' | 'users') =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  // Each call carries a correlation id of its own, and its trace is counted by it: a background job (a deadline or
  // overdue watch, a process manager) may append events of its own meanwhile.
  const eventsOf = async (correlationId: string) =>
    (
      await t.sql<{ n: number }>(`select count(*)::int as n from es_events where metadata->>'correlationId' = $1`, [
        correlationId,
      ])
    )[0]!.n;

  it('has a row for every route the application registered (a new endpoint must be added here)', () => {
    const listed = new Set(ENDPOINTS.map((e) => shape(e.name)));
    const missing = registeredRoutes(t.app)
      .filter((r) => !r.isPublic && !r.pattern.startsWith('/health'))
      .map((r) => shape(`${r.method} ${r.pattern}`))
      .filter((r) => !listed.has(r));
    expect(missing).toEqual([]);
    expect(cells).toHaveLength(ROLES.length * ENDPOINTS.length);
  });

  test.each(cells)('%s as %s: %s', async (name, role, expected) => {
    const endpoint = ENDPOINTS.find((e) => e.name === name)!;
    const actingUser = (endpoint.as ? countyUsers : users).get(role)!;
    const token = endpoint.freshSession ? await signInAgain(actingUser) : actingUser.token;
    const path = await endpoint.path(actingUser, role);
    const usersBefore = await count('users');
    const body = endpoint.body?.(actingUser) ?? {};
    const call = (extra: Record<string, string> = {}) => {
      const headers = { 'x-correlation-id': randomUUID(), ...extra };
      return endpoint.method === 'GET'
        ? t.get(path, token).set(headers)
        : endpoint.method === 'PUT'
          ? t.put(path, token).set(headers).send(body)
          : endpoint.method === 'PATCH'
            ? request(t.baseUrl).patch(path).set('Authorization', `Bearer ${token}`).set(headers).send(body)
            : endpoint.method === 'DELETE'
              ? request(t.baseUrl).delete(path).set('Authorization', `Bearer ${token}`).set(headers)
              : t.post(path, token).set(headers).send(body);
    };
    if (expected === 'allowed' && ifMatchRoute(name) && !preconditionChecked.has(name)) {
      // The same request on a revision the record never had: refused before anything is decided (docs/api.md).
      preconditionChecked.add(name);
      const staleCorrelation = randomUUID();
      const stale = await call({ 'If-Match': `"${NO_SUCH_REVISION}"`, 'x-correlation-id': staleCorrelation });
      expect({ status: stale.status, code: stale.body.code, expected: stale.body.details?.expectedRevision }).toEqual({
        status: 412,
        code: 'STALE_REVISION',
        expected: NO_SUCH_REVISION,
      });
      expect([await eventsOf(staleCorrelation), await count('users')]).toEqual([0, usersBefore]);
    }
    const correlationId = randomUUID();
    const response = await call({ 'x-correlation-id': correlationId });
    if (expected === 'allowed') {
      expect({ status: response.status, body: response.body }).toMatchObject({ status: endpoint.ok });
      if (endpoint.ok === 201) {
        // A 201 says where the created thing is read, and the one who created it may read it there.
        const location = String(response.headers['location']);
        expect(location).toMatch(/^\/api\/v1\//);
        const read = await t.get(location, token);
        expect({ location, status: read.status }).toEqual({ location, status: 200 });
      }
      if (endpoint.method === 'GET' && typeof response.body?.revision === 'number' && response.body.revision >= 0) {
        // A read of one record answers its revision as the strong ETag a change sends back in If-Match.
        expect(response.headers['etag']).toBe(`"${response.body.revision}"`);
      }
    } else {
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 403, code: endpoint.refusedWith?.[role] ?? 'FORBIDDEN' });
      // A refused call leaves no trace: no event, no user.
      expect([await eventsOf(correlationId), await count('users')]).toEqual([0, usersBefore]);
    }
  });

  it('roles add up: a viewer who is also a duty officer may report', async () => {
    const both = await t.user(['viewer', 'duty_officer']);
    await t.post('/api/v1/incidents', both.token).send(incidentBody()).expect(201);
  });

  it('a role taken away counts at once, even for a token issued before', async () => {
    const duty = await t.user(['duty_officer']);
    await t.post('/api/v1/incidents', duty.token).send(incidentBody()).expect(201);
    await t.sql(`update users set roles = '{viewer}' where id = $1`, [duty.id]);
    const refused = await t.post('/api/v1/incidents', duty.token).send(incidentBody());
    expect(refused.status).toBe(403);
    await t.get('/api/v1/incidents', duty.token).expect(200);
  });

  it('a refreshed token works and carries the same identity', async () => {
    const viewer = await t.user(['viewer']);
    const login = await request(t.baseUrl)
      .post('/api/v1/auth/login')
      .send({ username: viewer.username, password: viewer.password })
      .expect(200);
    const { body } = await request(t.baseUrl)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: login.body.refreshToken })
      .expect(200);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    await t.get('/api/v1/incidents', body.accessToken).expect(200);
    await t.post('/api/v1/incidents', body.accessToken).send(incidentBody()).expect(403);
  });
});

async function signInAgain(user: TestUser): Promise<string> {
  const login = await request(t.baseUrl)
    .post('/api/v1/auth/login')
    .send({ username: user.username, password: user.password })
    .expect(200);
  return login.body.accessToken;
}

import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '../../libs/shared/src';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';

/**
 * The role matrix, written out here on purpose instead of read from libs/shared/src/auth/permissions.ts: a change
 * to that table must show up as a failing cell, not silently change what the test expects.
 * duty officers report and follow up; commanders also close; drill coordinators and viewers only read;
 * admins read, manage users and read the audit trail; admins keep the team and warehouse registers and stock books;
 * commanders dispatch teams and allocate supplies; duty officers and commanders report team status.
 */
const ROLES: Role[] = ['duty_officer', 'commander', 'drill_coordinator', 'viewer', 'admin'];
const EVERYONE = ROLES;
const WATCH: Role[] = ['duty_officer', 'commander'];

interface Endpoint {
  name: string;
  allowed: Role[];
  method: 'GET' | 'POST' | 'PATCH';
  /** The path to call; may prepare what a successful call needs (a fresh incident to close, a user to disable). */
  path(): Promise<string>;
  body?(): object;
  /** What an allowed call answers: a real success, not merely "not refused". */
  ok: number;
}

let t: TestApp;
let incidentId: string;
const reportIncident = async (): Promise<string> => (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id;
let admin: TestUser;
const TENT = '1010101';
const teamBody = () => ({
  name: `矩阵测试队 ${randomUUID().slice(0, 6)}`, kind: 'professional', specialties: ['fire'], headcount: 8,
  base: { address: '测试', lat: 37.5, lng: 105.2 }, jurisdiction: '640500', contact: { name: '联系人', phone: '0955-0000000' },
});
const warehouseBody = () => ({ name: `矩阵测试库 ${randomUUID().slice(0, 6)}`, level: 'city', location: { address: '测试', lat: 37.5, lng: 105.2 }, jurisdiction: '640500', reserveKind: 'physical' });
const newTeam = async (): Promise<string> => (await t.post('/api/v1/teams', admin.token).send(teamBody()).expect(201)).body.id;
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
const stockedWarehouse = async (): Promise<string> => {
  const id = (await t.post('/api/v1/warehouses', admin.token).send(warehouseBody()).expect(201)).body.id;
  await t.post(`/api/v1/warehouses/${id}/receipts`, admin.token).send({ items: [{ materialCode: TENT, quantity: 10 }] }).expect(201);
  return id;
};
/** A warehouse with an allocation for the shared incident, moved as far as `shipped` when asked. */
const allocation = async (shipped = false): Promise<string> => {
  const id = await stockedWarehouse();
  const a = (await t.post(`/api/v1/warehouses/${id}/allocations`).send({ incidentId, items: [{ materialCode: TENT, quantity: 2 }] }).expect(201)).body.allocationId;
  if (shipped) await t.post(`/api/v1/warehouses/${id}/allocations/${a}/ship`).send({}).expect(200);
  return `/api/v1/warehouses/${id}/allocations/${a}`;
};

const ENDPOINTS: Endpoint[] = [
  { name: 'POST /incidents', allowed: WATCH, method: 'POST', path: async () => '/api/v1/incidents', body: () => incidentBody(), ok: 201 },
  { name: 'POST /incidents/:id/updates', allowed: WATCH, method: 'POST', path: async () => `/api/v1/incidents/${incidentId}/updates`, body: () => ({ measures: `设置警戒区 ${randomUUID()}` }), ok: 200 },
  // Each close gets its own open incident, so an allowed close never depends on the order cells run in.
  { name: 'POST /incidents/:id/close', allowed: ['commander'], method: 'POST', path: async () => `/api/v1/incidents/${await reportIncident()}/close`, body: () => ({ summary: '险情排除，结案' }), ok: 200 },
  { name: 'POST /incidents/:id/response-level', allowed: ['commander'], method: 'POST', path: async () => `/api/v1/incidents/${await reportIncident()}/response-level`, body: () => ({ level: 'III', reason: '矩阵测试' }), ok: 200 },
  { name: 'POST /incidents/:id/reports', allowed: WATCH, method: 'POST', path: async () => `/api/v1/incidents/${incidentId}/reports`, body: () => ({ toLevel: 'county', channel: '电话' }), ok: 201 },
  { name: 'GET /incidents', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/incidents', ok: 200 },
  { name: 'GET /incidents/:id', allowed: EVERYONE, method: 'GET', path: async () => `/api/v1/incidents/${incidentId}`, ok: 200 },
  { name: 'GET /incidents/:id/timeline', allowed: EVERYONE, method: 'GET', path: async () => `/api/v1/incidents/${incidentId}/timeline`, ok: 200 },
  { name: 'GET /incidents/:id/events', allowed: EVERYONE, method: 'GET', path: async () => `/api/v1/incidents/${incidentId}/events`, ok: 200 },
  { name: 'GET /jurisdictions', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/jurisdictions', ok: 200 },
  { name: 'POST /auth/refresh', allowed: EVERYONE, method: 'POST', path: async () => '/api/v1/auth/refresh', body: () => ({}), ok: 200 },
  {
    name: 'POST /users', allowed: ['admin'], method: 'POST', path: async () => '/api/v1/users', ok: 201,
    body: () => ({ username: `m${randomUUID().slice(0, 8)}`, password: 'correct horse battery', displayName: '矩阵测试', roles: ['viewer'], jurisdiction: '640500' }),
  },
  { name: 'GET /users', allowed: ['admin'], method: 'GET', path: async () => '/api/v1/users', ok: 200 },
  { name: 'POST /users/:id/disable', allowed: ['admin'], method: 'POST', path: async () => `/api/v1/users/${(await t.user(['viewer'])).id}/disable`, body: () => ({}), ok: 200 },
  { name: 'GET /audit', allowed: ['admin'], method: 'GET', path: async () => '/api/v1/audit?limit=5', ok: 200 },
  { name: 'GET /teams', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/teams', ok: 200 },
  { name: 'GET /teams/:id', allowed: EVERYONE, method: 'GET', path: async () => `/api/v1/teams/${await newTeam()}`, ok: 200 },
  { name: 'POST /teams', allowed: ['admin'], method: 'POST', path: async () => '/api/v1/teams', body: teamBody, ok: 201 },
  { name: 'PATCH /teams/:id', allowed: ['admin'], method: 'PATCH', path: async () => `/api/v1/teams/${await newTeam()}`, body: () => ({ headcount: 9 }), ok: 200 },
  { name: 'POST /teams/:id/dispatch', allowed: ['commander'], method: 'POST', path: async () => `/api/v1/teams/${await newTeam()}/dispatch`, body: () => ({ incidentId }), ok: 201 },
  { name: 'POST /teams/:id/status', allowed: WATCH, method: 'POST', path: async () => `/api/v1/teams/${await dispatchedTeam()}/status`, body: () => ({ status: 'en_route' }), ok: 200 },
  { name: 'GET /materials', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/materials', ok: 200 },
  { name: 'GET /warehouses', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/warehouses', ok: 200 },
  { name: 'GET /warehouses/:id', allowed: EVERYONE, method: 'GET', path: async () => `/api/v1/warehouses/${await stockedWarehouse()}`, ok: 200 },
  { name: 'GET /availability', allowed: EVERYONE, method: 'GET', path: async () => '/api/v1/availability', ok: 200 },
  { name: 'GET /incidents/:id/recommendations', allowed: EVERYONE, method: 'GET', path: async () => `/api/v1/incidents/${incidentId}/recommendations`, ok: 200 },
  { name: 'POST /warehouses', allowed: ['admin'], method: 'POST', path: async () => '/api/v1/warehouses', body: warehouseBody, ok: 201 },
  { name: 'POST /warehouses/:id/receipts', allowed: ['admin'], method: 'POST', path: async () => `/api/v1/warehouses/${await stockedWarehouse()}/receipts`, body: () => ({ items: [{ materialCode: TENT, quantity: 1 }] }), ok: 201 },
  { name: 'POST /warehouses/:id/counts', allowed: ['admin'], method: 'POST', path: async () => `/api/v1/warehouses/${await stockedWarehouse()}/counts`, body: () => ({ materialCode: TENT, counted: 9, reason: '盘点' }), ok: 200 },
  { name: 'POST /warehouses/:id/minimums', allowed: ['admin'], method: 'POST', path: async () => `/api/v1/warehouses/${await stockedWarehouse()}/minimums`, body: () => ({ materialCode: TENT, minimum: 5 }), ok: 200 },
  { name: 'POST /warehouses/:id/allocations', allowed: ['commander'], method: 'POST', path: async () => `/api/v1/warehouses/${await stockedWarehouse()}/allocations`, body: () => ({ incidentId, items: [{ materialCode: TENT, quantity: 1 }] }), ok: 201 },
  { name: 'POST /warehouses/:id/allocations/:a/ship', allowed: ['commander'], method: 'POST', path: async () => `${await allocation()}/ship`, body: () => ({}), ok: 200 },
  { name: 'POST /warehouses/:id/allocations/:a/deliver', allowed: ['commander'], method: 'POST', path: async () => `${await allocation(true)}/deliver`, body: () => ({}), ok: 200 },
  { name: 'POST /warehouses/:id/allocations/:a/cancel', allowed: ['commander'], method: 'POST', path: async () => `${await allocation()}/cancel`, body: () => ({}), ok: 200 },
];

const cells = ENDPOINTS.flatMap((endpoint) => ROLES.map((role) => [endpoint.name, role, endpoint.allowed.includes(role) ? 'allowed' : 'forbidden'] as const));

describe('role matrix', () => {
  const users = new Map<Role, TestUser>();

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES) users.set(role, await t.user([role], '640500'));
    admin = users.get('admin')!;
    incidentId = await reportIncident();
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: 'es_events' | 'users') => (await t.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

  it('covers every role and endpoint (5 × 34 cells)', () => {
    expect(cells).toHaveLength(170);
  });

  test.each(cells)('%s as %s: %s', async (name, role, expected) => {
    const endpoint = ENDPOINTS.find((e) => e.name === name)!;
    const token = users.get(role)!.token;
    const path = await endpoint.path();
    const [eventsBefore, usersBefore] = [await count('es_events'), await count('users')];
    const call = endpoint.method === 'GET' ? t.get(path, token)
      : endpoint.method === 'PATCH' ? request(t.baseUrl).patch(path).set('Authorization', `Bearer ${token}`).send(endpoint.body?.() ?? {})
      : t.post(path, token).send(endpoint.body?.() ?? {});
    const response = await call;
    if (expected === 'allowed') {
      expect({ status: response.status, body: response.body }).toMatchObject({ status: endpoint.ok });
    } else {
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      // A refused call leaves no trace: no event, no user.
      expect([await count('es_events'), await count('users')]).toEqual([eventsBefore, usersBefore]);
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
    const viewer = users.get('viewer')!;
    const { body } = await t.post('/api/v1/auth/refresh', viewer.token).expect(200);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    await t.get('/api/v1/incidents', body.accessToken).expect(200);
    await t.post('/api/v1/incidents', body.accessToken).send(incidentBody()).expect(403);
  });
});

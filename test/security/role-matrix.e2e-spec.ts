import { randomUUID } from 'node:crypto';
import type { Role } from '../../libs/shared/src';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';

/**
 * The role matrix, written out here on purpose instead of read from libs/shared/src/auth/permissions.ts: a change
 * to that table must show up as a failing cell, not silently change what the test expects.
 * duty officers report and follow up; commanders also close; drill coordinators and viewers only read;
 * admins read, manage users and read the audit trail.
 */
const ROLES: Role[] = ['duty_officer', 'commander', 'drill_coordinator', 'viewer', 'admin'];
const EVERYONE = ROLES;
const WATCH: Role[] = ['duty_officer', 'commander'];

interface Endpoint {
  name: string;
  allowed: Role[];
  method: 'GET' | 'POST';
  /** The path to call; may prepare what a successful call needs (a fresh incident to close, a user to disable). */
  path(): Promise<string>;
  body?(): object;
  /** What an allowed call answers: a real success, not merely "not refused". */
  ok: number;
}

let t: TestApp;
let incidentId: string;
const reportIncident = async (): Promise<string> => (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id;

const ENDPOINTS: Endpoint[] = [
  { name: 'POST /incidents', allowed: WATCH, method: 'POST', path: async () => '/api/v1/incidents', body: () => incidentBody(), ok: 201 },
  { name: 'POST /incidents/:id/updates', allowed: WATCH, method: 'POST', path: async () => `/api/v1/incidents/${incidentId}/updates`, body: () => ({ measures: `设置警戒区 ${randomUUID()}` }), ok: 200 },
  // Each close gets its own open incident, so an allowed close never depends on the order cells run in.
  { name: 'POST /incidents/:id/close', allowed: ['commander'], method: 'POST', path: async () => `/api/v1/incidents/${await reportIncident()}/close`, body: () => ({ summary: '险情排除，结案' }), ok: 200 },
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
];

const cells = ENDPOINTS.flatMap((endpoint) => ROLES.map((role) => [endpoint.name, role, endpoint.allowed.includes(role) ? 'allowed' : 'forbidden'] as const));

describe('role matrix', () => {
  const users = new Map<Role, TestUser>();

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES) users.set(role, await t.user([role], '640500'));
    incidentId = await reportIncident();
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: 'es_events' | 'users') => (await t.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

  it('covers every role and endpoint (5 × 13 cells)', () => {
    expect(cells).toHaveLength(65);
  });

  test.each(cells)('%s as %s: %s', async (name, role, expected) => {
    const endpoint = ENDPOINTS.find((e) => e.name === name)!;
    const token = users.get(role)!.token;
    const path = await endpoint.path();
    const [eventsBefore, usersBefore] = [await count('es_events'), await count('users')];
    const call = endpoint.method === 'GET' ? t.get(path, token) : t.post(path, token).send(endpoint.body?.() ?? {});
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

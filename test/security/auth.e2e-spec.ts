import { JwtService } from '@nestjs/jwt';
import { randomBytes, randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitForMessage } from '../support/incident-fixtures';

const SECRET = randomBytes(48).toString('base64url');
const PROBLEM = /^application\/problem\+json/;

describe('sign-in, lockout, user administration', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A known secret, so the expiry test can sign a token that lives two seconds instead of waiting a minute.
    t = await startTestApp({ AUTH_TOKEN_SECRET: SECRET });
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = (username: string, password: string) =>
    request(t.baseUrl).post('/api/v1/auth/login').send({ username, password });
  const newUserBody = (overrides: Record<string, unknown> = {}) => ({
    username: `n${randomUUID().slice(0, 8)}`,
    password: `pw-${randomUUID()}`,
    displayName: '新用户',
    roles: ['duty_officer'],
    jurisdiction: '640521',
    ...overrides,
  });

  it('answers a token, its expiry and who signed in', async () => {
    const user = await t.user(['drill_coordinator'], '640521');
    const { body } = await login(user.username, user.password).expect(200);
    expect(body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(body.expiresAt).toBe(new Date(Date.parse(body.expiresAt)).toISOString());
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    expect(body.user).toMatchObject({
      id: user.id,
      username: user.username,
      roles: ['drill_coordinator'],
      jurisdiction: '640521',
    });
    expect(JSON.stringify(body)).not.toMatch(/password|argon/i);
  });

  it('a wrong password and an unknown name get the same answer', async () => {
    const user = await t.user(['viewer']);
    const wrong = await login(user.username, 'not-the-password').expect(401);
    const unknown = await login(`nobody${randomUUID().slice(0, 8)}`, 'not-the-password').expect(401);
    const essence = (b: Record<string, unknown>) => ({
      status: b.status,
      code: b.code,
      title: b.title,
      detail: b.detail,
      type: b.type,
    });
    expect(wrong.headers['content-type']).toMatch(PROBLEM);
    expect(essence(wrong.body)).toEqual(essence(unknown.body));
    expect(wrong.body.code).toBe('UNAUTHENTICATED');
  });

  it('5 failures lock the name: the 6th attempt, even with the right password, is 429 with Retry-After', async () => {
    const user = await t.user(['viewer']);
    // Upper-case variants count for the same name: the lock must not be dodged by changing case.
    for (const name of [user.username, user.username.toUpperCase(), user.username, user.username, user.username])
      await login(name, 'wrong').expect(401);
    const locked = await login(user.username, user.password);
    expect(locked.status).toBe(429);
    expect(locked.headers['content-type']).toMatch(PROBLEM);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body).toMatchObject({ status: 429 });
    // Other names are not affected, and an existing token keeps working.
    await t.get('/api/v1/incidents', user.token).expect(200);
    const other = await t.user(['viewer']);
    await login(other.username, other.password).expect(200);
  });

  it('a name that does not exist locks the same way (the lock reveals nothing)', async () => {
    const ghost = `ghost${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 5; i++) await login(ghost, 'wrong').expect(401);
    await login(ghost, 'wrong').expect(429);
  });

  it('a disabled user loses its token at once, cannot sign in again, nor open a console', async () => {
    const admin = await t.user(['admin']);
    const user = await t.user(['duty_officer']);
    await t.get('/api/v1/incidents', user.token).expect(200);
    const { body } = await t.post(`/api/v1/users/${user.id}/disable`, admin.token).expect(200);
    expect(body).toMatchObject({ id: user.id, disabled: true });
    const refused = await t.get('/api/v1/incidents', user.token);
    expect(refused.status).toBe(401);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    await login(user.username, user.password).expect(401);
    await expect(t.socket(user.token)).rejects.toThrow();
  });

  it('an administrator creates a user who can then sign in; no password is kept in the clear', async () => {
    const admin = await t.user(['admin'], '640521');
    const wanted = newUserBody({ roles: ['duty_officer', 'viewer'], jurisdiction: '640521100' });
    const created = await t.post('/api/v1/users', admin.token).send(wanted).expect(201);
    expect(created.body).toMatchObject({
      username: wanted.username,
      roles: wanted.roles,
      jurisdiction: '640521100',
      disabled: false,
    });
    expect(JSON.stringify(created.body)).not.toContain(wanted.password);
    const signedIn = await login(wanted.username, wanted.password).expect(200);
    expect(signedIn.body.user).toMatchObject({ id: created.body.id, roles: wanted.roles, jurisdiction: '640521100' });
    const [row] = await t.sql<{ password_hash: string }>(`select password_hash from users where id = $1`, [
      created.body.id,
    ]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    const events = await t.sql<{ text: string }>(
      `select data::text || metadata::text as text from es_events where stream_name = $1`,
      [`user-${created.body.id}`],
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.text).not.toContain(wanted.password);
    expect(events[0]!.text).not.toContain(row!.password_hash);
  });

  test.each([
    ['a short password', { password: 'short-pw' }],
    ['an unknown role', { roles: ['superuser'] }],
    ['no role', { roles: [] }],
    ['a malformed jurisdiction', { jurisdiction: '64052' }],
    ['an unknown jurisdiction', { jurisdiction: '999999' }],
    ['an upper-case username', { username: 'Admin2' }],
  ])('POST /users with %s → 400 problem+json, no user stored', async (_, overrides) => {
    const admin = await t.user(['admin'], '640500');
    const body = newUserBody(overrides);
    const response = await t.post('/api/v1/users', admin.token).send(body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(await t.sql(`select 1 from users where username = $1`, [body.username])).toEqual([]);
  });

  it('a taken username is a conflict', async () => {
    const admin = await t.user(['admin'], '640500');
    const body = newUserBody();
    await t.post('/api/v1/users', admin.token).send(body).expect(201);
    await t
      .post('/api/v1/users', admin.token)
      .send({ ...body, password: `pw-${randomUUID()}` })
      .expect(409);
  });

  it('a county administrator cannot create, see or disable users outside its county', async () => {
    const admin = await t.user(['admin'], '640521');
    for (const jurisdiction of ['640522', '640522100', '640500']) {
      const response = await t.post('/api/v1/users', admin.token).send(newUserBody({ jurisdiction }));
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'OUTSIDE_JURISDICTION' });
    }
    const neighbour = await t.user(['duty_officer'], '640522');
    const listed: Array<{ id: string; jurisdiction: string }> = (await t.get('/api/v1/users', admin.token).expect(200))
      .body;
    expect(listed.map((u) => u.id)).not.toContain(neighbour.id);
    expect(listed.filter((u) => !u.jurisdiction.startsWith('640521'))).toEqual([]);
    await t.post(`/api/v1/users/${neighbour.id}/disable`, admin.token).expect(404);
    await t.get('/api/v1/incidents', neighbour.token).expect(200);
  });

  it('an expiring token ends its console session with session.expired, then HTTP refuses it too', async () => {
    const user = await t.user(['viewer']);
    // The same session as the user's real token (a token is only good with a live session), but two seconds long.
    const { sid } = new JwtService().decode<{ sid: string }>(user.token);
    const short = new JwtService().sign(
      { sid, username: user.username, roles: ['viewer'], jurisdiction: '640500' },
      { secret: SECRET, subject: user.id, expiresIn: 2 },
    );
    await t.get('/api/v1/incidents', short).expect(200);
    const socket = await t.socket(short);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const expired = await waitForMessage<{ data: { reason: string } }>(socket, 'session.expired', 10_000);
    expect(expired.data.reason).toBe('token_expired');
    expect(await disconnected).toBe('io server disconnect');
    await t.get('/api/v1/incidents', short).expect(401);
  });

  it('a console without a token, or with a bad one, is refused at the handshake', async () => {
    for (const auth of [{}, { token: 'garbage' }, { token: 42 }]) {
      const socket = io(`${t.baseUrl}/console`, { transports: ['websocket'], reconnection: false, auth });
      const error = await new Promise<Error & { data?: { code?: string } }>((resolve, reject) => {
        socket.once('connect_error', resolve);
        socket.once('connect', () => reject(new Error('connected without a valid token')));
      });
      socket.close();
      expect(error.data).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });
});

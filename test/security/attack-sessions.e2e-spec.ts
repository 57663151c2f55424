// Over 300 lines on purpose: one attack surface (sessions and refresh tokens) per suite, its cases sharing one app.
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { rotateSigningKeys, TokenService } from '../../libs/identity/src';
import { startTestApp, type TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { waitForMessage } from '../support/incident-fixtures';

/**
 * Sessions under attack: a stolen refresh token, a refresh chain that would live forever, a console that stays open
 * after logout or a password, role or jurisdiction change, and a restart that signs everyone out.
 */
describe('attack: sessions', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => ({ t, user: admin } = await givenSignedIn(['admin'])));
  afterAll(() => t?.close());

  const jwt = new JwtService();
  const sidOf = (token: string) => jwt.decode<{ sid: string }>(token).sid;
  const signIn = async (user: TestUser) =>
    (
      await request(t.baseUrl)
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: user.password })
        .expect(200)
    ).body as {
      accessToken: string;
      refreshToken: string;
      sessionExpiresAt: string;
    };
  const refresh = (refreshToken: string) => request(t.baseUrl).post('/api/v1/auth/refresh').send({ refreshToken });
  const session = async (sid: string) =>
    (
      await t.sql<{ ended_at: Date | null; end_reason: string | null }>(
        `select ended_at, end_reason from auth_sessions where id = $1`,
        [sid],
      )
    )[0]!;
  const refreshRows = async (sid: string) =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from auth_refresh_tokens where session_id = $1`, [sid]))[0]!
      .n;

  it('a superseded refresh token presented again (a stolen copy) ends the whole session and is recorded', async () => {
    const user = await t.user(['commander']);
    const first = await signIn(user);
    const second = (await refresh(first.refreshToken).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(sidOf(second.accessToken)).toBe(sidOf(first.accessToken));
    // Within a few seconds a second tab's renewal with the same old cookie is refused without ending anything…
    await refresh(first.refreshToken).expect(401);
    expect((await session(sidOf(first.accessToken))).ended_at).toBeNull();
    // … later the old token is a stolen copy: the session ends, for the thief and the owner alike.
    await t.sql(
      `update auth_refresh_tokens set superseded_at = superseded_at - interval '11 seconds' where session_id = $1 and superseded_at is not null`,
      [sidOf(first.accessToken)],
    );
    const socket = await t.socket(second.accessToken);
    const expired = waitForMessage<{ data: { reason: string } }>(socket, 'session.expired', 5_000);
    const reuse = await refresh(first.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await expired).data.reason).toBe('refresh_reuse');
    expect(await session(sidOf(first.accessToken))).toMatchObject({ end_reason: 'refresh_reuse' });
    const rowsAfter = await refreshRows(sidOf(first.accessToken));
    await refresh(second.refreshToken).expect(401);
    await t.get('/api/v1/incidents', second.accessToken).expect(401);
    expect(await refreshRows(sidOf(first.accessToken))).toBe(rowsAfter);
    expect(
      await t.sql(`select 1 from security_events where kind = 'refresh_reuse' and session_id = $1`, [
        sidOf(first.accessToken),
      ]),
    ).toHaveLength(1);
  });

  it('a refresh chain ends with its session (AUTH_SESSION_HOURS after sign-in): no new token, nothing stored', async () => {
    const user = await t.user(['duty_officer']);
    const signed = await signIn(user);
    expect(Date.parse(signed.sessionExpiresAt) - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    expect(Date.parse(signed.sessionExpiresAt) - Date.now()).toBeLessThanOrEqual(12 * 3600_000);
    await t.sql(`update auth_sessions set expires_at = now() - interval '1 second' where id = $1`, [
      sidOf(signed.accessToken),
    ]);
    const before = await refreshRows(sidOf(signed.accessToken));
    await refresh(signed.refreshToken).expect(401);
    await t.get('/api/v1/incidents', signed.accessToken).expect(401);
    expect(await refreshRows(sidOf(signed.accessToken))).toBe(before);
  });

  it('a session at its absolute end closes its open consoles with reason session_expired (sweep and timer alike), not access_changed', async () => {
    const user = await t.user(['duty_officer']);
    // Caught by the sweep: the session's end is moved into the past while the console is open.
    const swept = await signIn(user);
    const sweptSocket = await t.socket(swept.accessToken);
    const sweptEnd = waitForMessage<{ data: { reason: string } }>(sweptSocket, 'session.expired', 10_000);
    await t.sql(`update auth_sessions set expires_at = now() - interval '1 second' where id = $1`, [
      sidOf(swept.accessToken),
    ]);
    expect((await sweptEnd).data.reason).toBe('session_expired');
    // Caught by the socket's own timer: the session ends before the access token does.
    const timed = await signIn(user);
    await t.sql(`update auth_sessions set expires_at = now() + interval '2 seconds' where id = $1`, [
      sidOf(timed.accessToken),
    ]);
    const timedSocket = await t.socket(timed.accessToken);
    const timedEnd = waitForMessage<{ data: { reason: string } }>(timedSocket, 'session.expired', 10_000);
    const disconnected = new Promise<void>((resolve) => timedSocket.once('disconnect', () => resolve()));
    expect((await timedEnd).data.reason).toBe('session_expired');
    await disconnected;
    await t.get('/api/v1/incidents', timed.accessToken).expect(401);
    await refresh(timed.refreshToken).expect(401);
    // Nobody ended it: it ran out, which is what the reason says.
    expect(await session(sidOf(timed.accessToken))).toMatchObject({ ended_at: null });
  }, 20_000);

  it('logout ends the session: its access token, its refresh token and its open console', async () => {
    const user = await t.user(['viewer']);
    const signed = await signIn(user);
    const other = await signIn(user);
    const socket = await t.socket(signed.accessToken);
    const expired = waitForMessage<{ data: { reason: string } }>(socket, 'session.expired', 5_000);
    const out = await t.post('/api/v1/auth/logout', signed.accessToken).send({});
    expect(out.status).toBe(204);
    expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join()).toMatch(/ecd_refresh=;/);
    expect((await expired).data.reason).toBe('logout');
    await t.get('/api/v1/incidents', signed.accessToken).expect(401);
    await refresh(signed.refreshToken).expect(401);
    // Another session of the same user is another console: it goes on.
    await t.get('/api/v1/incidents', other.accessToken).expect(200);
  });

  it('a password change keeps this session, ends the others; a wrong current password changes nothing', async () => {
    const user = await t.user(['commander']);
    const elsewhere = await signIn(user);
    const [{ password_hash: hashBefore }] = await t.sql<{ password_hash: string }>(
      `select password_hash from users where id = $1`,
      [user.id],
    );
    const wrong = await t
      .post('/api/v1/auth/password', user.token)
      .send({ currentPassword: 'not-my-password', newPassword: `new-${randomUUID()}` });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('CURRENT_PASSWORD_WRONG');
    const common = await t
      .post('/api/v1/auth/password', user.token)
      .send({ currentPassword: user.password, newPassword: 'qwertyuiop123' });
    expect(common.status).toBe(400);
    expect(JSON.stringify(common.body)).toContain('常用密码');
    expect(
      (await t.sql<{ password_hash: string }>(`select password_hash from users where id = $1`, [user.id]))[0]!
        .password_hash,
    ).toBe(hashBefore);
    const next = `changed-${randomUUID()}`;
    await t
      .post('/api/v1/auth/password', user.token)
      .send({ currentPassword: user.password, newPassword: next })
      .expect(204);
    await t.get('/api/v1/incidents', user.token).expect(200);
    await t.get('/api/v1/incidents', elsewhere.accessToken).expect(401);
    await refresh(elsewhere.refreshToken).expect(401);
    await request(t.baseUrl)
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(401);
    await request(t.baseUrl).post('/api/v1/auth/login').send({ username: user.username, password: next }).expect(200);
  });

  it("an administrator's role change, password reset or disabling ends the user's sessions and consoles at once; enabling lets it sign in again", async () => {
    const user = await t.user(['duty_officer']);
    let socket = await t.socket(user.token);
    let expired = waitForMessage<{ data: { reason: string } }>(socket, 'session.expired', 3_000);
    const changed = await request(t.baseUrl)
      .patch(`/api/v1/users/${user.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ roles: ['viewer'] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ roles: ['viewer'] });
    expect((await expired).data.reason).toBe('user_updated');
    await t.get('/api/v1/incidents', user.token).expect(401);

    const again = await signIn(user);
    socket = await t.socket(again.accessToken);
    expired = waitForMessage<{ data: { reason: string } }>(socket, 'session.expired', 3_000);
    const newPassword = `reset-${randomUUID()}`;
    await t.post(`/api/v1/users/${user.id}/password-reset`, admin.token).send({ newPassword }).expect(204);
    expect((await expired).data.reason).toBe('password_reset');
    await refresh(again.refreshToken).expect(401);
    user.password = newPassword;

    const third = await signIn(user);
    await t.post(`/api/v1/users/${user.id}/disable`, admin.token).send({}).expect(200);
    expect((await session(sidOf(third.accessToken))).end_reason).toBe('user_disabled');
    await request(t.baseUrl)
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: newPassword })
      .expect(401);
    await t.post(`/api/v1/users/${user.id}/enable`, admin.token).send({}).expect(200);
    await refresh(third.refreshToken).expect(401);
    await signIn(user);
    const events = await t.sql<{ type: string }>(
      `select event_type as type from es_events where stream_name = $1 order by global_position`,
      [`user-${user.id}`],
    );
    expect(events.map((e) => e.type)).toEqual(['UserUpdated', 'UserPasswordReset', 'UserDisabled', 'UserEnabled']);
  });

  it('an administrator cannot change its own roles or reset its own password, nor reach users outside its jurisdiction', async () => {
    const county = await t.user(['admin'], '640521');
    const self = await request(t.baseUrl)
      .patch(`/api/v1/users/${county.id}`)
      .set('Authorization', `Bearer ${county.token}`)
      .send({ roles: ['admin', 'commander'] });
    expect(self.status).toBe(422);
    const ownReset = await t
      .post(`/api/v1/users/${county.id}/password-reset`, county.token)
      .send({ newPassword: `reset-${randomUUID()}` });
    expect(ownReset.status).toBe(422);
    expect(ownReset.body.code).toBe('CANNOT_RESET_OWN_PASSWORD');
    await t.get('/api/v1/incidents', county.token).expect(200);
    const outside = await t.user(['viewer'], '640522');
    await t
      .post(`/api/v1/users/${outside.id}/password-reset`, county.token)
      .send({ newPassword: `reset-${randomUUID()}` })
      .expect(404);
    const widen = await t.user(['viewer'], '640521');
    await request(t.baseUrl)
      .patch(`/api/v1/users/${widen.id}`)
      .set('Authorization', `Bearer ${county.token}`)
      .send({ jurisdiction: '640500' })
      .expect(403);
    expect((await t.sql<{ roles: string[] }>(`select roles from users where id = $1`, [county.id]))[0]!.roles).toEqual([
      'admin',
    ]);
    await t.get('/api/v1/incidents', outside.token).expect(200);
  });

  it('the browser contract: HttpOnly SameSite=Strict refresh cookie on /api/v1/auth; renewal by cookie needs a JSON request', async () => {
    const user = await t.user(['viewer']);
    const login = await request(t.baseUrl)
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    const cookie = ([] as string[]).concat(login.headers['set-cookie']).find((c) => c.startsWith('ecd_refresh='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP here: a LAN console may run without TLS
    const pair = cookie.split(';')[0]!;
    const before = await refreshRows(sidOf(login.body.accessToken));
    // A cross-site form can only send form or text bodies: refused, nothing rotated.
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const forged = await request(t.baseUrl)
        .post('/api/v1/auth/refresh')
        .set('Cookie', pair)
        .set('Content-Type', type)
        .send('a=b');
      expect([400, 415]).toContain(forged.status);
      expect(forged.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const noBody = await request(t.baseUrl).post('/api/v1/auth/refresh').set('Cookie', pair);
    expect([400, 415]).toContain(noBody.status);
    expect(await refreshRows(sidOf(login.body.accessToken))).toBe(before);
    const renewed = await request(t.baseUrl).post('/api/v1/auth/refresh').set('Cookie', pair).send({}).expect(200);
    expect(renewed.body.user).toMatchObject({ id: user.id });
    await t.get('/api/v1/incidents', renewed.body.accessToken).expect(200);
    await request(t.baseUrl).post('/api/v1/auth/refresh').send({}).expect(401);
  });
});

describe('ending a session reaches every API process', () => {
  it("a logout on one process closes the session's console on another at once (by message, not by the periodic sweep)", async () => {
    const a = await startTestApp({ CLUSTER: 'true' });
    const b = await startTestApp({ CLUSTER: 'true' }, { databaseUrl: a.databaseUrl });
    try {
      const user = await a.user(['viewer']);
      const socket = await b.socket(user.token);
      const expired = waitForMessage<{ data: { reason: string } }>(socket, 'session.expired', 4_000);
      await a.post('/api/v1/auth/logout', user.token).send({}).expect(204);
      // The sweep would say `access_changed`; `logout` can only have come from process a's message.
      expect((await expired).data.reason).toBe('logout');
      await b.get('/api/v1/incidents', user.token).expect(401);
    } finally {
      await b.close({ keepDatabase: true });
      await a.close();
    }
  });
});

describe('signing keys are rotatable', () => {
  it('after a rotation that retires every old key, old access tokens are refused and consoles renew through their refresh tokens', async () => {
    const t = await startTestApp();
    try {
      const user = t.commander;
      const signed = (
        await request(t.baseUrl)
          .post('/api/v1/auth/login')
          .send({ username: user.username, password: user.password })
          .expect(200)
      ).body;
      const dataSource = t.app.get(DataSource);
      const { kid, retired } = await rotateSigningKeys(dataSource, { retireAllButNew: true });
      expect(retired).toHaveLength(1);
      await t.app.get(TokenService).reload();
      await t.get('/api/v1/incidents', signed.accessToken).expect(401);
      const renewed = (
        await request(t.baseUrl).post('/api/v1/auth/refresh').send({ refreshToken: signed.refreshToken }).expect(200)
      ).body;
      expect(
        new JwtService().decode<{ header: { kid: string } }>(renewed.accessToken, { complete: true }).header.kid,
      ).toBe(kid);
      await t.get('/api/v1/incidents', renewed.accessToken).expect(200);
    } finally {
      await t.close();
    }
  });
});

describe('attack: a restart signs every console out', () => {
  it('after a restart on the same database (no AUTH_TOKEN_SECRET) the old access token and refresh token still work', async () => {
    const first = await startTestApp();
    const databaseUrl = first.databaseUrl;
    const user = first.commander;
    const signed = (
      await request(first.baseUrl)
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: user.password })
        .expect(200)
    ).body;
    const [key] = await first.sql<{ kid: string }>(`select kid from auth_signing_keys where retired_at is null`);
    expect(
      new JwtService().decode<{ header: { kid: string } }>(signed.accessToken, { complete: true }).header.kid,
    ).toBe(key!.kid);
    await first.close({ keepDatabase: true });
    const second = await startTestApp({}, { databaseUrl });
    try {
      await second.get('/api/v1/incidents', signed.accessToken).expect(200);
      const renewed = await request(second.baseUrl)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: signed.refreshToken })
        .expect(200);
      await second.get('/api/v1/incidents', renewed.body.accessToken).expect(200);
      // One key, made at the first start and kept.
      expect(await second.sql(`select kid from auth_signing_keys`)).toEqual([{ kid: key!.kid }]);
    } finally {
      await second.close();
    }
  });
});

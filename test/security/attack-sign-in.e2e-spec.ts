import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * Sign-in under attack: parallel guessing must not slip past the failure count, guessing is bounded per account
 * whatever the address, strangers cannot keep a commander out of the browser it signs in from, and the wait grows
 * with every failure instead of one blunt lock.
 */
describe('attack: sign-in', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  const login = (username: string, password: string, cookie?: string, headers: Record<string, string> = {}) => {
    const call = request(t.baseUrl).post('/api/v1/auth/login').set(headers);
    return (cookie ? call.set('Cookie', cookie) : call).send({ username, password });
  };
  const sessionsOf = async (userId: string) =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from auth_sessions where user_id = $1`, [userId]))[0]!.n;
  const deviceCookieOf = (response: request.Response): string => {
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const device = cookies.find((c) => c.startsWith('ecd_device='));
    if (!device) throw new Error(`no device cookie in ${JSON.stringify(cookies)}`);
    return device.split(';')[0]!;
  };

  it('30 parallel wrong passwords: exactly 5 are verified, 25 answer 429; the right password right after is refused and no session is made', async () => {
    const commander = await t.user(['commander']);
    const sessionsBefore = await sessionsOf(commander.id);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(commander.username, `wrong-${i}`)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    // Only the five verified attempts are stored as failures; the security log tells them from the refused ones.
    const [attempts] = await t.sql<{ n: number }>(
      `select count(*)::int as n from auth_login_attempts where bucket = $1`,
      [`user:${commander.username}`],
    );
    expect(attempts!.n).toBe(5);
    const kinds = await t.sql<{ kind: string; n: number }>(
      `select kind, count(*)::int as n from security_events where username = $1 group by kind order by kind`,
      [commander.username],
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        { kind: 'sign_in_delayed', n: 25 },
        { kind: 'sign_in_failed', n: 5 },
      ]),
    );
    const right = await login(commander.username, commander.password);
    expect(right.status).toBe(429);
    expect(right.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(right.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(right.body.accessToken).toBeUndefined();
    expect(await sessionsOf(commander.id)).toBe(sessionsBefore);
  });

  it('strangers guessing cannot lock a commander out of the browser it signed in from; that browser has its own count', async () => {
    const commander = await t.user(['commander']);
    const first = await login(commander.username, commander.password).expect(200);
    const device = deviceCookieOf(first);
    expect(([] as string[]).concat(first.headers['set-cookie']).join('\n')).toMatch(/ecd_device=[^;]+;.*HttpOnly/i);
    // Unauthenticated: ten wrong passwords from elsewhere; from the sixth on they wait.
    const stranger = [];
    for (let i = 0; i < 10; i++) stranger.push((await login(commander.username, `guess-${i}`)).status);
    expect(stranger).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    // The remembered browser signs in at once.
    const fromDevice = await login(commander.username, commander.password, device);
    expect(fromDevice.status).toBe(200);
    expect(
      await t.sql(`select 1 from auth_sessions where id = $1`, [
        JSON.parse(Buffer.from(fromDevice.body.accessToken.split('.')[1], 'base64url').toString()).sid,
      ]),
    ).toHaveLength(1);
    // Its own typing mistakes count apart: four wrong then right is still fine, while strangers still wait.
    for (let i = 0; i < 4; i++) await login(commander.username, `typo-${i}`, device).expect(401);
    await login(commander.username, commander.password, device).expect(200);
    await login(commander.username, commander.password).expect(429);
  });

  it("guessing is bounded per account across addresses and borrowed cookies: another account's browser cookie or a forged address gives no fresh count", async () => {
    const victim = await t.user(['admin']);
    const attacker = await t.user(['viewer']);
    const attackerDevice = deviceCookieOf(await login(attacker.username, attacker.password).expect(200));
    const statuses = [];
    for (let i = 0; i < 7; i++) {
      const response = await login(victim.username, `guess-${i}`, i % 2 ? attackerDevice : undefined, {
        'X-Forwarded-For': `10.0.0.${i}`,
        'X-Real-IP': `10.0.1.${i}`,
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const sessions = await t.sql(`select 1 from auth_sessions where user_id = $1`, [victim.id]);
    await login(victim.username, victim.password, attackerDevice).expect(429);
    expect(await t.sql(`select 1 from auth_sessions where user_id = $1`, [victim.id])).toHaveLength(sessions.length);
  });

  it('the wait doubles with each failure after the fifth (30 s, 60 s, 120 s …) and is capped at 15 minutes', async () => {
    const user: TestUser = await t.user(['viewer']);
    const bucket = `user:${user.username}`;
    const seed = async (failures: number, latestSecondsAgo: number) => {
      await t.sql(`delete from auth_login_attempts where bucket = $1`, [bucket]);
      await t.sql(
        `insert into auth_login_attempts (bucket, failed_at) select $1, now() - make_interval(secs => $2 + g) from generate_series(0, $3 - 1) g`,
        [bucket, latestSecondsAgo, failures],
      );
    };
    const retryAfter = async () => {
      const response = await login(user.username, 'wrong-password');
      return response.status === 429 ? Number(response.headers['retry-after']) : response.status;
    };
    // Seven failures: 120 s after the latest. 60 s ago → about 60 s left.
    await seed(7, 60);
    const left = await retryAfter();
    expect(left).toBeGreaterThan(55);
    expect(left).toBeLessThanOrEqual(61);
    // 125 s ago → the attempt is allowed (and, wrong, is an eighth failure: now 240 s).
    await seed(7, 125);
    expect(await retryAfter()).toBe(401);
    const eighth = await retryAfter();
    expect(eighth).toBeGreaterThan(230);
    expect(eighth).toBeLessThanOrEqual(240);
    // Twenty failures: capped at 15 minutes, not 30 s × 2^15.
    await seed(20, 0);
    const capped = await retryAfter();
    expect(capped).toBeGreaterThan(890);
    expect(capped).toBeLessThanOrEqual(900);
    await seed(20, 901);
    expect(await retryAfter()).toBe(401);
    // A waiting attempt with the right password signs nothing in.
    await seed(6, 0);
    const sessions = await sessionsOf(user.id);
    await login(user.username, user.password).expect(429);
    expect(await sessionsOf(user.id)).toBe(sessions);
  });

  it('a successful sign-in clears its own count only', async () => {
    const user = await t.user(['duty_officer']);
    for (let i = 0; i < 4; i++) await login(user.username, `wrong-${i}`).expect(401);
    await login(user.username, user.password).expect(200);
    const [left] = await t.sql<{ n: number }>(`select count(*)::int as n from auth_login_attempts where bucket = $1`, [
      `user:${user.username}`,
    ]);
    expect(left!.n).toBe(0);
  });
});

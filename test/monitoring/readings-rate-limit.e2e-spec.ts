import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Gateways' readings are counted per address in a budget of their own: a flood of them (here with a wrong key) ends in
 * 429 without touching the address's anonymous budget, and the other way round.
 */
describe('readings rate limit (RATE_LIMIT_DEVICE_PER_MINUTE)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_DEVICE_PER_MINUTE: '3', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2' });
  });
  afterAll(() => t?.close());

  const post = () =>
    request(t.baseUrl)
      .post('/api/v1/monitoring/readings')
      .set('X-Device-Key', 'dk_0000000000000000.wrong')
      .send({ readings: [{ sensorCode: 'X', value: 1, at: new Date().toISOString() }] });

  it('answers 401 within the budget, then 429 problem+json with Retry-After; anonymous requests keep theirs', async () => {
    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(401);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The anonymous budget (2) is untouched by the four readings requests.
    await request(t.baseUrl).get('/api/v1/jurisdictions').expect(401);
    await request(t.baseUrl).get('/api/v1/jurisdictions').expect(401);
    expect((await request(t.baseUrl).get('/api/v1/jurisdictions')).status).toBe(429);
  });
});

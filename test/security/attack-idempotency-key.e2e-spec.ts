import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';

/**
 * Idempotency-Keys are each actor's own. A key learnt from another user (a shared log, a proxy) must neither replay
 * that user's answer nor block it; a key reused for another request is refused wherever it is sent, with nothing
 * stored.
 */
describe("attack: someone else's or a reused Idempotency-Key", () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let incidentId: string;
  const count = async (stream: string) =>
    (await t.sql<{ n: string }>(`select count(*)::text as n from es_events where stream_name = $1`, [stream]))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await t.user(['duty_officer']);
    bob = await t.user(['duty_officer']);
    incidentId = (await t.post('/api/v1/incidents', alice.token).send(incidentBody()).expect(201)).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("another user's key replays nothing of theirs: the request is the sender's own, and theirs still replays", async () => {
    const key = randomUUID();
    const body = { measures: '关闭上游阀门' };
    const first = await t
      .post(`/api/v1/incidents/${incidentId}/updates`, alice.token)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(200);
    const borrowed = await t
      .post(`/api/v1/incidents/${incidentId}/updates`, bob.token)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(200);
    expect(borrowed.body.replayed).toBe(false);
    expect(borrowed.body.revision).toBeGreaterThan(first.body.revision);
    const again = await t
      .post(`/api/v1/incidents/${incidentId}/updates`, alice.token)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(200);
    expect(again.body).toMatchObject({ replayed: true, revision: first.body.revision });
    const actors = await t.sql<{ actor: string }>(
      `select metadata->>'actorId' as actor from es_events where stream_name = $1 and metadata->>'idempotencyKey' = $2 order by stream_revision`,
      [`incident-${incidentId}`, key],
    );
    expect(actors.map((a) => a.actor)).toEqual([alice.id, bob.id]);
  });

  it('a key reused for another request is refused on another incident too, and nothing is stored there', async () => {
    const key = randomUUID();
    await t
      .post(`/api/v1/incidents/${incidentId}/updates`, alice.token)
      .set('Idempotency-Key', key)
      .send({ measures: '疏散周边群众' })
      .expect(200);
    const other = (await t.post('/api/v1/incidents', alice.token).send(incidentBody()).expect(201)).body.id as string;
    const before = await count(`incident-${other}`);
    const reused = await t
      .post(`/api/v1/incidents/${other}/updates`, alice.token)
      .set('Idempotency-Key', key)
      .send({ measures: '疏散周边群众' });
    expect(reused.status).toBe(422);
    expect(reused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count(`incident-${other}`)).toBe(before);
  });
});

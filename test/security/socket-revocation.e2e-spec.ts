import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody, waitForMessage } from '../support/incident-fixtures';

/** An open console must not outlive its user's access: disabling or changing a user ends its live sessions. */
describe('live sessions end when access is withdrawn', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('disabling a user disconnects its open console at once and it receives nothing more', async () => {
    const admin = await t.user(['admin']);
    const viewer = await t.user(['viewer']);
    const socket = await t.socket(viewer.token);
    const expired = waitForMessage<{ data: { reason: string } }>(socket, 'session.expired');
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    await t.post(`/api/v1/users/${viewer.id}/disable`, admin.token).send({}).expect(200);
    expect((await expired).data.reason).toBe('user_disabled');
    await disconnected;
    expect(socket.connected).toBe(false);
  });

  it('a role change made behind the app’s back (another process, SQL) ends the session within a sweep', async () => {
    const duty = await t.user(['duty_officer'], '640521');
    const socket = await t.socket(duty.token);
    const expired = waitForMessage<{ data: { reason: string } }>(socket, 'session.expired', 15_000);
    await t.sql(`update users set roles = '{viewer}' where id = $1`, [duty.id]);
    expect((await expired).data.reason).toBe('access_changed');
    const changed = waitForMessage(socket, 'incident.changed', 500).then(
      () => 'received',
      () => 'none',
    );
    await t
      .post('/api/v1/incidents')
      .send(incidentBody({ jurisdiction: '640521' }))
      .expect(201);
    expect(await changed).toBe('none');
  }, 20_000);
});

import { createServer, type Server } from 'node:net';
import { MqttTransport } from '@app/monitoring';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Another broker already on the MQTT port (a bureau's own Mosquitto on 1883) must not keep the command centre from
 * starting: the API comes up without its embedded broker and still answers.
 */
describe('embedded MQTT broker on a port already taken', () => {
  let squatter: Server;
  let port: number;
  let t: TestApp;

  beforeAll(async () => {
    squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    port = (squatter.address() as { port: number }).port;
    t = await startTestApp({ MQTT_PORT: String(port), MQTT_HOST: '127.0.0.1' });
  });

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
  });

  it('starts without the broker and serves the API', async () => {
    const transport = t.app.get(MqttTransport);
    expect(transport.address()).toBeNull();
    const res = await t.get('/api/v1/enterprises');
    expect(res.status).toBe(200);
  });
});

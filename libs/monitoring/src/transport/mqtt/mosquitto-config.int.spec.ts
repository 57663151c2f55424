import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import {
  mosquittoBinary,
  startMosquitto,
  type RunningMosquitto,
} from '../../../../../test/support/monitoring/mosquitto';
import { mosquittoPasswordHash } from './mosquitto-config';
import { pbkdf2Sync } from 'node:crypto';

/**
 * The configuration `npm run monitoring:mosquitto-auth` writes, on a real Debian mosquitto: what it lets gateways and
 * the API do, and what it refuses.
 */
const binary = mosquittoBinary();
if (!binary)
  process.stdout.write('mosquitto configuration suite skipped: no mosquitto binary (apt-get install mosquitto)\n');
const describeWithMosquitto = binary ? describe : describe.skip;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mosquitto password hash', () => {
  it('is PBKDF2-SHA512 in mosquitto’s $7$ layout', () => {
    const salt = Buffer.alloc(12, 7);
    const line = mosquittoPasswordHash('geheim', 101, salt);
    const [, kind, iterations, saltText, hash] = line.split('$');
    expect([kind, iterations, saltText]).toEqual(['7', '101', salt.toString('base64')]);
    expect(hash).toBe(pbkdf2Sync('geheim', salt, 101, 64, 'sha512').toString('base64'));
  });
});

describeWithMosquitto('Mosquitto as configured for readings', () => {
  let broker: RunningMosquitto;
  const clients: MqttClient[] = [];
  const open = async (url: string, options: IClientOptions): Promise<MqttClient> => {
    const client = await connectAsync(url, {
      protocolVersion: 5,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
      ...options,
    });
    clients.push(client);
    return client;
  };
  const apiClient = async (
    group: string,
  ): Promise<{ client: MqttClient; received: { topic: string; key: unknown }[] }> => {
    const client = await open(broker.apiUrl, {});
    const received: { topic: string; key: unknown }[] = [];
    client.on('message', (topic, _payload, packet) =>
      received.push({ topic, key: packet.properties?.userProperties?.['device-key'] }),
    );
    await client.subscribeAsync([`$share/${group}/monitoring/+/+`, `$share/${group}/monitoring/+`], { qos: 1 });
    return { client, received };
  };

  beforeAll(async () => {
    broker = await startMosquitto(binary!);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await broker?.stop();
  });

  it('refuses the API account with a wrong password', async () => {
    const url = new URL(broker.apiUrl);
    url.password = 'wrong';
    await expect(open(url.toString(), {})).rejects.toThrow(/Not authorized|Bad User Name or Password/i);
  });

  it('hands a gateway’s readings, with the key it carries, to one API replica of the share group', async () => {
    const first = await apiClient('api');
    const second = await apiClient('api');
    const gateway = await open(broker.deviceUrl, { username: '91640500MA76B3XX1X', clientId: 'gw-a' });
    for (let i = 0; i < 10; i++)
      await gateway.publishAsync('monitoring/91640500MA76B3XX1X/LT-101', `{"value":${i}}`, {
        qos: 1,
        properties: { userProperties: { 'device-key': 'dk_example' } },
      });
    await gateway.publishAsync('monitoring/91640500MA76B3XX1X', '{"readings":[]}', { qos: 1 });
    await wait(300);
    const all = [...first.received, ...second.received];
    expect(all).toHaveLength(11);
    expect(all.filter((m) => m.topic.endsWith('/LT-101')).every((m) => m.key === 'dk_example')).toBe(true);
    // Shared: not every replica got everything.
    expect(first.received.length).toBeLessThan(11);
    expect(second.received.length).toBeLessThan(11);
  });

  it('refuses a gateway’s publish under another enterprise’s credit code, and lets it read nothing', async () => {
    const api = await apiClient('api-2');
    const spy = await open(broker.deviceUrl, { username: '91640500MA76B3XX1X', clientId: 'gw-spy' });
    const seen: string[] = [];
    spy.on('message', (topic) => seen.push(topic));
    await spy.subscribeAsync('monitoring/#', { qos: 1 });
    await expect(spy.publishAsync('monitoring/91640521MA77C4YY2Y/LT-101', '{"value":1}', { qos: 1 })).rejects.toThrow(
      /Not authorized/i,
    );
    const other = await open(broker.deviceUrl, { username: '91640521MA77C4YY2Y', clientId: 'gw-b' });
    await other.publishAsync('monitoring/91640521MA77C4YY2Y/PT-1', '{"value":1}', {
      qos: 1,
      properties: { userProperties: { 'device-key': 'dk_secret' } },
    });
    await wait(300);
    expect(api.received.map((m) => m.topic)).toEqual(['monitoring/91640521MA77C4YY2Y/PT-1']);
    expect(seen).toEqual([]);
  });

  it('lets a client without a user name publish nothing', async () => {
    const anonymous = await open(broker.deviceUrl, { clientId: 'nobody' });
    await expect(anonymous.publishAsync('monitoring/x/y', '1', { qos: 1 })).rejects.toThrow(/Not authorized/i);
  });
});

import type { AlarmView } from '../../libs/alarms/src/contract';
import { SensorWatch } from '../../libs/monitoring/src';
import type { SensorTrend, SensorView } from '../../libs/monitoring/src/contract';
import { ManualClock } from '../../libs/shared/src';
import { eventually } from '../support/eventually';
import { connectionRefusal, Gateway, mqttCounters } from '../support/monitoring/gateway';
import { monitoredEnterprise, registerSensor, sensorBody } from '../support/monitoring/monitoring-fixtures';
import { mosquittoBinary } from '../support/monitoring/mosquitto';
import { embeddedBench, mosquittoBench, type MqttBench } from '../support/monitoring/mqtt-ingestion';
import type { MonitoredEnterprise } from '../support/monitoring/monitoring-fixtures';
import type { TestUser } from '../support/test-users';

const SEC = 1000;

/**
 * Readings over MQTT end to end, with real MQTT clients as the enterprises' gateways: against the embedded broker and
 * against a real Mosquitto configured as `npm run monitoring:mosquitto-auth` writes it (docs/monitoring.md, "MQTT 接入").
 * On a manual clock, so the offline watch can be moved as the monitoring suite moves it.
 */
const binary = mosquittoBinary();
if (!binary)
  process.stdout.write('MQTT ingestion against Mosquitto skipped: no mosquitto binary (apt-get install mosquitto)\n');

const setups: [string, (clock: ManualClock) => Promise<MqttBench>][] = [
  ['the embedded broker', (clock) => embeddedBench({ MONITORING_TICK_MS: '3600000', MONITORING_FLUSH_MS: '5' }, clock)],
  ...(binary
    ? [
        [
          'Mosquitto',
          (clock: ManualClock) =>
            mosquittoBench(binary, { MONITORING_TICK_MS: '3600000', MONITORING_FLUSH_MS: '5' }, clock),
        ] as [string, (clock: ManualClock) => Promise<MqttBench>],
      ]
    : []),
];

describe.each(setups)('readings over MQTT through %s', (_name, start) => {
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  let bench: MqttBench;
  let admin: TestUser;
  let a: MonitoredEnterprise;
  let b: MonitoredEnterprise;
  let gatewayA: Gateway;
  const opened: Gateway[] = [];
  /** Messages published so far that the application will see (the broker forwards them, refused or not). */
  let sent = 0;

  beforeAll(async () => {
    bench = await start(clock);
    admin = await bench.t.user(['admin']);
    a = await monitoredEnterprise(bench.t, admin.token);
    b = await monitoredEnterprise(bench.t, admin.token);
    gatewayA = await open(a.creditCode, a.deviceKey);
  });
  afterAll(async () => {
    await Promise.all(opened.map((g) => g.close().catch(() => undefined)));
    await bench?.close();
  });

  const open = async (creditCode: string, key: string): Promise<Gateway> => {
    const gateway = await bench.gateway(creditCode, key);
    opened.push(gateway);
    return gateway;
  };
  const sensor = async (id: string) =>
    (await bench.t.get(`/api/v1/monitoring/sensors/${id}`).expect(200)).body as SensorView;
  const monitoringAlarms = async (sensorId: string): Promise<AlarmView[]> =>
    ((await bench.t.get('/api/v1/alarms?kind=monitoring').expect(200)).body as AlarmView[]).filter(
      (alarm) => alarm.subject.id === sensorId,
    );
  /** Publishes each value `stepSeconds` apart on the clock, stamped with the clock's time, and waits until stored. */
  const feed = async (gateway: Gateway, creditCode: string, code: string, values: number[], stepSeconds = 10) => {
    for (const value of values) {
      clock.advance(stepSeconds * SEC);
      await gateway.publish(`monitoring/${creditCode}/${code}`, { value, at: clock.now().toISOString() });
      sent++;
      await bench.settle(sent);
    }
  };

  it('stores readings published as { value, at }, as a bare number and as a batch; the sensor and its trend show them', async () => {
    const s = await registerSensor(bench.t, admin.token, a.hazardSourceId, sensorBody('LT-M1'));
    await feed(gatewayA, a.creditCode, 'LT-M1', [4.2]);
    expect(await sensor(s.id)).toMatchObject({
      lastValue: 4.2,
      lastReadingAt: clock.now().toISOString(),
      online: true,
    });

    // A bare number is dated by the receive time (the application's clock).
    clock.advance(10 * SEC);
    await gatewayA.publish(`monitoring/${a.creditCode}/LT-M1`, '4.4');
    await bench.settle(++sent);
    expect(await sensor(s.id)).toMatchObject({ lastValue: 4.4, lastReadingAt: clock.now().toISOString() });

    // A buffered batch on the sensor's topic, and the HTTP body on the enterprise's topic.
    clock.advance(10 * SEC);
    const now = clock.now().getTime();
    await gatewayA.publish(`monitoring/${a.creditCode}/LT-M1`, [
      { value: 4.5, at: new Date(now - 4 * SEC).toISOString() },
      { value: 4.6, at: new Date(now - 2 * SEC).toISOString() },
    ]);
    await gatewayA.publish(`monitoring/${a.creditCode}`, {
      readings: [{ sensorCode: 'LT-M1', value: 4.7, at: new Date(now).toISOString() }],
    });
    sent += 2;
    await bench.settle(sent);
    expect((await sensor(s.id)).lastValue).toBe(4.7);
    const trend = (
      await bench.t
        .get(`/api/v1/monitoring/sensors/${s.id}/readings`)
        .query({ from: new Date(now - 3600 * SEC).toISOString(), to: new Date(now).toISOString() })
        .expect(200)
    ).body as SensorTrend;
    expect(trend.resolution).toBe('raw');
    expect(trend.points.map((p) => p.value)).toEqual([4.2, 4.4, 4.5, 4.6, 4.7]);
    const stored = await bench.t.sql<{ n: string }>(
      'select count(*) as n from monitoring_readings where sensor_id = $1',
      [s.id],
    );
    expect(Number(stored[0]!.n)).toBe(5);
  });

  it('refuses a bad device key, and a key of another enterprise: nothing of theirs is stored', async () => {
    const s = await registerSensor(bench.t, admin.token, b.hazardSourceId, sensorBody('LT-KEY'));
    const before = mqttCounters(bench.t);
    if (bench.kind === 'embedded') {
      // The embedded broker checks the key when the gateway connects: CONNACK "bad user name or password".
      expect(
        await connectionRefusal(bench.deviceUrl, { username: b.creditCode, password: 'dk_0000000000000000.nope' }),
      ).toMatch(/Bad username or password/i);
      // A's valid key presented as enterprise B.
      expect(await connectionRefusal(bench.deviceUrl, { username: b.creditCode, password: a.deviceKey })).toMatch(
        /Bad username or password/i,
      );
      expect(mqttCounters(bench.t).connectionsRefused).toBe(before.connectionsRefused! + 2);
    } else {
      // Mosquitto cannot check a key it never saw in clear: the application checks the key every message carries
      // and drops what a bad key, or another enterprise's key, sent.
      const forged = await open(b.creditCode, 'dk_0000000000000000.nope');
      const borrowed = await open(b.creditCode, a.deviceKey);
      clock.advance(10 * SEC);
      await forged.publish(`monitoring/${b.creditCode}/LT-KEY`, { value: 6, at: clock.now().toISOString() });
      await borrowed.publish(`monitoring/${b.creditCode}/LT-KEY`, { value: 7, at: clock.now().toISOString() });
      sent += 2;
      await bench.settle(sent);
      expect(mqttCounters(bench.t).publishesRefused).toBe(before.publishesRefused! + 2);
    }
    expect(await sensor(s.id)).toMatchObject({ lastValue: null, lastReadingAt: null });
  });

  it("refuses a valid key publishing to another enterprise's topic; the gateway's own readings still land", async () => {
    const theirs = await registerSensor(bench.t, admin.token, b.hazardSourceId, sensorBody('LT-THEIRS'));
    const mine = await registerSensor(bench.t, admin.token, a.hazardSourceId, sensorBody('LT-MINE'));
    const intruder = await open(a.creditCode, a.deviceKey);
    clock.advance(10 * SEC);
    if (bench.kind === 'embedded') {
      // The broker closes the connection of a gateway that publishes outside its enterprise's topics.
      const closed = new Promise<void>((resolve) => intruder.client.once('close', () => resolve()));
      await Promise.race([
        intruder.publish(`monitoring/${b.creditCode}/LT-THEIRS`, { value: 9.9, at: clock.now().toISOString() }),
        closed,
      ]).catch(() => undefined);
      await closed;
      await bench.settle(++sent);
    } else {
      // Mosquitto's ACL refuses the publish (MQTT v5 PUBACK "not authorized"); the application never sees it.
      await expect(
        intruder.publish(`monitoring/${b.creditCode}/LT-THEIRS`, { value: 9.9, at: clock.now().toISOString() }),
      ).rejects.toThrow(/Not authorized/i);
    }
    await feed(gatewayA, a.creditCode, 'LT-MINE', [3.3]);
    expect((await sensor(mine.id)).lastValue).toBe(3.3);
    expect(await sensor(theirs.id)).toMatchObject({ lastValue: null });
    expect(await monitoringAlarms(theirs.id)).toEqual([]);
  });

  it('counts and drops malformed payloads without stopping: the next good reading lands', async () => {
    const s = await registerSensor(bench.t, admin.token, a.hazardSourceId, sensorBody('LT-BAD'));
    const before = mqttCounters(bench.t);
    const topic = `monitoring/${a.creditCode}/LT-BAD`;
    for (const junk of ['not json', '{"val":1}', '[]', '{"readings":"x"}', Buffer.alloc(3, 0xff).toString('latin1')])
      await gatewayA.publish(topic, junk);
    await gatewayA.publish(`monitoring/${a.creditCode}`, '7');
    sent += 6;
    // A reading of the right shape whose value is no number: the ingest refuses it and counts it as malformed too.
    clock.advance(SEC);
    await gatewayA.publish(topic, { value: 'hoch', at: clock.now().toISOString() });
    sent++;
    await bench.settle(sent);
    const after = mqttCounters(bench.t);
    expect(after.malformed).toBe(before.malformed! + 6);
    expect(after.rejected).toBe(before.rejected! + 1);
    await feed(gatewayA, a.creditCode, 'LT-BAD', [5.5]);
    expect(await sensor(s.id)).toMatchObject({ lastValue: 5.5, online: true });
    const metrics = (await bench.t.get('/metrics').expect(200)).text;
    const malformed = metrics
      .split('\n')
      .find((l) => l.startsWith('monitoring_readings_since_start{via="mqtt",outcome="malformed"}'));
    expect(Number(malformed?.split(' ').pop())).toBeGreaterThanOrEqual(7);
  });

  it('a flapping sensor raises exactly one alarm, pushed to a console, which clears once back past the deadband', async () => {
    const s = await registerSensor(bench.t, admin.token, a.hazardSourceId, sensorBody('LT-FLAP'));
    const socket = await bench.t.socket();
    const raised: AlarmView[] = [];
    socket.on('alarm.raised', (m: { data: AlarmView }) => {
      if (m.data.subject.id === s.id) raised.push(m.data);
    });
    await feed(gatewayA, a.creditCode, 'LT-FLAP', [7.9, 8.1, 7.9, 8.1, 7.95, 8.2, 8.3, 7.9, 8.1, 7.85, 8.05, 7.9]);
    const open = await monitoringAlarms(s.id);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ kind: 'monitoring', severity: 'major', status: 'raised' });
    expect(open[0]!.title).toContain('高报');
    await eventually(() => raised.length === 1);
    await feed(gatewayA, a.creditCode, 'LT-FLAP', [7.7, 7.6]);
    expect((await monitoringAlarms(s.id)).map((x) => [x.status, x.resolution])).toEqual([
      ['resolved', 'reading_normal'],
    ]);
    expect(raised).toHaveLength(1);
    socket.disconnect();
  });

  it('a sensor whose gateway falls silent goes offline with its own alarm; its next reading over MQTT ends it', async () => {
    const s = await registerSensor(bench.t, admin.token, a.hazardSourceId, sensorBody('GT-SILENT'));
    await feed(gatewayA, a.creditCode, 'GT-SILENT', [3]);
    const watch = bench.t.app.get(SensorWatch);
    // 10 s interval × factor 3: silent for 40 s is offline.
    clock.advance(40 * SEC);
    expect(await watch.tick()).toContainEqual(expect.objectContaining({ kind: 'offline', sensorId: s.id }));
    expect(await sensor(s.id)).toMatchObject({ online: false });
    const [offline] = await monitoringAlarms(s.id);
    expect(offline).toMatchObject({ status: 'raised' });
    expect(offline!.title).toContain('传感器离线');
    await feed(gatewayA, a.creditCode, 'GT-SILENT', [3.1]);
    expect(await sensor(s.id)).toMatchObject({ online: true, lastValue: 3.1 });
    expect((await monitoringAlarms(s.id)).map((x) => [x.status, x.resolution])).toEqual([
      ['resolved', 'sensor_online'],
    ]);
  });
});

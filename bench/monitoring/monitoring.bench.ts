import { connectAsync, type MqttClient } from 'mqtt';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { freePort } from '../../infra/embedded/embedded-postgres.launcher';
import { percentile } from '../support/bench-database';
import { startServerProcess } from '../support/server-process';
import {
  inParallel,
  monitoringBenchDatabase,
  registerFleet,
  signedInUser,
  type BenchEnterprise,
  type BenchSensor,
} from './monitoring.setup';

/**
 * Online monitoring under load (docs/performance.md, "在线监测读数接入"): the built application in a process of its own
 * with its embedded MQTT broker, on a database of its own; ENTERPRISES enterprises × SENSORS sensors registered through
 * the API, one gateway (a real MQTT client) per enterprise. In one run:
 *   1. sustained load over MQTT: every sensor reports at RATE Hz for SECONDS, while PROBES sensors each take one
 *      reading past 高高报 and a real Socket.IO console times reading → `alarm.raised`;
 *   2. the same over HTTP (POST /monitoring/readings, one request per enterprise per period, all its sensors);
 *   3. saturation: SATURATION readings over MQTT as fast as the gateways can send, then over HTTP, timed until stored
 *      (thresholds evaluated: stored means evaluated, the ingest answers after both);
 *   4. the ceiling: the same number of readings inserted bare into the same table, in batches, from one connection.
 * Figures only, no assertions (`npm run bench:monitoring`).
 */
const ENTERPRISES = Number(process.env.ENTERPRISES ?? 200);
const SENSORS = Number(process.env.SENSORS ?? 20);
const RATE = Number(process.env.RATE ?? 1);
const SECONDS = Number(process.env.SECONDS ?? 30);
const PROBES = Number(process.env.PROBES ?? 2 * SECONDS);
const SATURATION = Number(process.env.SATURATION ?? 100_000);
const BARE_BATCH = 2_000;
const GOAL_P99_MS = 1_000;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const ms = (n: number) => (Number.isNaN(n) ? '–' : `${n.toFixed(0)} ms`);
const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec));

async function main(): Promise<void> {
  const database = await monitoringBenchDatabase();
  const mqttPort = await freePort();
  const server = await startServerProcess({
    name: 'monitoring-bench',
    databaseUrl: database.url,
    env: {
      MQTT_PORT: String(mqttPort),
      // Thresholds are what is measured; the offline watch and the alarm watch would only add unrelated alarms.
      MONITORING_TICK_MS: '3600000',
      ALARM_TICK_MS: '3600000',
      RATE_LIMIT_DEVICE_PER_MINUTE: '100000000',
      LOG_LEVEL: 'warn',
    },
    timeoutMs: 120_000,
  });
  const sql = new Client({ connectionString: database.url });
  await sql.connect();
  const gateways: MqttClient[] = [];
  let socket: Socket | undefined;
  try {
    const admin = await signedInUser(sql, server.baseUrl, ['admin']);
    const commander = await signedInUser(sql, server.baseUrl, ['commander']);
    const setupStarted = Date.now();
    const fleet = await registerFleet(
      server.baseUrl,
      admin,
      { enterprises: ENTERPRISES, sensors: SENSORS, probes: PROBES * 2, intervalSeconds: Math.max(1, 1 / RATE) },
      (done) => {
        if (done % 20 === 0 || done === ENTERPRISES)
          process.stdout.write(`  registered ${done}/${ENTERPRISES} enterprises\r`);
      },
    );
    const probes = fleet.flatMap((e) => e.probes.map((p) => ({ enterprise: e, sensor: p })));
    process.stdout.write(
      `\nset-up: ${ENTERPRISES} enterprises × ${SENSORS} sensors (+${probes.length} probe sensors) through the API in ${((Date.now() - setupStarted) / 1000).toFixed(0)} s\n`,
    );

    // The console: a commander of the city, timing alarm.raised of the probes.
    socket = await consoleSocket(server.baseUrl, commander);
    const raisedAt = new Map<string, number>();
    socket.on('alarm.raised', (m: { data: { subject: { id: string }; severity: string } }) => {
      if (m.data.severity === 'critical' && !raisedAt.has(m.data.subject.id))
        raisedAt.set(m.data.subject.id, Date.now());
    });

    const mqttUrl = `mqtt://127.0.0.1:${mqttPort}`;
    await inParallel(fleet.length, 16, async (i) => {
      const e = fleet[i]!;
      gateways[i] = await connectAsync(mqttUrl, {
        protocolVersion: 4,
        username: e.creditCode,
        password: e.key,
        clientId: `bench-${i}`,
        reconnectPeriod: 0,
      });
    });

    const count = async (): Promise<number> =>
      Number((await sql.query<{ n: string }>('select count(*) as n from monitoring_readings')).rows[0]!.n);

    // 1 and 2: sustained load, MQTT then HTTP, with probes.
    const probeHalves = [probes.slice(0, PROBES), probes.slice(PROBES, PROBES * 2)];
    const sustained = [];
    for (const via of ['mqtt', 'http'] as const) {
      const before = await count();
      const result = await sustainedLoad(
        via,
        fleet,
        gateways,
        server.baseUrl,
        probeHalves[via === 'mqtt' ? 0 : 1]!,
        raisedAt,
      );
      const drainStarted = Date.now();
      let stored = (await count()) - before;
      while (stored < result.published && Date.now() - drainStarted < 30_000) {
        await sleep(50);
        stored = (await count()) - before;
      }
      const drainMs = Date.now() - drainStarted;
      await sleep(1_500);
      const latencies = result.probes
        .map((p) => (raisedAt.has(p.sensorId) ? raisedAt.get(p.sensorId)! - p.sentAt : Number.NaN))
        .filter((x) => !Number.isNaN(x))
        .sort((x, y) => x - y);
      sustained.push({ via, ...result, stored, drainMs, latencies });
      const lost = [...result.failures].map(
        ([status, n]) => `${fmt(n)} readings ${status ? `answered ${status}` : 'unanswered'}`,
      );
      process.stdout.write(
        `  sustained ${via}: ${fmt(result.published)} published in ${result.seconds.toFixed(1)} s, ${fmt(stored)} stored (drained ${drainMs} ms), alarm p99 ${ms(percentile(latencies, 99))}${lost.length > 0 ? `; ${lost.join(', ')}` : ''}\n`,
      );
    }

    // 3: saturation over MQTT and HTTP; 4: the bare insert of as many readings.
    const saturated = [];
    for (const via of ['mqtt', 'http'] as const) {
      const before = await count();
      const started = Date.now();
      const sent = await saturate(via, fleet, gateways, server.baseUrl, SATURATION);
      let stored = (await count()) - before;
      while (stored < sent && Date.now() - started < 300_000) {
        await sleep(20);
        stored = (await count()) - before;
      }
      const seconds = (Date.now() - started) / 1000;
      saturated.push({ via, sent, stored, seconds, rate: stored / seconds });
      process.stdout.write(`  saturation ${via}: ${fmt(stored)} stored in ${seconds.toFixed(1)} s\n`);
    }
    const bare = await bareInsert(sql, fleet, SATURATION);

    const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
    const counted = (via: string, outcome: string) =>
      Number(
        metrics
          .split('\n')
          .find((l) => l.startsWith(`monitoring_readings_since_start{via="${via}",outcome="${outcome}"}`))
          ?.split(' ')
          .pop() ?? Number.NaN,
      );

    const lines = [
      '',
      `Online monitoring bench: ${ENTERPRISES} enterprises × ${SENSORS} sensors at ${RATE} Hz (${fmt(ENTERPRISES * SENSORS * RATE)} readings/s offered), ${SECONDS} s per phase, embedded broker, one API process`,
      '',
      'sustained load        offered/s   stored/s   stored/published   backlog drained   reading → console alarm p50 / p95 / p99 / max (n)',
      ...sustained.map(
        (s) =>
          `  ${s.via.padEnd(18)} ${fmt(s.published / s.seconds).padStart(9)} ${fmt(s.stored / (s.seconds + s.drainMs / 1000)).padStart(10)}   ${`${fmt(s.stored)}/${fmt(s.published)}`.padStart(16)}   ${ms(s.drainMs).padStart(15)}   ${ms(percentile(s.latencies, 50))} / ${ms(percentile(s.latencies, 95))} / ${ms(percentile(s.latencies, 99))} / ${ms(s.latencies.at(-1) ?? Number.NaN)} (${s.latencies.length}/${s.probes.length})${percentile(s.latencies, 99) < GOAL_P99_MS ? '' : '  ← over the 1 s goal'}`,
      ),
      '',
      `saturation (${fmt(SATURATION)} readings, thresholds evaluated)   readings/s   ratio to the bare insert`,
      ...saturated.map(
        (s) =>
          `  ${s.via.padEnd(44)} ${fmt(s.rate).padStart(10)}   ${(s.rate / bare.rate).toFixed(2)}×${s.rate / bare.rate >= 0.5 ? '' : '  ← under the 0.5× goal'}${s.stored < s.sent ? `  (${fmt(s.sent - s.stored)} not stored)` : ''}`,
      ),
      `  bare insert into monitoring_readings (unnest, ${fmt(BARE_BATCH)} a statement)  ${fmt(bare.rate).padStart(10)}   1.00×`,
      '',
      `server counters: mqtt accepted ${fmt(counted('mqtt', 'accepted'))}, rejected ${fmt(counted('mqtt', 'rejected'))}; http accepted ${fmt(counted('http', 'accepted'))}, rejected ${fmt(counted('http', 'rejected'))}; server RSS ${fmt(server.rssBytes() / 1024 / 1024)} MB`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    socket?.disconnect();
    await Promise.all(gateways.map((g) => g?.endAsync(true).catch(() => undefined)));
    await sql.end();
    await server.stop();
    await database.drop();
  }
}

function consoleSocket(baseUrl: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${baseUrl}/console`, { transports: ['websocket'], reconnection: false, auth: { token } });
    socket.once('connect_error', reject);
    socket.once('connect', () => {
      socket.emitWithAck('subscribe', { jurisdiction: '640500' }).then((ack: { ok: boolean; error?: string }) => {
        if (!ack.ok) return reject(new Error(`subscribe refused: ${ack.error}`));
        resolve(socket);
      }, reject);
    });
  });
}

/** A normal level around 5 m, with noise, never near a threshold (1 … 8 m). */
const normal = () => Math.round((5 + (Math.random() - 0.5) * 2) * 100) / 100;

/**
 * Every sensor reports at RATE Hz for SECONDS: each enterprise's gateway sends all its sensors' readings at its own
 * offset in the period (so the load is spread, as real gateways' clocks are), one message per reading over MQTT or one
 * request per enterprise over HTTP. Probes cross 高高报 spread evenly over the phase.
 */
async function sustainedLoad(
  via: 'mqtt' | 'http',
  fleet: BenchEnterprise[],
  gateways: MqttClient[],
  baseUrl: string,
  probes: { enterprise: BenchEnterprise; sensor: BenchSensor }[],
  raisedAt: Map<string, number>,
): Promise<{
  published: number;
  seconds: number;
  probes: { sensorId: string; sentAt: number }[];
  failures: Map<number, number>;
}> {
  const periodMs = 1000 / RATE;
  const started = Date.now();
  const end = started + SECONDS * 1000;
  let published = 0;
  const sentProbes: { sensorId: string; sentAt: number }[] = [];
  const pending: Promise<unknown>[] = [];
  /** Readings not taken, by HTTP status (0: no answer). */
  const failures = new Map<number, number>();
  const send = (e: BenchEnterprise, index: number, readings: { sensor: BenchSensor; value: number }[]) => {
    const at = new Date().toISOString();
    if (via === 'mqtt') {
      for (const r of readings)
        pending.push(
          gateways[index]!.publishAsync(
            `monitoring/${e.creditCode}/${r.sensor.code}`,
            JSON.stringify({ value: r.value, at }),
            {
              qos: 1,
            },
          ),
        );
    } else {
      pending.push(
        fetch(`${baseUrl}/api/v1/monitoring/readings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-device-key': e.key },
          body: JSON.stringify({ readings: readings.map((r) => ({ sensorCode: r.sensor.code, value: r.value, at })) }),
        })
          .then(async (res) => {
            await res.arrayBuffer();
            if (res.status !== 202) failures.set(res.status, (failures.get(res.status) ?? 0) + readings.length);
          })
          .catch(() => failures.set(0, (failures.get(0) ?? 0) + readings.length)),
      );
    }
    published += readings.length;
  };
  let probeIndex = 0;
  const probeEvery = (SECONDS * 1000) / Math.max(1, probes.length);
  for (let period = 0; Date.now() < end; period++) {
    const periodStart = started + period * periodMs;
    // Ticks of 10 ms: the enterprises whose offset falls in the tick send now.
    for (let tick = 0; tick < periodMs; tick += 10) {
      const due = periodStart + tick;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      for (let i = 0; i < fleet.length; i++) {
        const offset = (i / fleet.length) * periodMs;
        if (offset >= tick && offset < tick + 10)
          send(
            fleet[i]!,
            i,
            fleet[i]!.sensors.map((sensor) => ({ sensor, value: normal() })),
          );
      }
      while (probeIndex < probes.length && Date.now() - started >= probeIndex * probeEvery) {
        const probe = probes[probeIndex++]!;
        raisedAt.delete(probe.sensor.id);
        sentProbes.push({ sensorId: probe.sensor.id, sentAt: Date.now() });
        send(probe.enterprise, fleet.indexOf(probe.enterprise), [{ sensor: probe.sensor, value: 9.6 }]);
      }
      if (Date.now() >= end) break;
    }
  }
  await Promise.allSettled(pending);
  return { published, seconds: (Date.now() - started) / 1000, probes: sentProbes, failures };
}

/** `total` readings as fast as the gateways send them: over MQTT 100 messages in flight per gateway; over HTTP 16 requests of 200 readings. */
async function saturate(
  via: 'mqtt' | 'http',
  fleet: BenchEnterprise[],
  gateways: MqttClient[],
  baseUrl: string,
  total: number,
): Promise<number> {
  const perEnterprise = Math.ceil(total / fleet.length);
  const base = Date.now() - 60_000;
  if (via === 'mqtt') {
    await Promise.all(
      fleet.map(async (e, i) => {
        for (let k = 0; k < perEnterprise; k += 100) {
          const burst = [];
          for (let j = k; j < Math.min(perEnterprise, k + 100); j++) {
            const sensor = e.sensors[j % e.sensors.length]!;
            const at = new Date(base + j).toISOString();
            burst.push(
              gateways[i]!.publishAsync(
                `monitoring/${e.creditCode}/${sensor.code}`,
                JSON.stringify({ value: normal(), at }),
                {
                  qos: 1,
                },
              ),
            );
          }
          await Promise.all(burst);
        }
      }),
    );
  } else {
    const requests = fleet.flatMap((e) =>
      Array.from({ length: Math.ceil(perEnterprise / 200) }, (_, r) => ({ e, from: r * 200 })),
    );
    let refused = 0;
    await inParallel(requests.length, 16, async (n) => {
      const { e, from } = requests[n]!;
      const readings = [];
      for (let j = from; j < Math.min(perEnterprise, from + 200); j++)
        readings.push({
          sensorCode: e.sensors[j % e.sensors.length]!.code,
          value: normal(),
          at: new Date(base + 30_000 + j).toISOString(),
        });
      const res = await fetch(`${baseUrl}/api/v1/monitoring/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-device-key': e.key },
        body: JSON.stringify({ readings }),
      }).catch(() => null);
      if (!res) return void (refused += readings.length);
      if (res.status !== 202) refused += readings.length;
      await res.arrayBuffer();
    });
    if (refused > 0) process.stdout.write(`  http saturation: ${fmt(refused)} readings refused (not 202)\n`);
    return perEnterprise * fleet.length - refused;
  }
  return perEnterprise * fleet.length;
}

/** The same number of readings straight into monitoring_readings: one statement per batch, one connection. */
async function bareInsert(sql: Client, fleet: BenchEnterprise[], total: number): Promise<{ rate: number }> {
  const sensors = fleet.flatMap((e) => e.sensors.map((s) => s.id));
  const base = Date.now() - 3_600_000;
  const started = Date.now();
  for (let k = 0; k < total; k += BARE_BATCH) {
    const ids: string[] = [];
    const ats: string[] = [];
    const values: number[] = [];
    for (let j = k; j < Math.min(total, k + BARE_BATCH); j++) {
      ids.push(sensors[j % sensors.length]!);
      ats.push(new Date(base + j).toISOString());
      values.push(normal());
    }
    await sql.query(
      'insert into monitoring_readings (sensor_id, at, value) select * from unnest($1::uuid[], $2::timestamptz[], $3::float8[])',
      [ids, ats, values],
    );
  }
  return { rate: total / ((Date.now() - started) / 1000) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

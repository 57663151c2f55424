import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connectAsync, type MqttClient } from 'mqtt';
import type { SensorView } from '@app/monitoring/contract';

/**
 * `npm run simulate:monitoring -- [options]`: the demo enterprises' gateways, publishing realistic readings of every
 * sensor over MQTT until Ctrl+C (docs/monitoring.md, "模拟与压测"). Each sensor wanders around a level inside its
 * thresholds, with noise; now and then one climbs past its 高报/高高报 (or falls below 低报/低低报) for a while and comes
 * back, which raises and then clears a monitoring alarm in the console.
 *
 * Sensors come from the API (signed in as the administrator, .data/admin-password), device keys from
 * .data/demo-device-keys.json (written by the demo seed: the keys are shown once and kept only there).
 */
const HELP = `npm run simulate:monitoring -- [options]
  --api URL           the API (default http://127.0.0.1:3000)
  --mqtt URL          the broker (default mqtt://127.0.0.1:1883, the embedded one)
  --external          the broker is Mosquitto configured by monitoring:mosquitto-auth (MQTT v5, key as user property)
  --speed N           readings N times as often as each sensor's expected interval (default 1)
  --excursion P       chance per reading that a sensor starts an excursion past a threshold (default 0.002)
  --keys FILE         device keys (default .data/demo-device-keys.json)
  --user NAME --password PW   sign in as this user instead of the administrator`;

interface DeviceKeyEntry {
  enterpriseId?: string;
  creditCode: string;
  key: string;
}

interface Simulated {
  sensor: SensorView;
  creditCode: string;
  level: number;
  value: number;
  /** Readings left in the current excursion, and the level it heads for. */
  excursion: { left: number; target: number } | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      api: { type: 'string', default: 'http://127.0.0.1:3000' },
      mqtt: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
      external: { type: 'boolean', default: false },
      speed: { type: 'string', default: '1' },
      excursion: { type: 'string', default: '0.002' },
      keys: { type: 'string', default: '.data/demo-device-keys.json' },
      user: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const speed = Number(values.speed);
  const excursionChance = Number(values.excursion);
  if (!(speed > 0) || !(excursionChance >= 0 && excursionChance <= 1))
    throw new Error('--speed must be > 0 and --excursion between 0 and 1');

  const keys = readKeys(resolve(values.keys));
  const token = await signIn(values.api, values.user, values.password);
  const sensors = await sensorsOf(values.api, token, keys);
  if (sensors.length === 0)
    throw new Error('no sensor of an enterprise with a device key: start the API with demo data');
  const byEnterprise = new Map<string, Simulated[]>();
  for (const s of sensors) byEnterprise.set(s.creditCode, [...(byEnterprise.get(s.creditCode) ?? []), s]);

  const gateways = new Map<string, MqttClient>();
  for (const [creditCode] of byEnterprise) {
    const key = keys.get(creditCode)!.key;
    const client = await connectAsync(values.mqtt, {
      protocolVersion: values.external ? 5 : 4,
      username: creditCode,
      ...(values.external ? {} : { password: key }),
      clientId: `sim-${creditCode}`,
      reconnectPeriod: 2_000,
    });
    client.on('error', (error) => log(`${creditCode}: ${error.message}`));
    gateways.set(creditCode, client);
  }
  log(
    `${gateways.size} gateways connected to ${values.mqtt}, ${sensors.length} sensors; speed ×${speed}, excursion chance ${excursionChance} per reading. Ctrl+C stops.`,
  );

  let published = 0;
  const timers: NodeJS.Timeout[] = [];
  for (const s of sensors) {
    const client = gateways.get(s.creditCode)!;
    const key = keys.get(s.creditCode)!.key;
    const every = Math.max(50, (s.sensor.expectedIntervalSeconds * 1_000) / speed);
    // Spread the sensors over their interval so the broker sees a steady stream, not a burst each period.
    const start = setTimeout(() => {
      const tick = (): void => {
        const value = next(s, excursionChance);
        client.publish(
          `monitoring/${s.creditCode}/${s.sensor.code}`,
          JSON.stringify({ value, at: new Date().toISOString() }),
          { qos: 1, ...(values.external ? { properties: { userProperties: { 'device-key': key } } } : {}) },
        );
        published++;
      };
      tick();
      timers.push(setInterval(tick, every));
    }, Math.random() * every);
    timers.push(start);
  }
  const status = setInterval(() => {
    const out = sensors.filter((s) => s.excursion);
    log(
      `${published} readings published${out.length > 0 ? `; excursion: ${out.map((s) => `${s.sensor.code} ${round(s.value)}${s.sensor.unit}`).join(', ')}` : ''}`,
    );
  }, 10_000);
  await new Promise<void>((done) => process.once('SIGINT', () => done()));
  clearInterval(status);
  for (const timer of timers) clearTimeout(timer);
  await Promise.all([...gateways.values()].map((c) => c.endAsync()));
  log(`stopped after ${published} readings`);
}

/** The next reading: a mean-reverting walk around the sensor's level, or a step of an excursion and back. */
function next(s: Simulated, excursionChance: number): number {
  const { high, highHigh, low, lowLow } = s.sensor.thresholds;
  const span = spanOf(s.sensor);
  if (!s.excursion && Math.random() < excursionChance) {
    const up = highHigh ?? high;
    const down = lowLow ?? low;
    const target = up !== null ? up + span * 0.08 : down !== null ? down - span * 0.08 : s.level + span;
    s.excursion = { left: 20 + Math.floor(Math.random() * 20), target };
    log(`excursion: ${s.creditCode}/${s.sensor.code} (${s.sensor.name}) heads for ${round(target)}${s.sensor.unit}`);
  }
  if (s.excursion) {
    s.excursion.left--;
    const aim = s.excursion.left > 8 ? s.excursion.target : s.level;
    s.value += (aim - s.value) * 0.35;
    if (s.excursion.left <= 0) s.excursion = null;
  } else {
    s.value += (s.level - s.value) * 0.1 + gaussian() * span * 0.01;
  }
  return round(s.value);
}

function spanOf(sensor: SensorView): number {
  const { high, highHigh, low, lowLow } = sensor.thresholds;
  const top = highHigh ?? high;
  const bottom = lowLow ?? low;
  if (top !== null && bottom !== null) return Math.max(1e-6, top - bottom);
  return Math.max(1, Math.abs(top ?? bottom ?? 10));
}

function levelOf(sensor: SensorView): number {
  const { high, low, highHigh, lowLow } = sensor.thresholds;
  const top = high ?? highHigh;
  const bottom = low ?? lowLow;
  if (top !== null && bottom !== null) return (top + bottom) / 2;
  if (top !== null) return top * 0.55;
  if (bottom !== null) return bottom * 1.6 + 1;
  return 10;
}

function gaussian(): number {
  return Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
}

const round = (value: number): number => Math.round(value * 100) / 100;

function log(message: string): void {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

function readKeys(path: string): Map<string, DeviceKeyEntry> {
  if (!existsSync(path)) throw new Error(`${path} is missing: start the API with demo data (npm start) first`);
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const entries: unknown[] = Array.isArray(parsed)
    ? parsed
    : Object.entries(parsed as Record<string, unknown>).map(([creditCode, value]) =>
        typeof value === 'string' ? { creditCode, key: value } : { creditCode, ...(value as object) },
      );
  const keys = new Map<string, DeviceKeyEntry>();
  for (const entry of entries) {
    const e = entry as Partial<DeviceKeyEntry>;
    if (typeof e.creditCode === 'string' && typeof e.key === 'string') keys.set(e.creditCode, e as DeviceKeyEntry);
  }
  return keys;
}

async function signIn(api: string, user?: string, password?: string): Promise<string> {
  const username = user ?? 'admin';
  const secret = password ?? readFileSync(resolve('.data/admin-password'), 'utf8').trim();
  const response = await fetch(`${api}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: secret }),
  });
  if (!response.ok) throw new Error(`signing in as ${username} failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function getJson<T>(api: string, path: string, token: string): Promise<T> {
  const response = await fetch(`${api}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}

async function sensorsOf(api: string, token: string, keys: Map<string, DeviceKeyEntry>): Promise<Simulated[]> {
  const enterprises = listOf<{ id: string; creditCode: string }>(await getJson(api, '/enterprises', token));
  const simulated: Simulated[] = [];
  for (const enterprise of enterprises) {
    if (!keys.has(enterprise.creditCode)) continue;
    const sources = listOf<{ id: string }>(
      await getJson(api, `/hazard-sources?enterpriseId=${encodeURIComponent(enterprise.id)}`, token),
    );
    for (const source of sources) {
      const sensors = listOf<SensorView>(await getJson(api, `/hazard-sources/${source.id}/sensors`, token));
      for (const sensor of sensors) {
        const level = levelOf(sensor);
        simulated.push({ sensor, creditCode: enterprise.creditCode, level, value: level, excursion: null });
      }
    }
  }
  return simulated;
}

/** A list answer, bare or paged (`{ items }`). */
function listOf<T>(answer: unknown): T[] {
  if (Array.isArray(answer)) return answer as T[];
  const items = (answer as { items?: unknown }).items;
  return Array.isArray(items) ? (items as T[]) : [];
}

main().catch((error: unknown) => {
  process.stderr.write(`simulate:monitoring: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { benchDatabase } from '../support/bench-database';
import { inventedCreditCode } from '../support/credit-codes';

// The monitoring bench's scaffolding: its own database, users, and the enterprises, hazard sources, sensors and
// device keys it drives, registered through the API as an administrator would.

/** The bench's own database (see benchDatabase), dropped at the end. */
export async function monitoringBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const database = await benchDatabase('bench_monitoring');
  return { url: database.url, drop: () => database.stop() };
}

/** A user straight in the database (hashed as the application hashes), signed in over HTTP. */
export async function signedInUser(sql: Client, baseUrl: string, roles: string[]): Promise<string> {
  const username = `bench${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const password = `pw-${randomUUID()}`;
  await sql.query(
    `insert into users (id, username, display_name, password_hash, roles, jurisdiction, created_by) values ($1, $2, $3, $4, $5, '640500', 'bench')`,
    [randomUUID(), username, `基准用户 ${username}`, await hash(password), roles],
  );
  return (await post(baseUrl, '/api/v1/auth/login', undefined, { username, password })).accessToken as string;
}

export async function post(
  baseUrl: string,
  path: string,
  token: string | undefined,
  body: unknown,
  expected = [200, 201],
): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const payload = (await response.json()) as Record<string, unknown>;
  if (!expected.includes(response.status))
    throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(payload)}`);
  return payload;
}

/** Runs `task` for 0..count-1, `width` at a time. */
export async function inParallel<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

export interface BenchSensor {
  id: string;
  code: string;
}

export interface BenchEnterprise {
  id: string;
  creditCode: string;
  key: string;
  sensors: BenchSensor[];
  /** Sensors that take one reading past 高高报 each, to time reading → console alarm. */
  probes: BenchSensor[];
}

/** Thresholds of every bench sensor: normal readings wander around 5. */
export const THRESHOLDS = { lowLow: 0.5, low: 1, high: 8, highHigh: 9 };

/**
 * `enterprises` enterprises in the industrial park, each with one hazard source holding `sensors` level sensors and
 * a device key; `probes` more sensors spread over them that raise at the first reading past 高高报 (debounce 1).
 */
export async function registerFleet(
  baseUrl: string,
  admin: string,
  options: { enterprises: number; sensors: number; probes: number; intervalSeconds: number },
  progress: (done: number) => void,
): Promise<BenchEnterprise[]> {
  let done = 0;
  return inParallel(options.enterprises, 8, async (i) => {
    const creditCode = inventedCreditCode(i + 1);
    const enterprise = await post(baseUrl, '/api/v1/enterprises', admin, {
      name: `基准企业 ${i + 1}（虚构）`,
      creditCode,
      industry: 'hazardous_chemicals',
      jurisdiction: '640571',
      address: `中卫工业园区基准路 ${i + 1} 号（虚构）`,
      location: { lat: 37.53 + (i % 20) * 0.001, lng: 105.14 + Math.floor(i / 20) * 0.001 },
      contacts: { principal: { name: '王建国', phone: '0955-7012345' }, safety: null },
    });
    const enterpriseId = enterprise.id as string;
    const source = await post(baseUrl, '/api/v1/hazard-sources', admin, {
      enterpriseId,
      name: '液氨储罐区',
      unitKind: 'storage',
      exposedPopulation: 60,
      substances: [{ casNo: '7664-41-7', name: '氨', quantityTonnes: 40 }],
    });
    const key = (await post(baseUrl, `/api/v1/enterprises/${enterpriseId}/device-keys`, admin, { label: '基准网关' }))
      .key as string;
    const register = async (code: string, debounceReadings: number): Promise<BenchSensor> => {
      const sensor = await post(baseUrl, `/api/v1/hazard-sources/${source.id as string}/sensors`, admin, {
        code,
        name: `储罐液位 ${code}`,
        kind: 'level',
        unit: 'm',
        thresholds: THRESHOLDS,
        expectedIntervalSeconds: options.intervalSeconds,
        debounceReadings,
      });
      return { id: sensor.id as string, code };
    };
    const sensors: BenchSensor[] = [];
    for (let s = 0; s < options.sensors; s++) sensors.push(await register(`LT-${String(s + 1).padStart(3, '0')}`, 2));
    const probes: BenchSensor[] = [];
    for (let p = i; p < options.probes; p += options.enterprises)
      probes.push(await register(`PROBE-${String(p + 1).padStart(3, '0')}`, 1));
    progress(++done);
    return { id: enterpriseId, creditCode, key, sensors, probes };
  });
}

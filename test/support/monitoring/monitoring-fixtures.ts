import request from 'supertest';
import type { SensorView } from '../../../libs/monitoring/src/contract';
import { enterpriseBody } from '../enterprises/enterprise-fixtures';
import type { TestApp } from '../test-app';

/** An enterprise as the monitoring tests need it: registered, with a hazard source and a gateway's device key. */
export interface MonitoredEnterprise {
  enterpriseId: string;
  creditCode: string;
  hazardSourceId: string;
  deviceKey: string;
}

/**
 * Registers an enterprise in `jurisdiction` (the industrial park unless told), a major hazard source on it (a liquid
 * ammonia store) and issues a device key — all through the enterprise register's own HTTP API, as an admin.
 */
export async function monitoredEnterprise(
  t: TestApp,
  adminToken: string,
  overrides: Record<string, unknown> = {},
): Promise<MonitoredEnterprise> {
  const body = enterpriseBody(overrides);
  const enterprise = (await t.post('/api/v1/enterprises', adminToken).send(body).expect(201)).body as {
    id: string;
    creditCode: string;
  };
  const source = (
    await t
      .post('/api/v1/hazard-sources', adminToken)
      .send({
        enterpriseId: enterprise.id,
        name: '液氨储罐区',
        unitKind: 'storage',
        exposedPopulation: 60,
        substances: [{ casNo: '7664-41-7', name: '氨', quantityTonnes: 40 }],
      })
      .expect(201)
  ).body as { id: string };
  const key = (
    await t.post(`/api/v1/enterprises/${enterprise.id}/device-keys`, adminToken).send({ label: '罐区网关' }).expect(201)
  ).body as { key: string };
  return {
    enterpriseId: enterprise.id,
    creditCode: enterprise.creditCode,
    hazardSourceId: source.id,
    deviceKey: key.key,
  };
}

/** A level sensor with all four thresholds (m), debounce 2 readings, deadband 0.2 m unless told otherwise. */
export function sensorBody(code: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code,
    name: '1# 液氨储罐液位',
    kind: 'level',
    unit: 'm',
    thresholds: { lowLow: 0.5, low: 1, high: 8, highHigh: 9 },
    expectedIntervalSeconds: 10,
    deadband: 0.2,
    debounceReadings: 2,
    ...overrides,
  };
}

export async function registerSensor(
  t: TestApp,
  adminToken: string,
  hazardSourceId: string,
  body: Record<string, unknown>,
): Promise<SensorView> {
  return (await t.post(`/api/v1/hazard-sources/${hazardSourceId}/sensors`, adminToken).send(body).expect(201))
    .body as SensorView;
}

/** POST /monitoring/readings as a gateway: the device key, no user token. */
export function postReadings(t: TestApp, deviceKey: string | undefined, readings: unknown[]): request.Test {
  const req = request(t.baseUrl).post('/api/v1/monitoring/readings');
  if (deviceKey !== undefined) req.set('X-Device-Key', deviceKey);
  return req.send({ readings });
}

/** Readings of one sensor at `step` seconds apart, ending at `end`. */
export function readingsOf(code: string, values: number[], end: Date, stepSeconds = 10) {
  return values.map((value, i) => ({
    sensorCode: code,
    value,
    at: new Date(end.getTime() - (values.length - 1 - i) * stepSeconds * 1000).toISOString(),
  }));
}

import type { AlarmView } from '../../../libs/alarms/src/contract';
import type { SensorView } from '../../../libs/monitoring/src/contract';
import { eventually } from '../eventually';
import {
  monitoredEnterprise,
  postReadings,
  readingsOf,
  registerSensor,
  sensorBody,
  type MonitoredEnterprise,
} from '../monitoring/monitoring-fixtures';
import type { TestApp } from '../test-app';

/** A real monitoring alarm and the chain behind it, all made through the HTTP API as an admin and a gateway would. */
export interface MonitoringAlarmChain extends MonitoredEnterprise {
  sensor: SensorView;
  alarm: AlarmView;
}

/** The monitoring alarms a token sees for one sensor. */
export async function alarmsOfSensor(t: TestApp, sensorId: string, token?: string): Promise<AlarmView[]> {
  const list = (await t.get('/api/v1/alarms?kind=monitoring', token).expect(200)).body as AlarmView[];
  return list.filter((a) => a.subject.id === sensorId);
}

/**
 * An enterprise in the industrial park with a liquid-ammonia store and a level sensor (高高报 9 m), and a gateway that
 * reports the tank filling past 9 m over HTTP with the enterprise's device key: the monitoring core raises the
 * 高高报 alarm. Answers the chain and the alarm as `token` sees it.
 */
export async function highHighAlarm(
  t: TestApp,
  adminToken: string,
  options: { enterprise?: Record<string, unknown>; sensorCode?: string; token?: string } = {},
): Promise<MonitoringAlarmChain> {
  const chain = await monitoredEnterprise(t, adminToken, options.enterprise ?? {});
  const code = options.sensorCode ?? 'LT-101';
  const sensor = await registerSensor(t, adminToken, chain.hazardSourceId, sensorBody(code));
  await postReadings(t, chain.deviceKey, readingsOf(code, [5.2, 9.4, 9.6, 9.7], new Date(Date.now() - 1000))).expect(
    202,
  );
  const alarm = await eventually(async () =>
    (await alarmsOfSensor(t, sensor.id, options.token)).find((a) => a.status === 'raised' && a.severity === 'critical'),
  );
  return { ...chain, sensor, alarm };
}

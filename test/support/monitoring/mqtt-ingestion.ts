import { until } from '../eventually';
import { startTestApp, type TestApp } from '../test-app';
import type { Clock } from '../../../libs/shared/src';
import { embeddedBrokerUrl, flushMqtt, Gateway, mqttCounters } from './gateway';
import { startMosquitto, type RunningMosquitto } from './mosquitto';

/**
 * The application and a broker its gateways publish to: the embedded one, or a real Mosquitto the application
 * subscribes to. The ingestion suite runs the same steps against both.
 */
export interface MqttBench {
  kind: 'embedded' | 'mosquitto';
  t: TestApp;
  /** A gateway of the enterprise with this credit code, signed in with `key` as this broker wants it. */
  gateway(creditCode: string, key: string): Promise<Gateway>;
  /** Where gateways connect. */
  deviceUrl: string;
  /**
   * Waits until the application has taken `handled` messages in all (stored, refused or malformed: the messages
   * travel through the broker asynchronously) and handed what it took to the ingest.
   */
  settle(handled: number): Promise<void>;
  /** Messages the application has handled so far. */
  handled(): number;
  close(): Promise<void>;
}

function handledBy(t: TestApp): number {
  const c = mqttCounters(t);
  return c.messages! + c.publishesRefused!;
}

async function settleOn(t: TestApp, handled: number): Promise<void> {
  await until(() => handledBy(t) >= handled);
  await flushMqtt(t);
}

export async function embeddedBench(overrides: Record<string, string>, clock: Clock): Promise<MqttBench> {
  const t = await startTestApp(overrides, { clock });
  const deviceUrl = embeddedBrokerUrl(t);
  return {
    kind: 'embedded',
    t,
    deviceUrl,
    gateway: (creditCode, key) => Gateway.embedded(deviceUrl, creditCode, key),
    settle: (handled) => settleOn(t, handled),
    handled: () => handledBy(t),
    close: () => t.close(),
  };
}

export async function mosquittoBench(
  binary: string,
  overrides: Record<string, string>,
  clock: Clock,
): Promise<MqttBench> {
  const broker: RunningMosquitto = await startMosquitto(binary);
  let t: TestApp;
  try {
    t = await startTestApp({ MQTT_URL: broker.apiUrl, ...overrides }, { clock });
  } catch (error) {
    await broker.stop();
    throw error;
  }
  return {
    kind: 'mosquitto',
    t,
    deviceUrl: broker.deviceUrl,
    gateway: (creditCode, key) => Gateway.mosquitto(broker.deviceUrl, creditCode, key),
    settle: (handled) => settleOn(t, handled),
    handled: () => handledBy(t),
    close: async () => {
      await t.close();
      await broker.stop();
    },
  };
}

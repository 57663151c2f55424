import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { DEVICE_KEY_PROPERTY, MqttTransport } from '../../../libs/monitoring/src';
import type { TestApp } from '../test-app';

/** Where the application's embedded broker listens (the test app asks for a free port). */
export function embeddedBrokerUrl(t: TestApp): string {
  const address = t.app.get(MqttTransport).address();
  if (!address) throw new Error('the application runs no embedded MQTT broker (MQTT_BROKER is not embedded)');
  return `mqtt://127.0.0.1:${address.port}`;
}

/** Hands every reading taken over MQTT to the ingest now, instead of waiting for the batch's few milliseconds. */
export function flushMqtt(t: TestApp): Promise<void> {
  return t.app.get(MqttTransport).flush();
}

export function mqttCounters(t: TestApp): Record<string, number> {
  return t.app.get(MqttTransport).counters.snapshot();
}

/**
 * An enterprise's gateway, a real MQTT client. On the embedded broker it signs in with the credit code and the device
 * key (MQTT 3.1.1); on Mosquitto it names the credit code and carries the key on every message (MQTT v5 user property).
 */
export class Gateway {
  private constructor(
    readonly client: MqttClient,
    private readonly key: string | undefined,
  ) {}

  static async embedded(url: string, creditCode: string, key: string, options: IClientOptions = {}): Promise<Gateway> {
    const client = await connectAsync(url, {
      protocolVersion: 4,
      username: creditCode,
      password: key,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
      ...options,
    });
    return new Gateway(client, undefined);
  }

  static async mosquitto(url: string, creditCode: string, key: string, options: IClientOptions = {}): Promise<Gateway> {
    const client = await connectAsync(url, {
      protocolVersion: 5,
      username: creditCode,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
      ...options,
    });
    return new Gateway(client, key);
  }

  /** QoS 1: resolves once the broker took it (or rejects when the broker refused it or closed the connection). */
  async publish(topic: string, payload: string | Record<string, unknown> | unknown[] | number): Promise<void> {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    await this.client.publishAsync(topic, body, {
      qos: 1,
      ...(this.key ? { properties: { userProperties: { [DEVICE_KEY_PROPERTY]: this.key } } } : {}),
    });
  }

  async close(): Promise<void> {
    await this.client.endAsync(true);
  }
}

/** The reason a connection was refused, or null when it was accepted (then it is closed again). */
export async function connectionRefusal(url: string, options: IClientOptions): Promise<string | null> {
  try {
    const client = await connectAsync(url, { reconnectPeriod: 0, connectTimeout: 5_000, ...options });
    await client.endAsync(true);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : 'refused';
  }
}

import type { BatcherOptions } from './reading-batcher';

/** How readings come in over MQTT (docs/operations.md, MQTT_* settings; docs/monitoring.md, "MQTT 接入"). */
export type MqttTransportOptions =
  | { mode: 'off' }
  | { mode: 'embedded'; host: string; port: number; batch: BatcherOptions }
  | {
      mode: 'external';
      url: string;
      username?: string;
      password?: string;
      /** Replicas in one group share the readings: each is delivered to one of them (`$share/{group}/…`). */
      shareGroup: string;
      batch: BatcherOptions;
    };

export const MQTT_TRANSPORT_OPTIONS = Symbol('MQTT_TRANSPORT_OPTIONS');

/** The verifier of device keys (the enterprise register's `DeviceKeys`), as far as the transport uses it. */
export interface DeviceKeyVerifier {
  verify(
    key: string,
  ): Promise<{ keyId: string; enterpriseId: string; creditCode: string; jurisdiction: string } | null>;
}

export const DEVICE_KEY_VERIFIER = Symbol('DEVICE_KEY_VERIFIER');
export const READING_SINK = Symbol('READING_SINK');

/** The ingestion counters of /metrics (`MonitoringCounters`): a malformed MQTT message counts as one malformed reading. */
export interface IngestCounters {
  rejected(via: 'mqtt', readings: number, malformed: number): void;
}

export const INGEST_COUNTERS = Symbol('INGEST_COUNTERS');

/** The MQTT v5 user property that carries the device key on every message through an external broker. */
export const DEVICE_KEY_PROPERTY = 'device-key';

export function mqttOptionsFrom(config: {
  MQTT_BROKER?: 'embedded' | 'external' | 'off';
  MQTT_HOST: string;
  MQTT_PORT: number;
  MQTT_URL?: string;
  MQTT_USERNAME?: string;
  MQTT_PASSWORD?: string;
  MQTT_SHARE_GROUP: string;
  MQTT_BATCH_SIZE: number;
  MQTT_BATCH_MS: number;
}): MqttTransportOptions {
  const mode = config.MQTT_BROKER ?? (config.MQTT_URL ? 'external' : 'embedded');
  const batch: BatcherOptions = {
    maxBatch: config.MQTT_BATCH_SIZE,
    maxDelayMs: config.MQTT_BATCH_MS,
    maxPending: config.MQTT_BATCH_SIZE * 20,
    // The ingest writes what every caller hands it within its flush window in one statement: hand it every
    // enterprise's group at once rather than a few at a time.
    concurrency: 1_000,
  };
  if (mode === 'off') return { mode };
  if (mode === 'embedded') return { mode, host: config.MQTT_HOST, port: config.MQTT_PORT, batch };
  return {
    mode,
    url: config.MQTT_URL!,
    ...(config.MQTT_USERNAME ? { username: config.MQTT_USERNAME } : {}),
    ...(config.MQTT_PASSWORD ? { password: config.MQTT_PASSWORD } : {}),
    shareGroup: config.MQTT_SHARE_GROUP,
    batch,
  };
}

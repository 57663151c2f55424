/**
 * MQTT topics of online monitoring: a gateway publishes one sensor's readings on `monitoring/{creditCode}/{sensorCode}`,
 * or several sensors' readings at once on `monitoring/{creditCode}`. The credit code names the enterprise the device key
 * must belong to; nothing else in the topic is trusted.
 */
export const TOPIC_ROOT = 'monitoring';

export interface MonitoringTopic {
  creditCode: string;
  /** Absent on the enterprise's batch topic: each reading then names its sensor. */
  sensorCode?: string;
}

/** Sensor codes and credit codes are plain tokens: no MQTT wildcard, no separator, no control character. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a topic token may not hold
const TOKEN = /^[^\s/#+\u0000-\u001f]{1,64}$/u;

export function parseTopic(topic: string): MonitoringTopic | null {
  const parts = topic.split('/');
  if (parts[0] !== TOPIC_ROOT || parts.length < 2 || parts.length > 3) return null;
  const [, creditCode, sensorCode] = parts;
  if (!creditCode || !TOKEN.test(creditCode)) return null;
  if (sensorCode === undefined) return { creditCode };
  if (!TOKEN.test(sensorCode)) return null;
  return { creditCode, sensorCode };
}

export function sensorTopic(creditCode: string, sensorCode: string): string {
  return `${TOPIC_ROOT}/${creditCode}/${sensorCode}`;
}

/** What the API subscribes to on an external broker: both topic shapes of every enterprise. */
export const ALL_READINGS_FILTERS = [`${TOPIC_ROOT}/+/+`, `${TOPIC_ROOT}/+`] as const;

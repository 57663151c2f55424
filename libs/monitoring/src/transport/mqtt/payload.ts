/**
 * What an MQTT reading message may carry (docs/monitoring.md, "MQTT 接入"):
 * - on `monitoring/{creditCode}/{sensorCode}`: a JSON object `{ "value": 12.5, "at": "2026-…Z" }`, a JSON array of such
 *   objects (a gateway that buffered), or a bare number `12.5` — then the broker's receive time is the reading's time,
 *   for the simplest devices that have no clock worth trusting;
 * - on `monitoring/{creditCode}`: `{ "readings": [{ "sensorCode", "value", "at" }] }`, the body of POST /monitoring/readings.
 * A reading without `at` takes the receive time too. Whether the value is a finite number and `at` a sane instant is
 * the ingest's check (the same for HTTP and MQTT); here only the message's shape is judged, and a message that is not
 * one of these shapes is malformed as a whole.
 */
export interface DecodedReading {
  sensorCode: string;
  value: unknown;
  at: unknown;
}

export type Decoded = { ok: true; readings: DecodedReading[] } | { ok: false; reason: string };

/** More readings than this in one message is not a gateway's buffer but a mistake or an attack. */
export const MAX_READINGS_PER_MESSAGE = 1_000;
/** MQTT allows 256 MB; a reading message is a few dozen bytes. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

const BARE_NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

export function decodePayload(payload: Buffer, sensorCode: string | undefined, receivedAt: Date): Decoded {
  if (payload.length === 0) return { ok: false, reason: 'empty payload' };
  if (payload.length > MAX_PAYLOAD_BYTES) return { ok: false, reason: 'payload too large' };
  const text = payload.toString('utf8');
  const fallbackAt = receivedAt.toISOString();
  if (sensorCode !== undefined && BARE_NUMBER.test(text)) {
    return { ok: true, readings: [{ sensorCode, value: Number(text), at: fallbackAt }] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (sensorCode !== undefined) {
    const items = Array.isArray(parsed) ? parsed : [parsed];
    if (items.length === 0) return { ok: false, reason: 'empty batch' };
    if (items.length > MAX_READINGS_PER_MESSAGE) return { ok: false, reason: 'too many readings' };
    const readings: DecodedReading[] = [];
    for (const item of items) {
      if (!isPlainObject(item) || !('value' in item)) return { ok: false, reason: 'reading without value' };
      readings.push({ sensorCode, value: item.value, at: item.at ?? fallbackAt });
    }
    return { ok: true, readings };
  }
  if (!isPlainObject(parsed) || !Array.isArray(parsed.readings)) return { ok: false, reason: 'no readings array' };
  if (parsed.readings.length === 0) return { ok: false, reason: 'empty batch' };
  if (parsed.readings.length > MAX_READINGS_PER_MESSAGE) return { ok: false, reason: 'too many readings' };
  const readings: DecodedReading[] = [];
  for (const item of parsed.readings as unknown[]) {
    if (!isPlainObject(item) || typeof item.sensorCode !== 'string' || !('value' in item))
      return { ok: false, reason: 'reading without sensorCode or value' };
    readings.push({ sensorCode: item.sensorCode, value: item.value, at: item.at ?? fallbackAt });
  }
  return { ok: true, readings };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

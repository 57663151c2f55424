/**
 * Checks of one incoming reading, pure. Each refusal carries a Chinese reason for the gateway's operator; `malformed`
 * tells a reading that is not one at all from a well-formed one the system refuses.
 */
export interface RawReading {
  sensorCode: unknown;
  value: unknown;
  at: unknown;
}

export type CheckedReading =
  { ok: true; sensorCode: string; value: number; at: Date } | { ok: false; malformed: boolean; reason: string };

/** An instant with its offset (Z or ±hh:mm): a time without one would be read in the server's zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const CODE = /^[\x21-\x7e]{1,64}$/;

export function checkReading(
  raw: unknown,
  now: Date,
  window: { futureSkewSeconds: number; maxAgeHours: number },
): CheckedReading {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, malformed: true, reason: '读数须为含 sensorCode、value、at 的对象' };
  const { sensorCode, value, at } = raw as RawReading;
  if (typeof sensorCode !== 'string' || !CODE.test(sensorCode))
    return { ok: false, malformed: true, reason: '传感器编码（sensorCode）缺失或格式不正确（1–64 个可见 ASCII 字符）' };
  if (typeof value !== 'number' || !Number.isFinite(value))
    return { ok: false, malformed: true, reason: `传感器 ${sensorCode} 的读数（value）须为有限数值` };
  if (typeof at !== 'string' || !ISO_INSTANT.test(at) || Number.isNaN(Date.parse(at)))
    return {
      ok: false,
      malformed: true,
      reason: `传感器 ${sensorCode} 的时间（at）须为带时区的 ISO 8601 时间，如 2026-12-06T08:00:00Z`,
    };
  const instant = new Date(Date.parse(at));
  if (instant.getTime() > now.getTime() + window.futureSkewSeconds * 1000)
    return {
      ok: false,
      malformed: false,
      reason: `传感器 ${sensorCode} 的时间晚于当前时间 ${window.futureSkewSeconds} 秒以上，请校准网关时钟`,
    };
  if (instant.getTime() < now.getTime() - window.maxAgeHours * 3600_000)
    return {
      ok: false,
      malformed: false,
      reason: `传感器 ${sensorCode} 的时间早于 ${window.maxAgeHours} 小时之前，不再接收`,
    };
  return { ok: true, sensorCode, value, at: instant };
}

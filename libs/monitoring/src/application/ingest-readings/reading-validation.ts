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
/**
 * The largest magnitude a reading may have. No physical quantity a plant measures comes near it, and bounding it keeps
 * the aggregates' sums far from the float range: a pair of readings near 1e308 would otherwise overflow a sum and
 * fail the shared insert of every gateway writing at that moment.
 */
export const MAX_READING_MAGNITUDE = 1e12;

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
  if (Math.abs(value) > MAX_READING_MAGNITUDE)
    return {
      ok: false,
      malformed: false,
      reason: `传感器 ${sensorCode} 的读数超出可接收范围（绝对值不得大于 10¹²），请检查仪表或网关`,
    };
  if (typeof at !== 'string' || !ISO_INSTANT.test(at) || Number.isNaN(Date.parse(at)) || !realCalendarDay(at))
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

/**
 * The written calendar day exists: the parser rolls an impossible day over (the 31st of February becomes a day of
 * March), so the date part is checked against the days of its month, leap years included.
 */
function realCalendarDay(at: string): boolean {
  const year = Number(at.slice(0, 4));
  const month = Number(at.slice(5, 7));
  const day = Number(at.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

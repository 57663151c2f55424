/** Times are shown in Asia/Shanghai whatever the browser's zone. */
export const TIME_ZONE = 'Asia/Shanghai';

const full = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const short = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function formatTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (withSeconds ? full : short).format(d);
}

/** `2026-11-22T13:40` from an <input type=datetime-local>, read as Beijing time → `2026-11-22T13:40:00+08:00`. */
export function localInputToShanghaiIso(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  return `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}+08:00`;
}

/** The current Beijing wall time as a datetime-local value. */
export function nowShanghaiInput(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const hour = get('hour') === '24' ? '00' : get('hour');
  return `${get('year')}-${get('month')}-${get('day')}T${hour}:${get('minute')}`;
}

/** `1:02:03` / `-0:05:00` style countdown for a number of milliseconds. */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let s = Math.floor(Math.abs(ms) / 1000);
  // Whole days apart, so a long delay reads "3天 4:05:06" rather than thousands of hours or minutes.
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${sign}${d > 0 ? `${d}天 ` : ''}${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * The console's language and display zone as plain module state, for the code that formats outside React's tree:
 * `errorText` of the API client and the formatters below are called from event handlers and by every screen, and take
 * no language argument. The provider of `I18nContext` (App) keeps the language here in step with the context;
 * `/console-config.json` sets the zone once on start. Components read the language from `useI18n()`. It lives in this
 * module, which imports nothing, so the server-side unit specs can load the formatters on their own; other code
 * imports it through `app/locale.ts`.
 */
export type LocaleLang = 'zh' | 'en';

/** The zone of the jurisdiction the server is configured for (`TIME_ZONE`); the national zone until it is read. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

let lang: LocaleLang = 'zh';
let zone = DEFAULT_TIME_ZONE;
const zoneListeners = new Set<() => void>();

export function activeLang(): LocaleLang {
  return lang;
}

export function setActiveLang(next: LocaleLang): void {
  lang = next;
}

export function activeTimeZone(): string {
  return zone;
}

/** An unknown zone name would make every `Intl.DateTimeFormat` throw: it is refused and the current zone kept. */
export function setActiveTimeZone(next: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: next });
  } catch {
    return false;
  }
  if (next !== zone) {
    zone = next;
    for (const listener of [...zoneListeners]) listener();
  }
  return true;
}

export function onTimeZoneChange(listener: () => void): () => void {
  zoneListeners.add(listener);
  return () => {
    zoneListeners.delete(listener);
  };
}

/**
 * Times are stored as UTC instants and shown in the jurisdiction's zone (from `/console-config.json`, Beijing time
 * until it is read) whatever the browser's zone, through `Intl.DateTimeFormat` in the console's language.
 */
export const TIME_ZONE = DEFAULT_TIME_ZONE;

type Variant = 'minutes' | 'seconds' | 'minutesYear' | 'secondsYear' | 'date' | 'year';

const OPTIONS: Record<Variant, Intl.DateTimeFormatOptions> = {
  minutes: { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
  seconds: { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  minutesYear: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
  secondsYear: {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  },
  date: { year: 'numeric', month: '2-digit', day: '2-digit' },
  year: { year: 'numeric' },
};

/** English months by name: "03/01" reads as March in one country and January in another. */
const EN_OPTIONS: Partial<Record<Variant, Intl.DateTimeFormatOptions>> = {
  minutes: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  seconds: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  minutesYear: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  secondsYear: {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  },
  date: { year: 'numeric', month: 'short', day: 'numeric' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(variant: Variant, lang: LocaleLang, zone: string): Intl.DateTimeFormat {
  const key = `${variant}|${lang}|${zone}`;
  let format = formats.get(key);
  if (!format) {
    const options = (lang === 'en' ? EN_OPTIONS[variant] : undefined) ?? OPTIONS[variant];
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
      ...options,
      timeZone: zone,
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  return format;
}

const yearOf = (date: Date, zone: string) => formatter('year', 'en', zone).format(date);

/**
 * An instant as the duty officer reads it, in the jurisdiction's zone: month, day and time, with the year whenever it
 * is not the current year there (a deadline of last December, an expiry next spring).
 */
export function formatTime(
  iso: string | null | undefined,
  withSeconds = false,
  { lang = activeLang(), zone = activeTimeZone(), now = new Date() } = {},
): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const otherYear = yearOf(d, zone) !== yearOf(now, zone);
  const variant: Variant = withSeconds
    ? otherYear
      ? 'secondsYear'
      : 'seconds'
    : otherYear
      ? 'minutesYear'
      : 'minutes';
  return formatter(variant, lang, zone).format(d);
}

/**
 * A calendar day with its year: an instant (the day it falls on in the jurisdiction's zone) or a local date
 * (`2027-03-01`, as the plan register and the duty rota write them, which is no instant and is shown as written).
 */
export function formatDate(
  value: string | null | undefined,
  { lang = activeLang(), zone = activeTimeZone() } = {},
): string {
  if (!value) return '—';
  const local = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = local ? new Date(Date.UTC(Number(local[1]), Number(local[2]) - 1, Number(local[3]), 12)) : new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return formatter('date', lang, local ? 'UTC' : zone).format(d);
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
export function formatCountdown(ms: number, lang: LocaleLang = activeLang()): string {
  const sign = ms < 0 ? '-' : '';
  let s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const clock = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  // Past a day the hours stop meaning anything at a glance (342:25:00): days first.
  if (h < 24) return `${sign}${h}:${clock}`;
  const days = Math.floor(h / 24);
  return lang === 'en' ? `${sign}${days} d ${h % 24}:${clock}` : `${sign}${days} 天 ${h % 24}:${clock}`;
}

const EN_UNITS = { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'] } as const;
const ZH_UNITS = { day: '天', hour: '小时', minute: '分钟' } as const;

function amount(n: number, unit: keyof typeof ZH_UNITS, lang: LocaleLang): string {
  return lang === 'en' ? `${n} ${EN_UNITS[unit][n === 1 ? 0 : 1]}` : `${n} ${ZH_UNITS[unit]}`;
}

/**
 * A span as a person reads it: minutes under an hour, then hours and minutes, then days and hours — "超时 44583 分钟"
 * tells a duty officer nothing, "超时 30 天 23 小时" does.
 */
export function durationText(ms: number, lang: LocaleLang = activeLang()): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return amount(minutes, 'minute', lang);
  const hours = Math.floor(minutes / 60);
  if (hours < 24)
    return minutes % 60 === 0
      ? amount(hours, 'hour', lang)
      : `${amount(hours, 'hour', lang)} ${amount(minutes % 60, 'minute', lang)}`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0
    ? amount(days, 'day', lang)
    : `${amount(days, 'day', lang)} ${amount(hours % 24, 'hour', lang)}`;
}

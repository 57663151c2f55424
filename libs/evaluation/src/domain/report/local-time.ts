/**
 * Times as an official document writes them: the date in Chinese (2026年11月23日), the clock time (10:05:30) and the
 * zone by name, all in the drill's own time zone. Never an ISO string: the report is read, not parsed.
 */
function parts(instant: string, zone: string) {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const get = (type: string) => format.formatToParts(new Date(instant)).find((p) => p.type === type)?.value ?? '';
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    time: `${get('hour')}:${get('minute')}:${get('second')}`,
  };
}

export const chineseDate = (instant: string, zone: string): string => {
  const p = parts(instant, zone);
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
};

export const clockTime = (instant: string, zone: string): string => parts(instant, zone).time;

/** 日期 + 时刻, for one-off moments (a finding's time, a report time on another day). */
export const dateAndTime = (instant: string, zone: string): string =>
  `${chineseDate(instant, zone)} ${clockTime(instant, zone)}`;

/** The zone as the document names it: 北京时间 for China's zone, otherwise its long name and UTC offset. */
export function zoneName(zone: string, at: string): string {
  if (zone === 'Asia/Shanghai' || zone === 'Asia/Chongqing' || zone === 'PRC') return '北京时间';
  try {
    const offset = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(at))
      .find((p) => p.type === 'timeZoneName')?.value;
    const name = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, timeZoneName: 'long' })
      .formatToParts(new Date(at))
      .find((p) => p.type === 'timeZoneName')?.value;
    return [name, offset ? `（${offset.replace('GMT', 'UTC')}）` : ''].join('');
  } catch {
    return '当地时间';
  }
}

/** A span in minutes and seconds (3 分 20 秒); hours once it reaches an hour. */
export function minutesAndSeconds(seconds: number | null): string {
  if (seconds === null) return '未发生';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return h > 0 ? `${h} 小时 ${m} 分 ${rest} 秒` : `${m} 分 ${rest} 秒`;
}

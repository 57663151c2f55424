import { TIME_ZONE } from '../../time';
import type { Lang } from '../../i18n';

/**
 * How a stale instant is told: the wall time in the jurisdiction's zone (with the date when it is not today there),
 * and how long ago in words of the console's language. Both through Intl, so English and Chinese read naturally.
 */
export function staleWords(sinceIso: string, now: number, lang: Lang): { time: string; ago: string } {
  const since = new Date(sinceIso);
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const sameDay = day.format(since) === day.format(new Date(now));
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    ...(sameDay ? {} : { year: 'numeric', month: '2-digit', day: '2-digit' }),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(since);
  const seconds = Math.max(0, Math.round((now - since.getTime()) / 1000));
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const ago =
    seconds < 60
      ? words.format(-seconds, 'second')
      : seconds < 3600
        ? words.format(-Math.floor(seconds / 60), 'minute')
        : seconds < 86_400
          ? words.format(-Math.floor(seconds / 3600), 'hour')
          : words.format(-Math.floor(seconds / 86_400), 'day');
  return { time, ago };
}

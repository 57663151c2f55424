import type { Lang } from '../../i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the incident's jurisdiction reads it, with its year (a log may span a new year), in the console's
 * language. The zone comes with the answer (`timeZone`), so a county in another zone shows its own clock.
 */
export function formatInZone(iso: string, timeZone: string, lang: Lang): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const key = `${timeZone}|${lang}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  return format.format(at);
}

import { useMemo } from 'react';
import { useI18n, type Lang } from '../../i18n';

/**
 * Instants in the watch's own zone (the server names it with the desk), with the year: a shift or warning may run
 * into the next year, and a date without one is ambiguous on New Year's night.
 */
export function useZonedFormat(timeZone: string): (instant: number, withSeconds?: boolean) => string {
  const { lang } = useI18n();
  return useMemo(() => {
    const options = (seconds: boolean): Intl.DateTimeFormatOptions => ({
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    const plain = new Intl.DateTimeFormat(locale, options(false));
    const precise = new Intl.DateTimeFormat(locale, options(true));
    return (instant, withSeconds = false) => (withSeconds ? precise : plain).format(instant);
  }, [timeZone, lang]);
}

/**
 * A span as an officer reads it at a glance: minutes and seconds under an hour (it is counting down), hours and
 * minutes under a day, then days and hours — never "2,000 minutes".
 */
export function spanText(ms: number, lang: Lang): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const zh = lang === 'zh';
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = String(seconds % 60).padStart(2, '0');
    return zh ? `${m} 分 ${s} 秒` : `${m} min ${s} s`;
  }
  const hours = Math.floor(seconds / 3600);
  if (hours < 24) {
    const m = Math.floor((seconds % 3600) / 60);
    return zh ? `${hours} 小时 ${m} 分` : `${hours} h ${m} min`;
  }
  const days = Math.floor(hours / 24);
  return zh ? `${days} 天 ${hours % 24} 小时` : `${days} d ${hours % 24} h`;
}

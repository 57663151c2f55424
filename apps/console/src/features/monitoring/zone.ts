import { activeTimeZone } from '../../time';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Hours and minutes of an instant in the jurisdiction's zone (the trend's time axis), never the browser's. */
export function clockTime(ms: number, zone = activeTimeZone()): string {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
    formats.set(zone, format);
  }
  return format.format(new Date(ms));
}

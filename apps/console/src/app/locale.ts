/**
 * The console's language and display zone as plain module state, for the code that formats outside React's tree:
 * `errorText` of the API client and the formatters of `time.ts` are called from event handlers and by every screen,
 * and take no language argument. The provider of `I18nContext` (App) keeps the language here in step with the
 * context; `/console-config.json` sets the zone once on start. Components read the language from `useI18n()`.
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

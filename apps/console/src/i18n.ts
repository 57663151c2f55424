import { createContext, useContext } from 'react';
import { en, zh, type MessageKey } from './messages/catalogue';

/** Chinese by default; English as a switch. Every visible label goes through `t`. */
export type Lang = 'zh' | 'en';

export type { MessageKey } from './messages/catalogue';

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dict = dictionaries[lang];
  return (key, vars) => {
    let text = dict[key] ?? zh[key] ?? key;
    if (vars) for (const [k, v] of Object.entries(vars)) text = text.replace(`{${k}}`, String(v));
    return text;
  };
}

const LANG_KEY = 'console.lang';

export function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* storage may be unavailable */
  }
}

export const I18nContext = createContext<{ lang: Lang; t: Translate; setLang: (l: Lang) => void }>({
  lang: 'zh',
  t: translator('zh'),
  setLang: () => undefined,
});

export function useI18n() {
  return useContext(I18nContext);
}

/**
 * The categories a new incident may be filed under (the server's OFFERED_INCIDENT_CATEGORIES) with English names; coal
 * and non-coal mines apart (docs/adr/0016-coal-and-non-coal-mines.md).
 */
export const CATEGORIES: { code: string; zh: string; en: string }[] = [
  { code: 'hazardous_chemicals', zh: '危险化学品', en: 'Hazardous chemicals' },
  { code: 'coal_mine', zh: '煤矿', en: 'Coal mine' },
  { code: 'non_coal_mine', zh: '非煤矿山', en: 'Non-coal mine' },
  { code: 'fire', zh: '火灾', en: 'Fire' },
  { code: 'road_traffic', zh: '道路交通', en: 'Road traffic' },
  { code: 'construction', zh: '建筑施工', en: 'Construction' },
  { code: 'industry_trade', zh: '工贸', en: 'Industry and trade' },
  { code: 'special_equipment', zh: '特种设备', en: 'Special equipment' },
  { code: 'gas', zh: '燃气', en: 'Gas' },
  { code: 'flood_geological', zh: '自然灾害次生事故', en: 'Secondary to natural disaster' },
  { code: 'other', zh: '其他', en: 'Other' },
];

/** Categories only older incidents carry: shown and filtered on, never offered for a new incident. */
export const LEGACY_CATEGORIES: { code: string; zh: string; en: string }[] = [
  { code: 'mining', zh: '矿山（未区分）', en: 'Mining (coal / non-coal not recorded)' },
];

export function categoryLabel(code: string, lang: Lang, fallback?: string): string {
  const c = [...CATEGORIES, ...LEGACY_CATEGORIES].find((x) => x.code === code);
  return c ? c[lang] : (fallback ?? code);
}

import type { TargetIndicator, TargetKind, TargetSpec } from '@app/targets/contract';
import type { Lang, MessageKey, Translate } from '../../i18n';

export const INDICATORS: TargetIndicator[] = [
  'deaths',
  'incidents',
  'major_or_above_incidents',
  'major_or_above_share',
  'deaths_per_100m_gdp',
  'deaths_per_10k_vehicles',
];

/** The incident categories a target may be limited to; mines are told apart as 煤矿 and 非煤矿山 (docs/domain.md rule 35). */
export const CATEGORIES = [
  'hazardous_chemicals',
  'coal_mine',
  'non_coal_mine',
  'fire',
  'road_traffic',
  'construction',
  'industry_trade',
  'special_equipment',
  'gas',
  'flood_geological',
  'other',
] as const;

/** The two indicators divided by a denominator entered per year, and which denominator. */
export const RATE_DENOMINATOR: Partial<Record<TargetIndicator, 'gdp' | 'vehicles'>> = {
  deaths_per_100m_gdp: 'gdp',
  deaths_per_10k_vehicles: 'vehicles',
};

/**
 * Indicators that count one category by definition (道路交通万车死亡率 counts road traffic deaths): the server keeps
 * their category null, so the form offers no choice.
 */
export const FIXED_CATEGORY: Partial<Record<TargetIndicator, string>> = { deaths_per_10k_vehicles: 'road_traffic' };

export const isCount = (i: TargetIndicator) => i === 'deaths' || i === 'incidents' || i === 'major_or_above_incidents';

/**
 * Whether the figure of a target is typed as a percentage. A share ceiling is held by the server as a fraction (0.02)
 * and typed as 2; a reduction is held as the percentage itself (15 means 15 %), so it is typed and sent unchanged.
 */
export const typedAsPercent = (indicator: TargetIndicator, kind: TargetKind) =>
  kind === 'reduction' || indicator === 'major_or_above_share';

/** Floating point noise of ×100 and ÷100 (0.07 × 100 = 7.000000000000001) is rounded away. */
/** The first year a target document may be set for, or a baseline taken from (the server refuses earlier ones). */
export const TARGET_YEAR_MIN = 2000;

const clean = (n: number) => Number(n.toPrecision(12));

/** What is sent for what was typed: only a share ceiling changes (2 → 0.02). */
export function valueToSend(indicator: TargetIndicator, kind: TargetKind, typed: number): number {
  return kind === 'ceiling' && indicator === 'major_or_above_share' ? clean(typed / 100) : typed;
}

/** What the form shows for a stored value (the inverse of valueToSend). */
export function valueToType(indicator: TargetIndicator, kind: TargetKind, stored: number): number {
  return kind === 'ceiling' && indicator === 'major_or_above_share' ? clean(stored * 100) : stored;
}

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'zh-CN');

export const formatNumber = (n: number, lang: Lang, digits = 2) =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(n);

/** A fraction as a percentage (0.02 → 2%). */
export const formatShare = (fraction: number, lang: Lang) =>
  new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 2 }).format(fraction);

/**
 * A figure of an indicator with its unit: shares as percentages, rates with up to four decimals, counts with up to
 * two (a reduction's limit is a fraction of a count: 10 less 15 % is 8.5, not a rounded 9 that would read as looser).
 */
export function formatFigure(indicator: TargetIndicator, value: number, t: Translate, lang: Lang): string {
  if (indicator === 'major_or_above_share') return formatShare(value, lang);
  const digits = isCount(indicator) ? 2 : 4;
  return `${formatNumber(value, lang, digits)} ${t(`targets.unit.${indicator}` as MessageKey)}`;
}

/** The number alone (charts and table cells whose heading carries the unit): shares as percent points. */
export function plainFigure(indicator: TargetIndicator, value: number): number {
  return indicator === 'major_or_above_share' ? clean(value * 100) : value;
}

/** The category's name: the console's own words, else the server's label, else the code. */
export function categoryName(t: Translate, code: string | null, serverLabel?: string | null): string {
  if (!code) return '';
  const key = `targets.category.${code}`;
  return (CATEGORIES as readonly string[]).includes(code) ? t(key as MessageKey) : (serverLabel ?? code);
}

/**
 * The target in words, as a target table reads: 死亡人数较2025年下降 15%, 较大及以上事故占比不超过 2%,
 * 煤矿死亡人数不超过 3 人.
 */
export function targetWords(
  spec: Pick<TargetSpec, 'indicator' | 'kind' | 'value' | 'baselineYear' | 'category'>,
  t: Translate,
  lang: Lang,
  serverCategoryLabel?: string | null,
): string {
  const indicator = t(`targets.indicator.${spec.indicator}` as MessageKey);
  const words =
    spec.kind === 'reduction'
      ? t('targets.words.reduction', {
          indicator,
          year: String(spec.baselineYear ?? ''),
          value: `${formatNumber(spec.value, lang)}%`,
        })
      : t('targets.words.ceiling', { indicator, value: formatFigure(spec.indicator, spec.value, t, lang) });
  if (!spec.category) return words;
  return t('targets.words.withCategory', { category: categoryName(t, spec.category, serverCategoryLabel), words });
}

/** −0.2 → 较2025年下降 20%; null stays null. */
export function changeWords(change: number | null, baselineYear: number | null, t: Translate, lang: Lang) {
  if (change === null || baselineYear === null) return null;
  const year = String(baselineYear);
  if (Math.abs(change) < 1e-9) return t('targets.change.same', { year });
  const pct = formatShare(Math.abs(change), lang);
  return change < 0 ? t('targets.change.down', { year, pct }) : t('targets.change.up', { year, pct });
}

/** The calendar year now in a time zone (a target year is the jurisdiction's calendar year). */
export function yearIn(zone: string, now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric' }).format(now));
}

export const targetsPath = (jurisdiction: string, year: number) =>
  `/targets/${encodeURIComponent(jurisdiction)}/${year}`;

export const progressPath = (jurisdiction: string, year: number) =>
  `/statistics/targets?${new URLSearchParams({ jurisdiction, year: String(year) }).toString()}`;

export const targetKeys = {
  document: (jurisdiction: string, year: number) => ['targets', 'document', jurisdiction, year] as const,
  progress: (jurisdiction: string, year: number) => ['targets', 'progress', jurisdiction, year] as const,
};

import type { ActivationCriterion, PlanTask } from '@app/plans/contract';
import type { Lang, Translate } from '../../i18n';
import { activeTimeZone } from '../../time';
import type { LabelGroup } from '../labels/labels';
import { THRESHOLD_FIELDS } from './plan-diff';

type T = Translate;
type Label = (group: LabelGroup, code: string | null | undefined, fallback?: string | null) => string;

const number = (n: number, lang: Lang) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN');

/** One threshold in words (`死亡 3 人及以上`, `较大事故及以上`). */
export function thresholdWords(
  field: (typeof THRESHOLD_FIELDS)[number],
  value: string | number,
  t: T,
  label: Label,
  lang: Lang,
): string {
  const shown = field === 'minGrade' ? label('grade', String(value)) : number(Number(value), lang);
  return t(`plans.threshold.${field}`, { value: shown });
}

/** A response level's criteria as the plan words them: any one of them is enough (符合下列条件之一). */
export function criterionWords(c: ActivationCriterion, t: T, label: Label, lang: Lang): string {
  const parts = THRESHOLD_FIELDS.filter((f) => c[f] !== undefined && c[f] !== null).map((f) =>
    thresholdWords(f, c[f]!, t, label, lang),
  );
  return parts.length > 0 ? parts.join(t('plans.or')) : t('plans.noThreshold');
}

/** A task's response levels in the plan's order (Ⅰ to Ⅳ), named. */
export function levelsWords(levels: readonly string[], label: Label, lang: Lang): string {
  return [...levels]
    .sort()
    .map((l) => label('responseLevel', l))
    .join(lang === 'en' ? ', ' : '、');
}

export function taskWords(task: PlanTask, t: T, label: Label, lang: Lang): string {
  const [open, close] = lang === 'en' ? [' (', ')'] : ['（', '）'];
  const within = task.withinMinutes ? `${open}${t('plans.within', { minutes: task.withinMinutes })}${close}` : '';
  return `${levelsWords(task.responseLevels, label, lang)}${within}`;
}

/** Today's calendar date where the jurisdiction is (what review, filing and evaluation dates default to). */
export function todayInZone(zone = activeTimeZone(), now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
}

/** Names typed in one field, separated by 、，, ; or new lines (experts, evaluators). */
export function splitNames(text: string): string[] {
  return text
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

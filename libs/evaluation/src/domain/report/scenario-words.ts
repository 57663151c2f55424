import { INCIDENT_CATEGORIES } from '@app/incidents/domain';
import type { ScenarioLineView } from '../../contract';

/** An inject as the drill recorded it (script or executed): its kind and payload. */
export interface InjectFacts {
  atSecond: number | null;
  kind: string;
  payload: Record<string, unknown>;
}

const KIND_LABELS: Readonly<Record<string, string>> = {
  report_incident: '接报',
  update_situation: '续报',
  message: '情况通报',
};

const CASUALTY_WORDS: readonly [string, string][] = [
  ['deaths', '死亡'],
  ['missing', '失踪'],
  ['seriousInjuries', '重伤'],
  ['minorInjuries', '轻伤'],
  ['trapped', '被困'],
  ['endangered', '涉险'],
  ['evacuated', '疏散'],
];

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function casualties(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const c = value as Record<string, unknown>;
  return CASUALTY_WORDS.filter(([key]) => typeof c[key] === 'number' && (c[key] as number) > 0)
    .map(([key, word]) => `${word} ${c[key] as number} 人`)
    .join('、');
}

/**
 * The scenario (演练情景) in words: each inject with what it gave the participants — an accident reported (its name,
 * kind and place), a follow-up (the casualties and what changed), or a notice. Payload fields the words do not know
 * are left out rather than printed raw.
 */
export function describeScenario(injects: readonly InjectFacts[]): ScenarioLineView[] {
  return injects.map((inject) => {
    const p = inject.payload;
    const kindLabel = KIND_LABELS[inject.kind] ?? '情况通报';
    let words: string[];
    if (inject.kind === 'report_incident') {
      const category = INCIDENT_CATEGORIES[text(p.category) as keyof typeof INCIDENT_CATEGORIES];
      const place = text((p.location as Record<string, unknown> | undefined)?.address);
      words = [
        text(p.title) || '一起演练事件',
        [category ? `${category}类` : '', place ? `地点：${place}` : '', casualties(p.casualties)]
          .filter(Boolean)
          .join('，'),
        text(p.description),
      ];
      words = [words[0]!, words[1] ? `（${words[1]}）` : '', words[2] ? `。${words[2]}` : ''];
      return { atSecond: inject.atSecond, kindLabel, text: words.join('') };
    }
    if (inject.kind === 'update_situation') {
      const parts = [casualties(p.casualties) ? `伤亡情况更新为${casualties(p.casualties)}` : '', text(p.description)];
      return { atSecond: inject.atSecond, kindLabel, text: parts.filter(Boolean).join('；') || '情况更新' };
    }
    return { atSecond: inject.atSecond, kindLabel, text: text(p.text) || text(p.message) || '（无内容）' };
  });
}

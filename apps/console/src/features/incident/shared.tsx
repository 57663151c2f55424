import type { ReactNode } from 'react';
import type { MessageKey, Translate } from '../../i18n';
import type { Casualties } from '@app/incidents/contract';

export const COUNTS = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries', 'trapped'] as const;
export const CHANNELS = [
  { key: 'ch.phone', zh: '电话' },
  { key: 'ch.fax', zh: '传真' },
  { key: 'ch.system', zh: '信息系统' },
  { key: 'ch.document', zh: '书面' },
] as const;
export const REPORT_LEVELS = ['county', 'city', 'province', 'national'] as const;
export const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const;

/** `accepted`: the command is stored and the screen is still catching up with it (a `202 Accepted`). */
export type Feedback = { kind: 'ok' | 'error' | 'accepted'; text: string } | null;

/**
 * Runs one command of the detail screen (`fn` returns the command's outcome): shows it, then reloads the incident and
 * what derives from it. The screen's buttons are disabled while it runs.
 */
export type Act = (label: string, fn: () => Promise<unknown>, after?: () => void) => Promise<void>;

type StockHolder = { stock: { materialCode: string; materialName: string }[] };

/** A dictionary label for a server code, or the code itself when the dictionary has none. */
export function label(t: Translate, key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

export function Panel({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <section className={`panel${wide ? ' wide' : ''}`}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function casualtyText(c: Casualties, t: Translate): string {
  return COUNTS.map((k) => `${t(`f.${k}` as MessageKey).replace(/（.*）|\(.*\)/, '')} ${c[k]}`).join('，');
}

export function materialName(w: StockHolder | undefined, code: string): string {
  return w?.stock.find((l) => l.materialCode === code)?.materialName ?? code;
}

export function materialNameAny(warehouses: Record<string, StockHolder>, code: string): string {
  for (const w of Object.values(warehouses)) {
    const line = w.stock.find((l) => l.materialCode === code);
    if (line) return line.materialName;
  }
  return code;
}

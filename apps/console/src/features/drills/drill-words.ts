import type { DrillView, InjectKind, ScriptedInject } from '@app/drills/contract';
import type { IncidentView } from '@app/incidents/contract';
import type { Translate } from '../../i18n';
import type { MessageKey } from '../../messages/catalogue';

/** The drills the console reads and writes, keyed once so screens and deltas agree. */
export const DRILLS_KEY = ['drills'] as const;
export const drillKey = (id: string) => ['drills', id] as const;
export const drillIncidentsKey = (id: string) => ['drills', id, 'incidents'] as const;

export const kindText = (t: Translate, kind: InjectKind): string => t(`drills.kind.${kind}` as MessageKey);

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * An inject's payload in words, as a coordinator reads a script: who reports what and where, what a follow-up
 * changes, what a message says. Never the raw payload (no ids or codes).
 */
export function injectSummary(
  t: Translate,
  kind: InjectKind,
  payload: Record<string, unknown>,
  incidents: readonly Pick<IncidentView, 'id' | 'title'>[] = [],
): string {
  if (kind === 'report_incident') {
    const location = (payload.location ?? {}) as Record<string, unknown>;
    return t('drills.summary.report', { title: text(payload.title), place: text(location.address) || '—' });
  }
  if (kind === 'update_situation') {
    const changes: string[] = [];
    const c = payload.casualties as Record<string, unknown> | undefined;
    if (c)
      changes.push(
        t('drills.summary.casualties', {
          deaths: num(c.deaths),
          serious: num(c.seriousInjuries),
          minor: num(c.minorInjuries),
          missing: num(c.missing),
          trapped: num(c.trapped),
        }),
      );
    if (typeof payload.directLossYuan === 'number')
      changes.push(t('drills.summary.loss', { amount: payload.directLossYuan }));
    if (payload.description) changes.push(text(payload.description));
    if (payload.measures) changes.push(text(payload.measures));
    const target =
      typeof payload.incidentRef === 'number'
        ? t('drills.summary.earlierReport', { n: payload.incidentRef + 1 })
        : (incidents.find((i) => i.id === payload.incidentId)?.title ?? '—');
    return t('drills.summary.update', { incident: target, changes: changes.join('；') });
  }
  return t('drills.summary.message', { text: text(payload.text) });
}

/** When a scripted inject falls due: its local instant once the drill has started, else its offset from the start. */
export function dueText(
  t: Translate,
  drill: Pick<DrillView, 'startedAt'>,
  inject: Pick<ScriptedInject, 'atSecond'>,
  format: (iso: string) => string,
): string {
  if (drill.startedAt) return format(new Date(Date.parse(drill.startedAt) + inject.atSecond * 1000).toISOString());
  return t('drills.timeline.afterStart', {
    minutes: Math.floor(inject.atSecond / 60),
    seconds: inject.atSecond % 60,
  });
}

import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from './i18n';
import { formatCountdown, formatTime } from './time';
import type { DeadlineView, IncidentView } from '@app/incidents/contract';

/** A clock that ticks every `ms` (countdowns). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function GradeBadge({ grade }: { grade: IncidentView['grade'] }) {
  const { t } = useI18n();
  return <span className={`badge grade-${grade}`}>{t(`grade.${grade}` as MessageKey)}</span>;
}

export function LevelBadge({ level }: { level: IncidentView['responseLevel'] }) {
  const { t, lang } = useI18n();
  if (!level) return <span className="badge level-none">{t('noLevel')}</span>;
  const roman = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' }[level];
  return <span className={`badge level-${level}`}>{lang === 'zh' ? `${roman}级响应` : `Level ${level}`}</span>;
}

export function StatusBadge({ status }: { status: IncidentView['status'] }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{t(`status.${status}` as MessageKey)}</span>;
}

export function DrillMarker() {
  const { t } = useI18n();
  return <span className="badge drill">{t('drill')}</span>;
}

export function nextPendingDeadline(incident: IncidentView): DeadlineView | null {
  // Still owed: pending, or overdue (a pending one whose time has passed, as the server reads it off its clock).
  const pending = incident.deadlines.filter((d) => d.status === 'pending' || d.status === 'overdue');
  if (pending.length === 0) return null;
  return pending.reduce((a, b) => (Date.parse(a.dueAt) <= Date.parse(b.dueAt) ? a : b));
}

export function levelName(t: ReturnType<typeof useI18n>['t'], level: string | null): string {
  if (level === null) return '';
  return ['county', 'city', 'province', 'national'].includes(level) ? t(`level.${level}` as MessageKey) : level;
}

/** What an obligation is owed to: a level reported to, or (a notification) the party to tell. */
export function obligationTarget(t: ReturnType<typeof useI18n>['t'], deadline: DeadlineView): string {
  return deadline.level
    ? t('deadline.to', { level: levelName(t, deadline.level) })
    : t('deadline.notify', { party: deadline.partyLabel ?? deadline.party ?? '' });
}

export function DeadlineCountdown({ deadline, now }: { deadline: DeadlineView | null; now: number }) {
  const { t } = useI18n();
  if (!deadline) return <span className="muted">{t('none')}</span>;
  const ms = Date.parse(deadline.dueAt) - now;
  const overdue = ms < 0;
  return (
    <span
      className={overdue ? 'countdown overdue' : ms < 15 * 60_000 ? 'countdown soon' : 'countdown'}
      data-overdue={overdue ? 'true' : 'false'}
      title={formatTime(deadline.dueAt, true)}>
      <span className="countdown-level">{obligationTarget(t, deadline)}</span>{' '}
      <strong>
        {overdue ? `${t('overdueBy')} ${formatCountdown(-ms)}` : `${t('remaining')} ${formatCountdown(ms)}`}
      </strong>
    </span>
  );
}

export function FieldError({ field, message }: { field: string; message?: string }) {
  // The slot keeps its height with or without a message, so a message appearing on blur does not move the form.
  return (
    <div className="error-slot">
      {message && (
        <div className="field-error" id={`error-${field}`} data-testid={`error-${field}`} role="alert">
          {message}
        </div>
      )}
    </div>
  );
}

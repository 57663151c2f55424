import type { AlarmView } from '@app/alarms/contract';
import { useI18n, type MessageKey, type Translate } from '../../i18n';
import { linkHandler } from '../../router';
import { formatTime } from '../../time';
import { MonitoringContext } from '../alarm-intake/MonitoringContext';
import { AcknowledgeControls, AcknowledgeError, useAcknowledge } from './acknowledge';
import './alarms.css';

/** "12 分钟" / "2 小时 5 分钟" / "3 天 4 小时" in Chinese, the same in English words. */
export function spanText(ms: number, lang: 'zh' | 'en'): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const unit = lang === 'zh' ? { d: ' 天', h: ' 小时', m: ' 分钟' } : { d: ' d', h: ' h', m: ' min' };
  if (days > 0) return `${days}${unit.d}${hours ? ` ${hours}${unit.h}` : ''}`;
  if (hours > 0) return `${hours}${unit.h}${rest ? ` ${rest}${unit.m}` : ''}`;
  return `${rest}${unit.m}`;
}

/** The live minute count of an alarm: to or past its due time, else how long it has been open. */
export function clockText(alarm: AlarmView, now: number, t: Translate, lang: 'zh' | 'en'): string {
  if (alarm.dueAt && alarm.kind !== 'warning' && alarm.kind !== 'stock') {
    const left = Date.parse(alarm.dueAt) - now;
    return left < 0
      ? t('alarms.overdueBy', { span: spanText(left, lang) })
      : t('alarms.dueIn', { span: spanText(left, lang) });
  }
  return t('alarms.openFor', { span: spanText(now - Date.parse(alarm.raisedAt), lang) });
}

/** Where the alarm's cause is handled; every target is a console path written out here, never one taken from data. */
function SubjectLink({ alarm, label }: { alarm: AlarmView; label: string }) {
  const link = (path: string) => (
    <>
      {' '}
      · {/* the path below is one of the literal console paths of this switch */}
      <a href={`/${path}`} onClick={linkHandler(`/${path}`)}>
        {label}
      </a>
    </>
  );
  // A hidden hazard's alarm (overdue rectification) names the hazard: its page is where the rectification is followed.
  if (alarm.kind === 'hidden_hazard') return link(`hidden-hazards/${encodeURIComponent(alarm.subject.id)}`);
  switch (alarm.subject.type) {
    case 'incident':
      return link(`incidents/${encodeURIComponent(alarm.subject.id)}`);
    case 'roll_call':
      return link('duty');
    case 'warehouse':
      return link('stock');
    default:
      return null;
  }
}

/**
 * One alarm: severity, kind, title and message (text nodes: the server's words, never markup), the live minute
 * count, who acknowledged it when and with what note, its escalation; the watch may acknowledge it with a note.
 */
export function AlarmCard({
  alarm,
  now,
  canAcknowledge,
  showContext = false,
}: {
  alarm: AlarmView;
  now: number;
  canAcknowledge: boolean;
  /** A monitoring alarm's context and 转为事故接报 (the alarm centre; the desk's narrow panel leaves them out). */
  showContext?: boolean;
}) {
  const { t, lang } = useI18n();
  const ack = useAcknowledge();

  const level = alarm.escalation.level;
  return (
    <li
      className={`alarm-card sev-${alarm.severity} st-${alarm.status}`}
      data-testid="alarm"
      data-alarm-id={alarm.id}
      data-kind={alarm.kind}
      data-status={alarm.status}
      data-severity={alarm.severity}
      data-escalation={level}>
      <div className="alarm-head">
        <span className={`alarm-sev sev-${alarm.severity}`}>
          {t(`alarms.severity.${alarm.severity}` as MessageKey)}
        </span>
        <span className="alarm-kind">{t(`alarms.kind.${alarm.kind}` as MessageKey)}</span>
        <strong className="alarm-title">{alarm.title}</strong>
        {level > 0 && alarm.status !== 'resolved' && (
          <span className="alarm-escalated" data-testid="alarm-escalation">
            {t(`alarms.escalation.${level}` as MessageKey)}
          </span>
        )}
      </div>
      <div className="alarm-msg">{alarm.message}</div>
      <div className="alarm-meta muted small">
        <span>{alarm.jurisdictionName}</span> ·{' '}
        <span>{t('alarms.raisedAt', { time: formatTime(alarm.raisedAt) })}</span>
        {alarm.status !== 'resolved' && (
          <>
            {' '}
            · <span data-testid="alarm-clock">{clockText(alarm, now, t, lang)}</span>
          </>
        )}
        <SubjectLink alarm={alarm} label={t('alarms.open')} />
      </div>
      {alarm.acknowledgedBy && (
        <div className="alarm-ack small" data-testid="alarm-acknowledged">
          {t('alarms.acknowledgedBy', { name: alarm.acknowledgedBy.name, time: formatTime(alarm.acknowledgedAt) })}
          {alarm.acknowledgementNote && <span className="alarm-note">：{alarm.acknowledgementNote}</span>}
        </div>
      )}
      {alarm.status === 'resolved' && (
        <div className="alarm-resolved small">
          {t('alarms.resolvedAt', { time: formatTime(alarm.resolvedAt), reason: alarm.resolutionLabel ?? '' })}
        </div>
      )}
      {showContext && alarm.kind === 'monitoring' && alarm.subject.type === 'sensor' && (
        <MonitoringContext alarm={alarm} />
      )}
      {alarm.status === 'raised' && canAcknowledge && (
        <div>
          <AcknowledgeControls
            state={ack}
            label={t('alarms.acknowledge')}
            testId="alarm"
            primary
            onAcknowledge={() => void ack.acknowledge([alarm])}
          />
        </div>
      )}
      <AcknowledgeError error={ack.error} />
    </li>
  );
}

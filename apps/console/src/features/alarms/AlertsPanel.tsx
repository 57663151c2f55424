import { useI18n, type MessageKey } from '../../i18n';
import { linkHandler } from '../../router';
import { can, useStore } from '../../store';
import { formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { AlarmCard } from './AlarmCard';
import { UNACKNOWLEDGED } from './alarm-cache';
import { useAlarmList, useNow } from './use-alarms';

/** The side panel shows the most urgent few; the alarm centre has them all. */
const SHOWN = 5;

/**
 * The side panel beside every screen: the server's unacknowledged alarms, most urgent first (acknowledged on any
 * console, an alarm leaves every panel), and the console's notices. Plan suggestions (预案启动建议) stay notices: they
 * are advice to a commander about an incident already on the board, with no duty to acknowledge and no deadline, so
 * they are not alarms and are not kept by the server's alarm centre.
 */
export function AlertsPanel({ session }: { session: Session }) {
  const { t } = useI18n();
  const { state, dispatch } = useStore();
  const notices = state.alerts.filter((a) => a.kind === 'plan.suggested');
  return (
    <aside className="alerts" aria-labelledby="alerts-heading">
      <UnacknowledgedAlarms session={session} />
      <div className="alerts-head">
        <h2>{t('alarms.notices')}</h2>
        {notices.length > 0 && (
          <button type="button" className="linkish" onClick={() => dispatch({ type: 'alert.clear' })}>
            {t('alarms.notices.clear')}
          </button>
        )}
      </div>
      {notices.length === 0 && <p className="muted small">{t('alarms.noticesEmpty')}</p>}
      <ul className="alert-list">
        {notices.map((a) => (
          <li key={a.key} className="alert-item kind-plan-suggested" data-testid="alert" data-kind={a.kind}>
            <div className="alert-kind">
              {t(`alert.${a.kind}` as MessageKey)} <time className="muted small">{formatTime(a.receivedAt, true)}</time>
            </div>
            <div className="alert-msg">
              {a.incidentId ? (
                <a href={`/incidents/${a.incidentId}`} onClick={linkHandler(`/incidents/${a.incidentId}`)}>
                  {a.message}
                </a>
              ) : (
                a.message
              )}
            </div>
            <div className="alert-actions">
              <button type="button" className="linkish" onClick={() => dispatch({ type: 'alert.dismiss', key: a.key })}>
                {t('btn.dismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** The most urgent unacknowledged alarms, with the count and a way to the alarm centre. */
export function UnacknowledgedAlarms({ session }: { session: Session }) {
  const { t } = useI18n();
  const alarms = useAlarmList(UNACKNOWLEDGED);
  const now = useNow();
  const list = alarms.data ?? [];
  return (
    <>
      <div className="alerts-head">
        <h2 id="alerts-heading">
          <a href="/alarms" onClick={linkHandler('/alarms')}>
            {t('alarms.panel')}
          </a>{' '}
          <span className="count" data-testid="panel-alarm-count">
            {list.length}
          </span>
        </h2>
      </div>
      {list.length === 0 && <p className="muted">{t('alerts.empty')}</p>}
      <ul className="alarm-list compact" aria-live="polite" data-testid="panel-alarms">
        {list.slice(0, SHOWN).map((alarm) => (
          <AlarmCard key={alarm.id} alarm={alarm} now={now} canAcknowledge={can(session, 'ack')} />
        ))}
      </ul>
      {list.length > SHOWN && (
        <a href="/alarms" className="small" onClick={linkHandler('/alarms')}>
          {t('alarms.panelMore', { count: list.length - SHOWN })}
        </a>
      )}
    </>
  );
}

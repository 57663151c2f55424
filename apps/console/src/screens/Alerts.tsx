import { useState } from 'react';
import { commandPost, errorText } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { linkHandler } from '../router';
import { can, useStore } from '../store';
import { formatTime } from '../time';
import type { Alert, Session } from '../ui-types';

export function AlertsPanel({ session }: { session: Session }) {
  const { t } = useI18n();
  const { state, dispatch } = useStore();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState<string | null>(null);
  const ack = async (a: Alert) => {
    setSending(a.key);
    try {
      // A 202 (stored, not yet shown) is an answer given all the same: the roll call is answered.
      await commandPost(
        `/duty/roll-calls/${a.rollCallId}/acknowledge`,
        a.rollCallTarget ? { jurisdiction: a.rollCallTarget } : {},
      );
      dispatch({ type: 'alert.update', key: a.key, patch: { answered: true } });
    } catch (err) {
      setErrors((e) => ({ ...e, [a.key]: errorText(err, t('error.generic'), t('command.uncertain')) }));
    } finally {
      setSending(null);
    }
  };
  return (
    <aside className="alerts" aria-labelledby="alerts-heading">
      <div className="alerts-head">
        <h2 id="alerts-heading">
          {t('alerts.title')} <span className="count">{state.alerts.length}</span>
        </h2>
        {state.alerts.length > 0 && (
          <button type="button" className="linkish" onClick={() => dispatch({ type: 'alert.clear' })}>
            {t('alerts.clear')}
          </button>
        )}
      </div>
      {state.alerts.length === 0 && <p className="muted">{t('alerts.empty')}</p>}
      <ul className="alert-list" aria-live="polite">
        {state.alerts.map((a) => (
          <li
            key={a.key}
            className={`alert-item kind-${a.kind.replace('.', '-')}${a.warningLevel ? ` wl-${a.warningLevel}` : ''}`}
            data-testid="alert"
            data-kind={a.kind}
            data-incident-id={a.incidentId}
            data-roll-call-id={a.rollCallId}>
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
              {a.kind === 'rollcall.issued' &&
                !a.answered &&
                can(session, 'ack') &&
                a.rollCallTarget === session.user.jurisdiction && (
                  <button
                    type="button"
                    className="primary"
                    data-testid="ack-rollcall"
                    disabled={sending === a.key}
                    onClick={() => void ack(a)}>
                    {t('btn.ack')}
                  </button>
                )}
              {a.answered && <span className="ok-text small">✓ {t('alert.rollcall.answered')}</span>}
              <button type="button" className="linkish" onClick={() => dispatch({ type: 'alert.dismiss', key: a.key })}>
                {t('btn.dismiss')}
              </button>
            </div>
            {errors[a.key] && (
              <div className="field-error" role="alert">
                {errors[a.key]}
              </div>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { AlarmView } from '@app/alarms/contract';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { UNACKNOWLEDGED } from './alarm-cache';
import { beep, rememberedMute, rememberMute } from './alarm-sound';
import { useAlarmDeltas, useAlarmList, type AlarmNotice } from './use-alarms';

/**
 * How often the tone repeats while a critical alarm (overdue) waits for someone; an urgent one (a deadline due within
 * minutes, a roll call) repeats at three times this, so it is heard before it becomes overdue.
 */
export const REPEAT_MS = 10_000;
export const URGENT_REPEAT_MS = 3 * REPEAT_MS;

type Permission = 'default' | 'granted' | 'denied' | 'unsupported';
const notificationPermission = (): Permission =>
  typeof Notification === 'undefined' ? 'unsupported' : (Notification.permission as Permission);

/**
 * The header's alarm bell: the count of unacknowledged alarms (a link to the alarm centre), a tone that repeats while a
 * critical or urgent one is unacknowledged and sounds again when one is escalated (muted by a switch the browser remembers), and desktop notifications once the user
 * allows them by pressing the button (never asked on load). Also keeps every cached alarm list current.
 */
export function AlarmBell() {
  const { t } = useI18n();
  const unacknowledged = useAlarmList(UNACKNOWLEDGED);
  const [muted, setMuted] = useState(rememberedMute);
  const [permission, setPermission] = useState<Permission>(notificationPermission);
  const count = unacknowledged.data?.length ?? 0;
  const critical = unacknowledged.data?.some((a) => a.severity === 'critical') ?? false;
  const urgent = critical || (unacknowledged.data?.some((a) => a.severity === 'major') ?? false);

  const permissionRef = useRef(permission);
  useEffect(() => {
    permissionRef.current = permission;
  }, [permission]);
  useAlarmDeltas((alarm: AlarmView, why: AlarmNotice) => {
    if (why === 'escalated' && !muted) beep();
    if (permissionRef.current !== 'granted') return;
    try {
      // The title and body are the server's plain text; the browser shows them as text.
      const title = why === 'escalated' ? `${alarm.escalation.label ?? ''} ${alarm.title}`.trim() : alarm.title;
      new Notification(title, {
        body: `${alarm.jurisdictionName} · ${alarm.message}`,
        tag: `${alarm.id}:${alarm.escalation.level}`,
      });
    } catch {
      /* a browser without page notifications (some mobile ones): the bell remains */
    }
  });

  useEffect(() => {
    if (muted || !urgent) return;
    beep();
    const timer = setInterval(beep, critical ? REPEAT_MS : URGENT_REPEAT_MS);
    return () => clearInterval(timer);
  }, [muted, urgent, critical]);

  const toggleMute = () => {
    rememberMute(!muted);
    setMuted(!muted);
  };
  const askPermission = async () => {
    if (typeof Notification === 'undefined') return;
    setPermission((await Notification.requestPermission()) as Permission);
  };

  return (
    <span
      className="alarm-bell"
      data-testid="alarm-bell"
      data-count={count}
      data-critical={critical}
      data-urgent={urgent}>
      <a
        href="/alarms"
        className={`bell${count > 0 ? ' ringing' : ''}${critical ? ' critical' : ''}`}
        title={t('alarms.bell', { count })}
        aria-label={t('alarms.bell', { count })}
        onClick={linkHandler('/alarms')}>
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" className="bell-icon">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        <span className="count" data-testid="alarm-count">
          {count}
        </span>
      </a>
      <button type="button" className="linkish" data-testid="alarm-mute" aria-pressed={muted} onClick={toggleMute}>
        {muted ? t('alarms.unmute') : t('alarms.mute')}
      </button>
      {permission === 'default' && (
        <button type="button" className="linkish" data-testid="alarm-notify" onClick={() => void askPermission()}>
          {t('alarms.notify')}
        </button>
      )}
      {permission === 'denied' && <span className="muted small">{t('alarms.notifyDenied')}</span>}
    </span>
  );
}

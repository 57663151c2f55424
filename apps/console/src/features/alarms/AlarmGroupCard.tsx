import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AlarmView } from '@app/alarms/contract';
import { commandPost, errorText } from '../../api';
import { useI18n } from '../../i18n';
import { AlarmCard } from './AlarmCard';
import type { AlarmGroup } from './alarm-groups';
import { applyAlarm } from './use-alarms';

/**
 * The alarms of one subject under one heading, with one acknowledgement for all of them still raised (each is
 * acknowledged on its own, so every one records who took it in hand); a subject with one alarm is a plain card.
 */
export function AlarmGroupCard({
  group,
  now,
  canAcknowledge,
}: {
  group: AlarmGroup;
  now: number;
  canAcknowledge: boolean;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (group.alarms.length === 1)
    return <AlarmCard alarm={group.alarms[0]!} now={now} canAcknowledge={canAcknowledge} />;
  const raised = group.alarms.filter((a) => a.status === 'raised');

  const acknowledgeAll = async () => {
    setSending(true);
    setError(null);
    try {
      for (const alarm of raised) {
        const outcome = await commandPost<AlarmView>(
          `/alarms/${alarm.id}/acknowledge`,
          note.trim() ? { note: note.trim() } : {},
        );
        if (outcome.kind === 'done' && outcome.body?.status) applyAlarm(client, { ...alarm, ...outcome.body });
      }
      setNote('');
    } catch (err) {
      setError(errorText(err, t('error.generic'), t('command.uncertain')));
    } finally {
      setSending(false);
    }
  };

  return (
    <li className="alarm-group" data-testid="alarm-group" data-subject={group.key} data-count={group.alarms.length}>
      <div className="alarm-group-head">
        <strong>{t('alarms.group.title', { count: group.alarms.length, raised: raised.length })}</strong>
        {raised.length > 1 && canAcknowledge && (
          <span className="alarm-actions">
            <input
              type="text"
              maxLength={500}
              value={note}
              aria-label={t('alarms.note')}
              placeholder={t('alarms.note')}
              data-testid="alarm-group-note"
              onChange={(e) => setNote(e.target.value)}
            />
            <button
              type="button"
              data-testid="alarm-group-acknowledge"
              disabled={sending}
              onClick={() => void acknowledgeAll()}>
              {sending ? t('alarms.acknowledging') : t('alarms.group.acknowledgeAll', { count: raised.length })}
            </button>
          </span>
        )}
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      <ul className="alarm-list">
        {group.alarms.map((alarm) => (
          <AlarmCard key={alarm.id} alarm={alarm} now={now} canAcknowledge={canAcknowledge} />
        ))}
      </ul>
    </li>
  );
}

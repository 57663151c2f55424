import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AlarmView } from '@app/alarms/contract';
import { commandPost, errorText } from '../../api';
import { useI18n } from '../../i18n';
import { applyAlarm } from './use-alarms';

/**
 * Acknowledging alarms with one typed note: each alarm is acknowledged on its own (so each records who took it in
 * hand), in order, and the cache takes every answer at once rather than waiting for the live line.
 */
export function useAcknowledge() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const acknowledge = async (alarms: readonly AlarmView[]) => {
    setSending(true);
    setError(null);
    try {
      for (const alarm of alarms) {
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
  return { note, setNote, sending, error, acknowledge };
}

/** The note field and the button, for one alarm or a group (`testId` prefixes their test ids). */
export function AcknowledgeControls({
  state,
  label,
  testId,
  onAcknowledge,
  primary = false,
}: {
  state: ReturnType<typeof useAcknowledge>;
  label: string;
  testId: 'alarm' | 'alarm-group';
  onAcknowledge: () => void;
  primary?: boolean;
}) {
  const { t } = useI18n();
  return (
    <span className="alarm-actions">
      <input
        type="text"
        maxLength={500}
        value={state.note}
        aria-label={t('alarms.note')}
        placeholder={t('alarms.note')}
        data-testid={`${testId}-note`}
        onChange={(e) => state.setNote(e.target.value)}
      />
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        data-testid={`${testId}-acknowledge`}
        disabled={state.sending}
        onClick={onAcknowledge}>
        {state.sending ? t('alarms.acknowledging') : label}
      </button>
    </span>
  );
}

export function AcknowledgeError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <div className="field-error" role="alert">
      {error}
    </div>
  );
}

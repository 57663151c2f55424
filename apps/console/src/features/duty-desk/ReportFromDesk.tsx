import { useEffect, useState } from 'react';
import { commandPost, errorText, getText } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import type { DeskObligation } from '@app/duty/contract';

const CHANNELS = [
  { key: 'duty.channel.phone', value: '电话' },
  { key: 'duty.channel.fax', value: '传真' },
  { key: 'duty.channel.system', value: '系统报送' },
] as const;

/** Which of the server's report texts fits the obligation: 续报 and 终报 have their own, every other is a 快报. */
const textKind = (kind: string) => (kind === 'follow_up' ? 'follow_up' : kind === 'final' ? 'final' : 'initial');

type Act = (
  done: MessageKey,
  failed: MessageKey,
  fn: () => Promise<unknown>,
  vars?: Record<string, string>,
) => Promise<boolean>;

/**
 * One-click report from the queue: the server writes the text from the incident's facts; the officer may edit it,
 * picks the channel and sends it as the report that meets this obligation. The text is shown and edited as text only.
 */
export function ReportFromDesk({
  obligation,
  act,
  onClose,
}: {
  obligation: DeskObligation;
  act: Act;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [channel, setChannel] = useState<string>(CHANNELS[0].value);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    getText(`/incidents/${obligation.incidentId}/report-text?kind=${textKind(obligation.kind)}`).then(
      (generated) => live && setText(generated),
      (failure: unknown) => live && setError(errorText(failure, t('duty.reportFailed'))),
    );
    return () => {
      live = false;
    };
  }, [obligation.incidentId, obligation.kind, t]);
  return (
    <form
      className="report-from-desk"
      data-testid="duty-report-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text?.trim()) return;
        setBusy(true);
        void act(
          'duty.reported',
          'duty.reportFailed',
          () =>
            commandPost(`/incidents/${obligation.incidentId}/reports`, {
              toLevel: obligation.level,
              channel,
              obligationId: obligation.obligationId,
              text,
            }),
          { title: obligation.title },
        )
          .then((ok) => ok && onClose())
          .finally(() => setBusy(false));
      }}>
      {error && (
        <p className="feedback error" role="alert">
          {error}
        </p>
      )}
      {text === null && !error && <p className="muted small">{t('duty.reportLoading')}</p>}
      {text !== null && (
        <label className="field">
          {t('duty.reportText')}
          <textarea data-testid="duty-report-text" rows={8} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      )}
      <label className="field">
        {t('duty.reportChannel')}
        <select data-testid="duty-report-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          {CHANNELS.map((c) => (
            <option key={c.value} value={c.value}>
              {t(c.key)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" data-testid="duty-report-send" disabled={busy || !text?.trim()}>
        {t('duty.reportSend')}
      </button>{' '}
      <button type="button" className="linkish" onClick={onClose}>
        {t('duty.reportCancel')}
      </button>
    </form>
  );
}

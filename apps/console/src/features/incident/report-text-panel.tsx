import { useState } from 'react';
import { errorText, getText } from '../../api';
import { useI18n } from '../../i18n';
import type { IncidentView } from '@app/incidents/contract';
import { Panel } from './shared';

const KINDS = ['initial', 'follow_up', 'final'] as const;
type Kind = (typeof KINDS)[number];

/**
 * The 快报 / 续报 / 终报 text the server writes from the incident's facts (条例493 第十二条), to copy into the
 * report system or print. Shown as text only: the incident's fields are user input and never become markup.
 */
export function ReportTextPanel({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>(incident.status === 'closed' ? 'final' : 'initial');
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const generate = async () => {
    setBusy(true);
    setNote(null);
    try {
      setText(await getText(`/incidents/${incident.id}/report-text?kind=${kind}`));
    } catch (error) {
      setNote(errorText(error, t('reportText.error')));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (text === null) return;
    await navigator.clipboard.writeText(text).then(
      () => setNote(t('reportText.copied')),
      () => setNote(null),
    );
  };
  const print = () => {
    if (text === null) return;
    const sheet = window.open('', '_blank', 'noopener=no,width=800,height=900');
    if (!sheet) return;
    const pre = sheet.document.createElement('pre');
    pre.style.cssText = 'font: 16px/1.8 "WenQuanYi Micro Hei", sans-serif; white-space: pre-wrap; margin: 2cm;';
    pre.textContent = text;
    sheet.document.title = t('reportText.title');
    sheet.document.body.appendChild(pre);
    sheet.print();
  };

  return (
    <Panel title={t('reportText.title')}>
      <div className="row">
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} aria-label={t('reportText.title')}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`reportText.kind.${k}`)}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy} onClick={() => void generate()} data-testid="report-text-generate">
          {t('reportText.generate')}
        </button>
        {text !== null && (
          <>
            <button type="button" onClick={() => void copy()}>
              {t('reportText.copy')}
            </button>
            <button type="button" onClick={print}>
              {t('reportText.print')}
            </button>
          </>
        )}
      </div>
      {note && <p className="muted small">{note}</p>}
      {text !== null && (
        <pre className="report-text" data-testid="report-text">
          {text}
        </pre>
      )}
    </Panel>
  );
}

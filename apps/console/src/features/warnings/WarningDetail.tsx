import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { WarningView } from '@app/warnings/contract';
import { commandPost, getText } from '../../api';
import { useNow } from '../../components';
import { useI18n } from '../../i18n';
import { formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { useLabels } from '../labels/labels';
import { settle } from './use-warnings';
import { WarningForm } from './WarningForm';
import { capFileName, mayChange, statusAt } from './warning-model';

/** Hands a document to the browser as a download (a link to the API would carry no token). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download by now; keep the URL a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One warning: what it says, its history (发布, 调整, 解除 with who and why), its CAP message, and what may be done. */
export function WarningDetail({
  session,
  warning,
  notice = null,
  onClose,
}: {
  session: Session;
  warning: WarningView;
  /** What the screen has to say about this warning as it opens (that it was just issued). */
  notice?: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { label, labelList } = useLabels();
  const now = useNow(15_000);
  const status = statusAt(warning, now);
  const changeable = mayChange(session, warning, now);
  const [mode, setMode] = useState<'view' | 'adjust' | 'lift'>('view');
  const [feedback, setFeedback] = useState<string | null>(notice);
  const at = (iso: string | null) => formatTime(iso, false, { zone: warning.timeZone });
  const mode_ = changeable ? mode : 'view';

  return (
    <section
      className="panel warning-detail"
      data-testid="warning-detail"
      data-warning-id={warning.id}
      data-status={status}
      aria-labelledby="warning-detail-title">
      <div className="warning-detail-head">
        <h2 id="warning-detail-title">
          <span className={`badge warning-level-${warning.level}`}>
            {label('warningLevel', warning.level, warning.levelLabel)}
          </span>{' '}
          <span data-testid="warning-detail-hazard">{warning.hazard}</span>
          {warning.drillId && <span className="badge warning-drill">{t('warnings.drillMark')}</span>}
        </h2>
        <button type="button" className="linkish nowrap" data-testid="warning-detail-close" onClick={onClose}>
          {t('warnings.detail.close')}
        </button>
      </div>
      <dl className="facts">
        <dt>{t('warnings.col.status')}</dt>
        <dd data-testid="warning-detail-status">{label('warningStatus', status)}</dd>
        <dt>{t('warnings.col.jurisdiction')}</dt>
        <dd>{warning.jurisdictionName}</dd>
        <dt>{t('warnings.col.area')}</dt>
        <dd className="pre" data-testid="warning-detail-area">
          {warning.area.description}
          {warning.area.polygon && (
            <span className="small muted">
              {' '}
              {t('warnings.detail.polygon', { count: warning.area.polygon.length - 1 })}
            </span>
          )}
        </dd>
        <dt>{t('warnings.col.effective')}</dt>
        <dd>{at(warning.effective)}</dd>
        <dt>{t('warnings.col.expires')}</dt>
        <dd data-testid="warning-detail-expires">{at(warning.expires)}</dd>
        <dt>{t('warnings.form.message')}</dt>
        <dd className="pre" data-testid="warning-detail-message">
          {warning.message}
        </dd>
        {warning.instruction && (
          <>
            <dt>{t('warnings.form.instruction')}</dt>
            <dd className="pre">{warning.instruction}</dd>
          </>
        )}
        <dt>{t('warnings.form.channels')}</dt>
        <dd>
          {warning.channels.length > 0 ? labelList('warningChannel', warning.channels, warning.channelLabels) : '—'}
        </dd>
        {warning.liftReason && (
          <>
            <dt>{t('warnings.detail.liftReason')}</dt>
            <dd className="pre">{warning.liftReason}</dd>
          </>
        )}
      </dl>

      <h3>{t('warnings.detail.history')}</h3>
      <ol className="timeline" data-testid="warning-history">
        {[...warning.messages].reverse().map((m, i) => (
          <li key={`${m.sent}-${i}`} data-testid="warning-history-entry" data-action={m.action}>
            <time>{at(m.sent)}</time>
            <strong>{label('warningAction', m.action, m.actionLabel)}</strong>
            {m.actor && <span> · {m.actor}</span>}
            {m.reason && <span className="pre"> · {t('warnings.detail.reason', { reason: m.reason })}</span>}
          </li>
        ))}
      </ol>

      {feedback && (
        <p className="feedback ok" role="status" data-testid="warning-feedback">
          {feedback}
        </p>
      )}
      {!changeable && status !== 'active' && !feedback && (
        <p className="small muted" data-testid="warning-final">
          {t(status === 'lifted' ? 'warnings.detail.liftedNote' : 'warnings.detail.expiredNote')}
        </p>
      )}
      {changeable && mode_ === 'view' && (
        <div className="inline-form">
          <button type="button" data-testid="warning-adjust" onClick={() => setMode('adjust')}>
            {t('warnings.adjust.open')}
          </button>
          <button type="button" className="danger" data-testid="warning-lift" onClick={() => setMode('lift')}>
            {t('warnings.lift.open')}
          </button>
        </div>
      )}
      {mode_ === 'adjust' && (
        <WarningForm
          key={`${warning.id}-${warning.revision}`}
          session={session}
          warning={warning}
          onDone={() => {
            setMode('view');
            setFeedback(t('warnings.adjust.done'));
          }}
          onCancel={() => setMode('view')}
        />
      )}
      {mode_ === 'lift' && (
        <LiftForm
          warning={warning}
          onDone={() => {
            setMode('view');
            setFeedback(t('warnings.lift.done'));
          }}
          onCancel={() => setMode('view')}
        />
      )}
      <CapPanel warning={warning} />
    </section>
  );
}

/** 解除: a reason, then an explicit confirmation (a lifted warning is final). */
function LiftForm({ warning, onDone, onCancel }: { warning: WarningView; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { label } = useLabels();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const lift = async () => {
    setBusy(true);
    setError(null);
    try {
      await settle(client, await commandPost<WarningView>(`/warnings/${warning.id}/lift`, { reason: reason.trim() }));
      onDone();
    } catch (err) {
      setError(err);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="stack-form warning-lift"
      data-testid="warning-lift-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const empty = !reason.trim();
        setMissing(empty);
        if (!empty) setConfirming(true);
      }}>
      <h3>{t('warnings.lift.title')}</h3>
      <label className={`field ${missing ? 'invalid' : ''}`}>
        <span>
          {t('warnings.lift.reason')} <span className="req">*</span>
        </span>
        <textarea
          data-testid="warning-lift-reason"
          rows={2}
          maxLength={500}
          value={reason}
          disabled={confirming}
          onChange={(e) => setReason(e.target.value)}
        />
        {missing && (
          <div className="field-error" data-testid="warning-lift-problem">
            {t('warnings.lift.reasonRequired')}
          </div>
        )}
      </label>
      <ErrorMessage error={error} testId="warning-lift-error" />
      {confirming ? (
        <div
          className="notice"
          role="alertdialog"
          aria-labelledby="warning-lift-confirm-text"
          data-testid="warning-lift-confirm">
          <p id="warning-lift-confirm-text">
            {t('warnings.lift.confirm', {
              level: label('warningLevel', warning.level, warning.levelLabel),
              hazard: warning.hazard,
            })}
          </p>
          <div className="inline-form">
            <button
              type="button"
              className="danger"
              data-testid="warning-lift-confirm-yes"
              disabled={busy}
              onClick={() => void lift()}>
              {t('warnings.lift.confirmYes')}
            </button>
            <button type="button" data-testid="warning-lift-confirm-no" onClick={() => setConfirming(false)}>
              {t('warnings.lift.confirmNo')}
            </button>
          </div>
        </div>
      ) : (
        <div className="inline-form">
          <button type="submit" className="danger" data-testid="warning-lift-submit">
            {t('warnings.lift.submit')}
          </button>
          <button type="button" data-testid="warning-lift-cancel" onClick={onCancel}>
            {t('warnings.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}

/** The CAP 1.2 message as the server renders it, read with the session's token: shown as text, or saved as a file. */
function CapPanel({ warning }: { warning: WarningView }) {
  const { t } = useI18n();
  const [xml, setXml] = useState<{ revision: number; text: string } | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  /** The XML of the warning's current revision: read again after every 调整 or 解除. */
  const fetchXml = async (): Promise<string> => {
    if (xml && xml.revision === warning.revision) return xml.text;
    const text = await getText(`/warnings/${warning.id}/cap`);
    setXml({ revision: warning.revision, text });
    return text;
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const shown = open && xml && xml.revision === warning.revision ? xml.text : null;
  // An open preview follows the warning: after a 调整 or 解除 it shows the new message (Update, Cancel).
  const stale = open && xml !== null && xml.revision !== warning.revision;
  useEffect(() => {
    if (!stale) return;
    let live = true;
    getText(`/warnings/${warning.id}/cap`).then(
      (text) => live && setXml({ revision: warning.revision, text }),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [stale, warning.id, warning.revision]);

  return (
    <div className="warning-cap" data-testid="warning-cap">
      <h3>{t('warnings.cap.title')}</h3>
      <div className="inline-form">
        <button
          type="button"
          data-testid="warning-cap-preview"
          aria-expanded={open}
          disabled={busy}
          onClick={() =>
            open
              ? setOpen(false)
              : void run(async () => {
                  await fetchXml();
                  setOpen(true);
                })
          }>
          {t(open ? 'warnings.cap.hide' : 'warnings.cap.preview')}
        </button>
        <button
          type="button"
          data-testid="warning-cap-download"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const name = capFileName(warning, t('warnings.cap.filePrefix'));
              downloadText(await fetchXml(), name, 'application/cap+xml');
              setSaved(name);
            })
          }>
          {t('warnings.cap.download')}
        </button>
        {saved && (
          <span className="small muted" role="status" data-testid="warning-cap-saved">
            {t('warnings.cap.saved', { name: saved })}
          </span>
        )}
      </div>
      <ErrorMessage error={error} testId="warning-cap-error" />
      {open && !shown && busy && <p className="muted">{t('warnings.loading')}</p>}
      {shown && (
        <pre className="warning-cap-xml" data-testid="warning-cap-xml" tabIndex={0}>
          {shown}
        </pre>
      )}
    </div>
  );
}

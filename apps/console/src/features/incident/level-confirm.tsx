import { useEffect, useRef } from 'react';
import { useI18n, type Translate } from '../../i18n';

const ROMAN: Record<string, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' };

/** A response level as the commander reads it (Ⅲ级响应), or "未启动响应" when there is none. */
export function levelName(t: Translate, level: string | null | undefined): string {
  if (!level) return t('incident.level.none');
  return t('incident.level.name', { roman: ROMAN[level] ?? level });
}

/** A change of the response level waiting for the commander's confirmation, and what sends it once confirmed. */
export interface LevelChange {
  from: string | null;
  to: string;
  reason: string;
  /** The plan activated with it, when the change comes with an activation. */
  planTitle?: string;
  send: () => void;
}

/**
 * Asks before anything changes the response level: the level decides who takes command and which plan measures run,
 * so one stray click must not raise it. Names the level now and the level after, and the reason given.
 */
export function LevelConfirmDialog({ change, onClose }: { change: LevelChange; onClose: () => void }) {
  const { t } = useI18n();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div className="incident-dialog-backdrop">
      <div
        className="incident-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="level-confirm-title"
        data-testid="level-confirm"
        data-from={change.from ?? ''}
        data-to={change.to}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}>
        <h2 id="level-confirm-title">{t('incident.confirm.title')}</h2>
        <p data-testid="level-confirm-change">
          {t('incident.confirm.change', { from: levelName(t, change.from), to: levelName(t, change.to) })}
        </p>
        {change.planTitle && <p>{t('incident.confirm.planNote', { plan: change.planTitle })}</p>}
        <p data-testid="level-confirm-reason">{t('incident.confirm.reason', { reason: change.reason || '—' })}</p>
        <div className="actions">
          <button
            ref={confirm}
            type="button"
            className="primary"
            data-testid="level-confirm-ok"
            onClick={() => {
              onClose();
              change.send();
            }}>
            {t('incident.confirm.ok')}
          </button>
          <button type="button" data-testid="level-confirm-cancel" onClick={onClose}>
            {t('incident.confirm.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

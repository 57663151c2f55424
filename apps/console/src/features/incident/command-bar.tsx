import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';

export type ActionKey = 'level' | 'plan' | 'dispatch' | 'allocate' | 'moves' | 'report';

export interface CommandAction {
  key: ActionKey;
  label: string;
  content: ReactNode;
}

/**
 * The commander's action area at the top of the workspace: one row of actions, the chosen one's form right under it,
 * so each is reached without scrolling. Only the actions that can apply are given (the workspace decides).
 */
export function CommandBar({
  actions,
  open,
  onOpen,
}: {
  actions: CommandAction[];
  open: ActionKey | null;
  onOpen: (key: ActionKey | null) => void;
}) {
  const { t } = useI18n();
  if (actions.length === 0) return null;
  const shown = actions.find((a) => a.key === open) ?? null;
  return (
    <section className="incident-actions" aria-label={t('incident.actions')} data-testid="command-bar">
      <div className="incident-action-row" role="tablist">
        {actions.map((a) => (
          <button
            key={a.key}
            type="button"
            role="tab"
            id={`action-tab-${a.key}`}
            aria-selected={a.key === shown?.key}
            aria-controls="incident-action-sheet"
            className={a.key === shown?.key ? 'incident-action on' : 'incident-action'}
            data-testid={`action-${a.key}`}
            onClick={() => onOpen(a.key === shown?.key ? null : a.key)}>
            {a.label}
          </button>
        ))}
        {shown && (
          <button type="button" className="linkish incident-action-hide" onClick={() => onOpen(null)}>
            {t('incident.action.hide')}
          </button>
        )}
      </div>
      {shown && (
        <div
          id="incident-action-sheet"
          className="incident-action-sheet"
          role="tabpanel"
          aria-labelledby={`action-tab-${shown.key}`}
          data-testid="action-sheet"
          data-action={shown.key}>
          {shown.content}
        </div>
      )}
    </section>
  );
}

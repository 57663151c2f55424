import { commandPost } from '../../api';
import { useI18n } from '../../i18n';
import { formatTime } from '../../time';
import type { IncidentView } from '@app/incidents/contract';
import type { PlanSuggestionsView, PlanView } from '@app/plans/contract';
import { ActivatePlanForm } from './forms';
import { levelName, type LevelChange } from './level-confirm';
import { Panel, type Act } from './shared';

/** The plans in force for the incident (the record; activating one is in the action area). */
export function PlansPanel({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  return (
    <Panel title={t('detail.activePlans')}>
      <ul className="list">
        {incident.activePlans.length === 0 && <li className="muted">{t('none')}</li>}
        {incident.activePlans.map((p) => (
          <li key={p.planId} data-testid="active-plan">
            {p.title} v{p.version} · {levelName(t, p.level)} · {formatTime(p.activatedAt)} {p.activatedBy}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/**
 * 启动预案: the plans the rules suggest and the form to activate another one. Whatever would change the response level
 * (an activation at another level, a suggestion to raise it) goes through `confirmLevel` first, naming both levels.
 */
export function PlanActions({
  incident,
  suggestions,
  plans,
  busy,
  act,
  confirmLevel,
}: {
  incident: IncidentView;
  suggestions: PlanSuggestionsView | undefined;
  plans: PlanView[];
  busy: boolean;
  act: Act;
  confirmLevel: (change: LevelChange) => void;
}) {
  const { t } = useI18n();
  const id = incident.id;
  const current = incident.responseLevel;
  const activate = (planId: string, title: string, level: string, reason: string) => {
    const send = () =>
      void act(t('detail.activate'), () =>
        commandPost(`/incidents/${id}/plan-activations`, {
          planId,
          ...(level ? { level } : {}),
          ...(reason ? { reason } : {}),
        }),
      );
    if (level && level !== current) confirmLevel({ from: current, to: level, reason, planTitle: title, send });
    else send();
  };
  const list = suggestions?.suggestions ?? [];
  return (
    <div data-testid="plan-sheet" className="incident-plan-sheet">
      <div>
        <h3>{t('detail.planSuggestions')}</h3>
        <ul className="list incident-choices">
          {list.length === 0 && <li className="muted">{t('detail.noSuggestions')}</li>}
          {list.map((s) => {
            const reason = t('incident.plan.suggestedReason', { reasons: s.reasons.join('；') });
            return (
              <li
                key={`${s.planId}:${s.level}`}
                data-testid="plan-suggestion"
                data-plan-id={s.planId}
                data-action={s.action}>
                <div className="incident-choice-text">
                  <strong>{s.title}</strong> → {levelName(t, s.level)}
                  <div className="small">{s.reasons.join('；')}</div>
                </div>
                {s.action === 'activate' ? (
                  <button
                    type="button"
                    data-testid="plan-suggestion-activate"
                    disabled={busy}
                    onClick={() => activate(s.planId, s.title, s.level, reason)}>
                    {t('detail.activate')}
                  </button>
                ) : (
                  <button
                    type="button"
                    data-testid="plan-suggestion-level"
                    disabled={busy || s.level === current}
                    onClick={() =>
                      confirmLevel({
                        from: current,
                        to: s.level,
                        reason,
                        send: () =>
                          void act(t('detail.setLevel'), () =>
                            commandPost(`/incidents/${id}/response-level`, { level: s.level, reason }),
                          ),
                      })
                    }>
                    {t('incident.plan.raise')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      <ActivatePlanForm
        plans={plans.filter((p) => p.inForceVersion != null && !incident.activePlans.some((a) => a.planId === p.id))}
        busy={busy}
        onSubmit={(planId, level, reason) =>
          activate(planId, plans.find((p) => p.id === planId)?.title ?? '', level, reason)
        }
      />
    </div>
  );
}

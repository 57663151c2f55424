import { commandPost } from '../../api';
import { useI18n } from '../../i18n';
import { formatTime } from '../../time';
import type { IncidentView } from '@app/incidents/contract';
import type { PlanSuggestionsView, PlanView } from '@app/plans/contract';
import { ActivatePlanForm } from './forms';
import { Panel, type Act } from './shared';

/** The plans in force for the incident, those the rules suggest, and the form to activate another one. */
export function PlansPanel({
  incident,
  suggestions,
  plans,
  canAct,
  busy,
  act,
}: {
  incident: IncidentView;
  suggestions: PlanSuggestionsView | undefined;
  plans: PlanView[];
  canAct: boolean;
  busy: boolean;
  act: Act;
}) {
  const { t } = useI18n();
  const id = incident.id;
  return (
    <Panel title={t('detail.plans')}>
      <h3>{t('detail.activePlans')}</h3>
      <ul className="list">
        {incident.activePlans.length === 0 && <li className="muted">{t('none')}</li>}
        {incident.activePlans.map((p) => (
          <li key={p.planId} data-testid="active-plan">
            {p.title} v{p.version} · {p.level} · {formatTime(p.activatedAt)} {p.activatedBy}
          </li>
        ))}
      </ul>
      <h3>{t('detail.planSuggestions')}</h3>
      <ul className="list">
        {(suggestions?.suggestions ?? []).length === 0 && <li className="muted">{t('detail.noSuggestions')}</li>}
        {(suggestions?.suggestions ?? []).map((s) => (
          <li key={`${s.planId}:${s.level}`} data-testid="plan-suggestion" data-plan-id={s.planId}>
            <strong>{s.title}</strong> → {s.level}（
            {s.action === 'activate' ? t('detail.activate') : t('detail.setLevel')}）
            <div className="small">{s.reasons.join('；')}</div>
            {canAct && s.action === 'activate' && (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void act(t('detail.activate'), () =>
                    commandPost(`/incidents/${id}/plan-activations`, { planId: s.planId, level: s.level }),
                  )
                }>
                {t('detail.activate')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canAct && (
        <ActivatePlanForm
          plans={plans.filter((p) => p.inForceVersion != null && !incident.activePlans.some((a) => a.planId === p.id))}
          busy={busy}
          onSubmit={(planId, level, reason) =>
            void act(t('detail.activate'), () =>
              commandPost(`/incidents/${id}/plan-activations`, {
                planId,
                ...(level ? { level } : {}),
                ...(reason ? { reason } : {}),
              }),
            )
          }
        />
      )}
    </Panel>
  );
}

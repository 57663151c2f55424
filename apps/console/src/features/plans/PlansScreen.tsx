import { useEffect, useState } from 'react';
import { errorText, get } from '../../api';
import { useI18n } from '../../i18n';
import type { PlanGovernanceListView, PlanGovernanceView } from '@app/plans/contract';

/** Dates of the governance list (`2026-12-06`) as the screen writes them. */
const day = (date: string | null | undefined): string => (date ? date.slice(0, 10) : '—');

/** A cell that turns red when its duty is overdue (备案逾期, 评估逾期, 演练逾期). */
function Due({ overdue, children }: { overdue: boolean; children: React.ReactNode }) {
  return <td className={overdue ? 'warn-text' : undefined}>{children}</td>;
}

/**
 * 预案管理: for the plans of the user's jurisdictions, what the plan rules still ask — filing within 20 working days
 * of publication, evaluation every 3 years or after a finding, drills every 2 years (governments) or half year
 * (high-risk units) — read from `GET /plans/governance`. The drill coordinator sees here what is due and overdue.
 */
export function PlansScreen() {
  const { t } = useI18n();
  const [list, setList] = useState<PlanGovernanceListView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<PlanGovernanceListView>('/plans/governance').then(setList, (e: unknown) =>
      setError(errorText(e, t('plans.error'))),
    );
  }, [t]);
  const rows: PlanGovernanceView[] = list?.plans ?? [];
  return (
    <section aria-labelledby="plans-heading">
      <div className="screen-head">
        <h1 id="plans-heading">{t('plans.title')}</h1>
      </div>
      {error && <p className="warn-text">{error}</p>}
      {list && rows.length === 0 && <p className="muted">{t('plans.empty')}</p>}
      {rows.length > 0 && (
        <table className="grid compact" data-testid="plan-governance">
          <thead>
            <tr>
              <th scope="col">{t('plans.plan')}</th>
              <th scope="col">{t('plans.status')}</th>
              <th scope="col">{t('plans.review')}</th>
              <th scope="col">{t('plans.filing')}</th>
              <th scope="col">{t('plans.evaluation')}</th>
              <th scope="col">{t('plans.drill')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.planId} data-testid="plan-row" data-plan-id={p.planId}>
                <td>
                  {p.title}
                  <div className="small muted">
                    {p.kindLabel} · {p.ownerKindLabel} · {p.jurisdictionName}
                  </div>
                </td>
                <td>{p.statusLabel}</td>
                <td>
                  {p.review ? `${p.review.kindLabel} ${day(p.review.reviewedOn)} ${p.review.conclusionLabel}` : '—'}
                </td>
                <Due overdue={p.filing?.state === 'overdue'}>
                  {p.filing
                    ? `${p.filing.stateLabel}（${t('plans.by')} ${day(p.filing.deadline)}${p.filing.provisional ? t('plans.provisional') : ''}）`
                    : '—'}
                </Due>
                <Due overdue={p.evaluation?.state === 'overdue'}>
                  {p.evaluation ? `${p.evaluation.stateLabel}（${t('plans.by')} ${day(p.evaluation.dueOn)}）` : '—'}
                </Due>
                <Due overdue={p.drill?.state === 'overdue'}>
                  {p.drill
                    ? `${p.drill.stateLabel}（${t('plans.last')} ${day(p.drill.lastDrillOn)}，${t('plans.by')} ${day(p.drill.nextDueOn)}）`
                    : '—'}
                </Due>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

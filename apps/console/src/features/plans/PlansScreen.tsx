import { useQuery } from '@tanstack/react-query';
import { get } from '../../api';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { formatDate } from '../../time';
import type { PlanGovernanceListView, PlanGovernanceView } from '@app/plans/contract';
import { ErrorMessage } from '../errors/ErrorMessage';
import { useLabels } from '../labels/labels';
import './plans.css';

/** Dates of the governance list are local calendar dates (`2026-12-06`): written with their year, as the language does. */
const day = (date: string | null | undefined): string => formatDate(date);

/** A cell that turns red when its duty is overdue (备案逾期, 评估逾期, 演练逾期). */
function Due({ overdue, testId, children }: { overdue: boolean; testId: string; children: React.ReactNode }) {
  return (
    <td className={overdue ? 'warn-text' : undefined} data-testid={testId} data-overdue={overdue ? 'true' : 'false'}>
      {children}
    </td>
  );
}

/**
 * 预案管理: the plan list, each title opening its plan page (/plans/:id). For the plans of the user's jurisdictions, what the plan rules still ask — filing within 20 working days
 * of publication, evaluation every 3 years or after a finding, drills every 2 years (governments) or half year
 * (high-risk units) — read from `GET /plans/governance`. The drill coordinator sees here what is due and overdue.
 */
export function PlansScreen() {
  const { t, lang } = useI18n();
  const { label } = useLabels();
  // Brackets and commas as each language writes them around the due dates.
  const [open, close, comma] = lang === 'en' ? [' (', ')', ', '] : ['（', '）', '，'];
  const query = useQuery({
    queryKey: ['plans', 'governance'],
    queryFn: () => get<PlanGovernanceListView>('/plans/governance'),
  });
  const list = query.data ?? null;
  const rows: PlanGovernanceView[] = list?.plans ?? [];
  return (
    <section aria-labelledby="plans-heading">
      <div className="screen-head">
        <h1 id="plans-heading">{t('plans.title')}</h1>
      </div>
      {query.isError && <ErrorMessage error={query.error} testId="plans-error" />}
      {list && rows.length === 0 && <p className="muted">{t('plans.empty')}</p>}
      {rows.length > 0 && (
        <table className="grid compact plan-list" data-testid="plan-governance">
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
                  <a
                    href={`/plans/${encodeURIComponent(p.planId)}`}
                    data-testid="plan-link"
                    onClick={linkHandler(`/plans/${encodeURIComponent(p.planId)}`)}>
                    {p.title}
                  </a>
                  <div className="small muted" data-testid="plan-facts">
                    {label('planKind', p.kind, p.kindLabel)} · {label('planOwnerKind', p.ownerKind, p.ownerKindLabel)} ·{' '}
                    {p.jurisdictionName}
                  </div>
                </td>
                <td>
                  <span data-testid="plan-status">{label('planStatus', p.status, p.statusLabel)}</span>
                  <div className="small muted" data-testid="plan-versions">
                    {p.inForceVersion === null
                      ? t('plans.noneInForce')
                      : t('plans.inForce', { version: p.inForceVersion })}
                    {p.version !== p.inForceVersion ? ` · ${t('plans.newestVersion', { version: p.version })}` : ''}
                  </div>
                </td>
                <td data-testid="plan-review">
                  {p.review
                    ? `${label('reviewKind', p.review.kind, p.review.kindLabel)} ${day(p.review.reviewedOn)} ${label('reviewConclusion', p.review.conclusion, p.review.conclusionLabel)}`
                    : '—'}
                </td>
                <Due overdue={p.filing?.state === 'overdue'} testId="plan-filing">
                  {p.filing
                    ? `${label('filingState', p.filing.state, p.filing.stateLabel)}${open}${t('plans.by')} ${day(p.filing.deadline)}${p.filing.provisional ? t('plans.provisional') : ''}${close}`
                    : '—'}
                </Due>
                <Due overdue={p.evaluation?.state === 'overdue'} testId="plan-evaluation">
                  {p.evaluation
                    ? `${label('evaluationState', p.evaluation.state, p.evaluation.stateLabel)}${open}${t('plans.by')} ${day(p.evaluation.dueOn)}${close}`
                    : '—'}
                </Due>
                <Due overdue={p.drill?.state === 'overdue'} testId="plan-drill">
                  {p.drill
                    ? `${label('drillDueState', p.drill.state, p.drill.stateLabel)}${open}${t('plans.last')} ${day(p.drill.lastDrillOn)}${comma}${t('plans.by')} ${day(p.drill.nextDueOn)}${close}`
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

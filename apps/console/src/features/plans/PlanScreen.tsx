import { useQueries, useQuery } from '@tanstack/react-query';
import type {
  PlanFinding,
  PlanGovernanceListView,
  PlanGovernanceView,
  PlanReview,
  PlanVersionView,
  PlanView,
} from '@app/plans/contract';
import { get } from '../../api';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { formatDate } from '../../time';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { useLabels } from '../labels/labels';
import { PlanCompare } from './PlanCompare';
import { EvaluationForm, FilingForm, PublishButton, RetireForm, ReviewForm, ReviseForm } from './plan-forms';
import { criterionWords, taskWords } from './plan-words';
import './plans.css';

/**
 * Who may write on plans: the `plan.manage` permission of libs/shared/src/auth/permissions.ts, held by admins alone.
 * Everyone else reads the same page without its forms (the server refuses them with 403 anyway).
 */
export const mayManagePlans = (session: Session): boolean => session.user.roles.includes('admin');

export const planKeys = {
  plan: (id: string) => ['plans', id] as const,
  version: (id: string, version: number) => ['plans', id, 'versions', version] as const,
  governance: ['plans', 'governance'] as const,
};

function Panel({
  title,
  testId,
  wide,
  children,
}: {
  title: string;
  testId: string;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <section className={wide ? 'panel wide' : 'panel'} data-testid={testId} aria-labelledby={`${testId}-title`}>
      <h2 id={`${testId}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * 预案详情: one plan as its owner and its readers need it — what it says now (activation in words, groups and tasks,
 * teams and supplies), its versions side by side, its 评审/论证, 发布, 备案 and 评估 records with what is due, and the
 * drill findings still waiting for a new version. Admins record and revise here; other roles read.
 */
export function PlanScreen({ id, session }: { id: string; session: Session }) {
  const { t } = useI18n();
  const planQuery = useQuery({ queryKey: planKeys.plan(id), queryFn: () => get<PlanView>(`/plans/${id}`) });
  const governanceQuery = useQuery({
    queryKey: planKeys.governance,
    queryFn: () => get<PlanGovernanceListView>('/plans/governance'),
  });
  const plan = planQuery.data ?? null;
  const numbers = plan ? Array.from({ length: plan.version }, (_, i) => i + 1) : [];
  const versionQueries = useQueries({
    queries: numbers.map((v) => ({
      queryKey: planKeys.version(id, v),
      queryFn: () => get<PlanVersionView>(`/plans/${id}/versions/${v}`),
    })),
  });
  const versions = versionQueries.flatMap((q) => (q.data ? [q.data] : []));
  const governance = governanceQuery.data?.plans.find((p) => p.planId === id) ?? null;
  return (
    <section className="plan-page" data-testid="plan-screen" data-id={id}>
      <a href="/plans" className="small" onClick={linkHandler('/plans')}>
        ← {t('plans.back')}
      </a>
      {planQuery.isError && <ErrorMessage error={planQuery.error} testId="plan-error" />}
      {!plan && !planQuery.isError && <p className="muted">{t('plans.loading')}</p>}
      {plan && (
        <PlanPage
          plan={plan}
          versions={versions}
          governance={governance}
          manage={mayManagePlans(session)}
          versionsError={versionQueries.find((q) => q.isError)?.error ?? null}
        />
      )}
    </section>
  );
}

function PlanPage({
  plan,
  versions,
  governance,
  manage,
  versionsError,
}: {
  plan: PlanView;
  versions: PlanVersionView[];
  governance: PlanGovernanceView | null;
  manage: boolean;
  versionsError: unknown;
}) {
  const { t } = useI18n();
  const { label, labelList } = useLabels();
  const retired = plan.status === 'retired';
  const inForce = versions.find((v) => v.version === plan.inForceVersion) ?? null;
  return (
    <>
      <div className="detail-head">
        <h1 data-testid="plan-title">{plan.title}</h1>
        <div className="badges" data-testid="plan-badges">
          <span className={`badge plan-status-${plan.status}`} data-testid="plan-status">
            {label('planStatus', plan.status, plan.statusLabel)}
          </span>
          <span className="badge" data-testid="plan-in-force">
            {plan.inForceVersion === null
              ? t('plans.noneInForce')
              : t('plans.inForce', { version: plan.inForceVersion })}
          </span>
          <span className="badge" data-testid="plan-newest">
            {t('plans.newestVersion', { version: plan.version })}
          </span>
        </div>
        <dl className="facts plan-facts" data-testid="plan-facts">
          <dt>{t('plans.kind')}</dt>
          <dd>{label('planKind', plan.kind, plan.kindLabel)}</dd>
          <dt>{t('plans.ownerKind')}</dt>
          <dd data-testid="plan-owner">{label('planOwnerKind', plan.ownerKind, plan.ownerKindLabel)}</dd>
          <dt>{t('plans.jurisdiction')}</dt>
          <dd data-testid="plan-jurisdiction">{plan.jurisdictionName}</dd>
          <dt>{t('plans.categories')}</dt>
          <dd data-testid="plan-categories">{labelList('category', plan.categories)}</dd>
        </dl>
        {!manage && (
          <p className="small muted" data-testid="plan-read-only">
            {t('plans.readOnly')}
          </p>
        )}
      </div>
      <div className="detail-grid">
        <Panel title={t('plans.content', { version: plan.version })} testId="plan-content" wide>
          <PlanContentView plan={plan} />
        </Panel>
        <Panel title={t('plans.reviewRecord')} testId="plan-review">
          <ReviewRecord review={plan.review} version={plan.version} />
          {manage && <ReviewForm planId={plan.id} offered={plan.status === 'draft' || plan.status === 'reviewed'} />}
        </Panel>
        <Panel title={t('plans.publication')} testId="plan-publication">
          <Publication plan={plan} inForce={inForce} manage={manage} />
          {manage && <RetireForm planId={plan.id} offered={!retired} />}
        </Panel>
        <Panel title={t('plans.filingTitle')} testId="plan-filing">
          <Filing plan={plan} inForce={inForce} governance={governance} />
          {manage && (
            <FilingForm planId={plan.id} offered={!retired && inForce !== null && inForce.status !== 'filed'} />
          )}
        </Panel>
        <Panel title={t('plans.evaluationTitle')} testId="plan-evaluation">
          <Evaluation plan={plan} governance={governance} />
          {manage && <EvaluationForm planId={plan.id} offered={!retired && plan.inForceVersion !== null} />}
        </Panel>
        <Panel title={t('plans.findings')} testId="plan-findings" wide>
          <Findings open={plan.openFindings} versions={versions} />
        </Panel>
        <Panel title={t('plans.versions')} testId="plan-versions" wide>
          <ErrorMessage error={versionsError} testId="versions-error" />
          <VersionsTable versions={versions} />
          <h3>{t('plans.compare')}</h3>
          {versions.length === plan.version ? <PlanCompare key={plan.version} versions={versions} /> : null}
        </Panel>
        {manage && !retired && (
          <Panel title={t('plans.revise')} testId="plan-revise" wide>
            <ReviseForm plan={plan} findings={plan.openFindings} />
          </Panel>
        )}
      </div>
    </>
  );
}

function PlanContentView({ plan }: { plan: PlanView }) {
  const { t, lang } = useI18n();
  const { label } = useLabels();
  const { teams, materials } = plan.requirements;
  return (
    <>
      <h3>{t('plans.activation')}</h3>
      <p>{plan.activation.description}</p>
      <p className="small muted">{t('plans.anyOf')}</p>
      <ul data-testid="plan-levels">
        {plan.activation.levels.map((level, i) => (
          <li key={`${level.level}-${i}`} data-testid="plan-level" data-level={level.level}>
            <strong>{label('responseLevel', level.level)}</strong>：{criterionWords(level, t, label, lang)}
          </li>
        ))}
      </ul>
      <h3>{t('plans.groups')}</h3>
      <table className="grid compact" data-testid="plan-groups">
        <thead>
          <tr>
            <th scope="col">{t('plans.group')}</th>
            <th scope="col">{t('plans.leadAgency')}</th>
            <th scope="col">{t('plans.tasks')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.groups.map((group, g) => (
            <tr key={`${group.name}-${g}`} data-testid="plan-group">
              <td>{group.name}</td>
              <td>{group.leadAgency}</td>
              <td>
                <ul className="plain">
                  {group.tasks.map((task, i) => (
                    <li key={i} data-testid="plan-task">
                      {task.title}
                      <span className="small muted"> · {taskWords(task, t, label, lang)}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('plans.requirements')}</h3>
      <p data-testid="plan-teams">
        {t('plans.teamsNeeded')}：
        {teams.length === 0
          ? t('plans.none')
          : teams
              .map((r) => t('plans.teamCount', { name: label('specialty', r.specialty), count: r.count }))
              .join(lang === 'en' ? ', ' : '；')}
      </p>
      <p data-testid="plan-materials">
        {t('plans.materialsNeeded')}：
        {materials.length === 0
          ? t('plans.none')
          : materials
              .map((m) => t('plans.materialCount', { name: label('material', m.materialCode), count: m.quantity }))
              .join(lang === 'en' ? ', ' : '；')}
      </p>
    </>
  );
}

function ReviewRecord({ review, version }: { review: PlanReview | null; version: number }) {
  const { t, lang } = useI18n();
  const { label } = useLabels();
  if (!review)
    return (
      <p className="muted" data-testid="review-none">
        {t('plans.noReview')}
      </p>
    );
  const sep = lang === 'en' ? ', ' : '、';
  return (
    <>
      <p>
        <strong>{t('plans.reviewOf', { version, kind: label('reviewKind', review.kind) })}</strong>
      </p>
      <dl className="facts" data-testid="review-record">
        <dt>{t('plans.reviewedOn')}</dt>
        <dd data-testid="review-date-shown">{formatDate(review.reviewedOn)}</dd>
        <dt>{t('plans.experts')}</dt>
        <dd>{review.experts.join(sep)}</dd>
        <dt>{t('plans.organisation')}</dt>
        <dd>{review.organisation ?? '—'}</dd>
        <dt>{t('plans.conclusion')}</dt>
        <dd data-testid="review-conclusion-shown" className={review.conclusion === 'failed' ? 'warn-text' : undefined}>
          {label('reviewConclusion', review.conclusion)}
        </dd>
        <dt>{t('plans.document')}</dt>
        <dd>{review.document}</dd>
      </dl>
    </>
  );
}

function Publication({ plan, inForce, manage }: { plan: PlanView; inForce: PlanVersionView | null; manage: boolean }) {
  const { t } = useI18n();
  if (plan.status === 'retired') return <p data-testid="publication-state">{t('plans.retired')}</p>;
  const newestPending = plan.status === 'draft' || plan.status === 'reviewed';
  const passed = plan.status === 'reviewed' && plan.review !== null && plan.review.conclusion !== 'failed';
  return (
    <>
      {plan.inForceVersion !== null && (
        <p data-testid="publication-state">
          {t('plans.published', {
            version: plan.inForceVersion,
            date: formatDate(inForce?.publishedAt ?? null),
          })}
        </p>
      )}
      {newestPending && !passed && (
        <p className="muted" data-testid="publication-blocked">
          {plan.review?.conclusion === 'failed' ? t('plans.publishFailedReview') : t('plans.publishNeedsReview')}
        </p>
      )}
      {newestPending && passed && manage && <PublishButton planId={plan.id} version={plan.version} />}
    </>
  );
}

function Filing({
  plan,
  inForce,
  governance,
}: {
  plan: PlanView;
  inForce: PlanVersionView | null;
  governance: PlanGovernanceView | null;
}) {
  const { t } = useI18n();
  const { label } = useLabels();
  if (plan.inForceVersion === null) return <p className="muted">{t('plans.notPublished')}</p>;
  const filed = inForce?.filing ?? null;
  const due = governance?.filing ?? null;
  const deadline = filed?.deadline ?? due?.deadline ?? null;
  const late = filed ? (filed.late ?? false) : due?.state === 'overdue';
  return (
    <div data-testid="filing-state" data-late={late ? 'true' : 'false'}>
      <p className={late ? 'warn-text' : undefined} data-testid="filing-words">
        {filed
          ? t(filed.late ? 'plans.filedLate' : 'plans.filedOnTime', {
              date: formatDate(filed.filedOn ?? filed.filedAt),
              authority: filed.authority,
            })
          : due
            ? label('filingState', due.state, due.stateLabel)
            : ''}
      </p>
      {deadline && (
        <p className="small" data-testid="filing-deadline">
          {t('plans.filingDeadline', { date: formatDate(deadline) })}
          {!filed && due && due.daysLeft !== null && (
            <>
              {' · '}
              {due.daysLeft >= 0
                ? t('plans.filingDaysLeft', { days: due.daysLeft })
                : t('plans.filingDaysOver', { days: -due.daysLeft })}
            </>
          )}
        </p>
      )}
    </div>
  );
}

function Evaluation({ plan, governance }: { plan: PlanView; governance: PlanGovernanceView | null }) {
  const { t } = useI18n();
  const { label } = useLabels();
  const e = governance?.evaluation ?? null;
  if (plan.inForceVersion === null) return <p className="muted">{t('plans.notPublished')}</p>;
  if (!e) return null;
  return (
    <div data-testid="evaluation-state">
      <p className={e.state === 'overdue' ? 'warn-text' : undefined}>
        {label('evaluationState', e.state, e.stateLabel)}
      </p>
      <p className="small">
        {e.lastEvaluatedOn
          ? t('plans.lastEvaluated', { date: formatDate(e.lastEvaluatedOn) })
          : t('plans.neverEvaluated')}
        {' · '}
        {t('plans.evaluationDue', { date: formatDate(e.dueOn) })}
      </p>
    </div>
  );
}

function FindingLine({ finding }: { finding: PlanFinding }) {
  const { t } = useI18n();
  return (
    <li data-testid="finding" data-finding-id={finding.findingId}>
      {finding.text}
      <span className="small muted"> · {t('plans.findingRecorded', { date: formatDate(finding.recordedAt) })}</span>
      {finding.drillId && (
        <>
          {' · '}
          <a className="small" href={`/drills/${finding.drillId}`} onClick={linkHandler(`/drills/${finding.drillId}`)}>
            {t('plans.findingDrill')}
          </a>
        </>
      )}
    </li>
  );
}

function Findings({ open, versions }: { open: PlanFinding[]; versions: PlanVersionView[] }) {
  const { t } = useI18n();
  const addressed = versions.filter((v) => v.addressedFindings.length > 0).sort((a, b) => b.version - a.version);
  return (
    <div className="two-col">
      <div data-testid="findings-waiting">
        <h3>{t('plans.findingsWaiting')}</h3>
        {open.length === 0 ? (
          <p className="muted">{t('plans.findingsNone')}</p>
        ) : (
          <ul>
            {open.map((f) => (
              <FindingLine key={f.findingId} finding={f} />
            ))}
          </ul>
        )}
      </div>
      <div data-testid="findings-addressed">
        {addressed.length === 0 && <p className="muted">{t('plans.noAddressed')}</p>}
        {addressed.map((v) => (
          <div key={v.version} data-testid="addressed-by" data-version={v.version}>
            <h3>{t('plans.addressedBy', { version: v.version })}</h3>
            <ul>
              {v.addressedFindings.map((f) => (
                <FindingLine key={f.findingId} finding={f} />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}

function VersionsTable({ versions }: { versions: PlanVersionView[] }) {
  const { t } = useI18n();
  const { label } = useLabels();
  const rows = [...versions].sort((a, b) => b.version - a.version);
  return (
    <table className="grid compact" data-testid="versions-table">
      <thead>
        <tr>
          <th scope="col">{t('plans.version')}</th>
          <th scope="col">{t('plans.versionStatus')}</th>
          <th scope="col">{t('plans.createdAt')}</th>
          <th scope="col">{t('plans.reviewRecord')}</th>
          <th scope="col">{t('plans.publishedAt')}</th>
          <th scope="col">{t('plans.filingTitle')}</th>
          <th scope="col">{t('plans.addressed')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((v) => (
          <tr key={v.version} data-testid="version-row" data-version={v.version}>
            <td>{t('plans.versionN', { version: v.version })}</td>
            <td data-testid="version-status">{label('planStatus', v.status, v.statusLabel)}</td>
            <td>{formatDate(v.createdAt)}</td>
            <td>
              {v.review
                ? `${label('reviewKind', v.review.kind)} ${formatDate(v.review.reviewedOn)} ${label('reviewConclusion', v.review.conclusion)}`
                : '—'}
            </td>
            <td>{formatDate(v.publishedAt)}</td>
            <td>{v.filing ? `${formatDate(v.filing.filedOn ?? v.filing.filedAt)} ${v.filing.authority}` : '—'}</td>
            <td>{v.addressedFindings.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

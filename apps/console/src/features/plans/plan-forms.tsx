import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  ActivationCriterion,
  PlanContent,
  PlanFinding,
  PlanView,
  PlanReviewConclusion,
  PlanReviewKind,
  PlanEvaluationConclusion,
} from '@app/plans/contract';
import { command, isAccepted } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorMessage } from '../errors/ErrorMessage';
import { useLabels } from '../labels/labels';
import { THRESHOLD_FIELDS } from './plan-diff';
import { splitNames, todayInZone } from './plan-words';

type Method = 'POST' | 'PUT';

/**
 * One plan command: sent with its Idempotency-Key (api.ts), then every plan read is fetched again. A `202` means the
 * register had not shown the change yet, so the reads are fetched once more a moment later.
 */
export function usePlanCommand<T = unknown>(method: Method, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => command<T>(method, path, body),
    onSuccess: async (outcome) => {
      await client.invalidateQueries({ queryKey: ['plans'] });
      if (isAccepted(outcome)) setTimeout(() => void client.invalidateQueries({ queryKey: ['plans'] }), 1_000);
    },
  });
}

/** A form behind its button: closed until the admin asks for it, closed again once the record is kept. */
function Toggle({
  label,
  testId,
  offered,
  onOpen,
  children,
}: {
  label: string;
  testId: string;
  /** Whether the record can be made in the plan's present state (the form stays mounted to keep its outcome shown). */
  offered: boolean;
  onOpen?: () => void;
  children: (close: () => void) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  if (!offered) return null;
  if (!open)
    return (
      <button
        type="button"
        data-testid={`${testId}-open`}
        onClick={() => {
          onOpen?.();
          setOpen(true);
        }}>
        {label}
      </button>
    );
  return <>{children(() => setOpen(false))}</>;
}

function Done({ text, testId }: { text: string | null; testId: string }) {
  if (!text) return null;
  return (
    <div className="feedback ok" role="status" data-testid={testId}>
      {text}
    </div>
  );
}

/** 登记评审/论证 of the newest version (`POST /plans/{id}/reviews`). */
export function ReviewForm({ planId, offered }: { planId: string; offered: boolean }) {
  const { t } = useI18n();
  const { label } = useLabels();
  const send = usePlanCommand('POST', `/plans/${planId}/reviews`);
  const [done, setDone] = useState<string | null>(null);
  const [kind, setKind] = useState<PlanReviewKind>('review');
  const [reviewedOn, setReviewedOn] = useState(todayInZone());
  const [experts, setExperts] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [conclusion, setConclusion] = useState<PlanReviewConclusion>('passed');
  const [document, setDocument] = useState('');
  return (
    <>
      <Done text={done} testId="review-done" />
      <Toggle label={t('plans.recordReview')} testId="review-form" offered={offered}>
        {(close) => (
          <form
            className="plan-form"
            data-testid="review-form"
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate(
                {
                  kind,
                  reviewedOn,
                  experts: splitNames(experts),
                  ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
                  conclusion,
                  document: document.trim(),
                },
                {
                  onSuccess: () => {
                    setDone(t('plans.reviewRecorded'));
                    close();
                  },
                },
              );
            }}>
            <div className="row">
              <label className="field">
                {t('plans.reviewKind')}
                <select
                  data-testid="review-kind"
                  value={kind}
                  onChange={(e) => setKind(e.target.value as PlanReviewKind)}>
                  {(['review', 'demonstration'] as const).map((k) => (
                    <option key={k} value={k}>
                      {label('reviewKind', k)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                {t('plans.reviewedOn')}
                <input
                  type="date"
                  data-testid="review-date"
                  required
                  value={reviewedOn}
                  onChange={(e) => setReviewedOn(e.target.value)}
                />
              </label>
              <label className="field">
                {t('plans.conclusion')}
                <select
                  data-testid="review-conclusion"
                  value={conclusion}
                  onChange={(e) => setConclusion(e.target.value as PlanReviewConclusion)}>
                  {(['passed', 'passed_with_changes', 'failed'] as const).map((c) => (
                    <option key={c} value={c}>
                      {label('reviewConclusion', c)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label className="field">
              {t('plans.experts')}（{t('plans.expertsHint')}）
              <input
                data-testid="review-experts"
                required
                value={experts}
                onChange={(e) => setExperts(e.target.value)}
              />
            </label>
            <div className="row">
              <label className="field">
                {t('plans.organisation')}
                <input
                  data-testid="review-organisation"
                  value={organisation}
                  onChange={(e) => setOrganisation(e.target.value)}
                />
              </label>
              <label className="field">
                {t('plans.document')}
                <input
                  data-testid="review-document"
                  required
                  value={document}
                  onChange={(e) => setDocument(e.target.value)}
                />
              </label>
            </div>
            <ErrorMessage error={send.error} testId="review-error" />
            <div className="actions">
              <button type="submit" data-testid="review-submit" disabled={send.isPending}>
                {t('plans.submit')}
              </button>
              <button type="button" className="linkish" onClick={close}>
                {t('plans.cancel')}
              </button>
            </div>
          </form>
        )}
      </Toggle>
    </>
  );
}

/** 发布 of the newest version; the button is offered only once that version passed its review. */
export function PublishButton({ planId, version }: { planId: string; version: number }) {
  const { t } = useI18n();
  const send = usePlanCommand('POST', `/plans/${planId}/publish`);
  return (
    <div>
      <button type="button" data-testid="plan-publish" disabled={send.isPending} onClick={() => send.mutate({})}>
        {t('plans.publish', { version })}
      </button>
      <ErrorMessage error={send.error} testId="publish-error" />
    </div>
  );
}

/**
 * 废止: the plan leaves force for good (nothing is done with it afterwards), so the button only opens a confirmation
 * that says so and takes the reason.
 */
export function RetireForm({ planId, offered }: { planId: string; offered: boolean }) {
  const { t } = useI18n();
  const send = usePlanCommand('POST', `/plans/${planId}/retire`);
  const [done, setDone] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  return (
    <>
      <Done text={done} testId="retire-done" />
      <Toggle label={t('plans.retire')} testId="retire-form" offered={offered}>
        {(close) => (
          <form
            className="plan-form"
            data-testid="retire-form"
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate(reason.trim() ? { reason: reason.trim() } : {}, {
                onSuccess: () => {
                  setDone(t('plans.retireDone'));
                  close();
                },
              });
            }}>
            <p className="warn-text">{t('plans.retireWarning')}</p>
            <label className="field">
              {t('plans.retireReason')}
              <textarea
                data-testid="retire-reason"
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
            <ErrorMessage error={send.error} testId="retire-error" />
            <div className="actions">
              <button type="submit" data-testid="retire-submit" disabled={send.isPending}>
                {t('plans.retireConfirm')}
              </button>
              <button type="button" className="linkish" onClick={close}>
                {t('plans.cancel')}
              </button>
            </div>
          </form>
        )}
      </Toggle>
    </>
  );
}

/** 登记备案 of the version in force (`POST /plans/{id}/filings`). */
export function FilingForm({ planId, offered }: { planId: string; offered: boolean }) {
  const { t } = useI18n();
  const send = usePlanCommand('POST', `/plans/${planId}/filings`);
  const [done, setDone] = useState<string | null>(null);
  const [authority, setAuthority] = useState('');
  const [filedAt, setFiledAt] = useState(todayInZone());
  return (
    <>
      <Done text={done} testId="filing-done" />
      <Toggle label={t('plans.recordFiling')} testId="filing-form" offered={offered}>
        {(close) => (
          <form
            className="plan-form"
            data-testid="filing-form"
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate(
                { authority: authority.trim(), filedAt },
                {
                  onSuccess: () => {
                    setDone(t('plans.filingRecorded'));
                    close();
                  },
                },
              );
            }}>
            <div className="row">
              <label className="field">
                {t('plans.authority')}
                <input
                  data-testid="filing-authority"
                  required
                  value={authority}
                  onChange={(e) => setAuthority(e.target.value)}
                />
              </label>
              <label className="field">
                {t('plans.filedAt')}
                <input
                  type="date"
                  data-testid="filing-date"
                  required
                  value={filedAt}
                  onChange={(e) => setFiledAt(e.target.value)}
                />
              </label>
            </div>
            <ErrorMessage error={send.error} testId="filing-error" />
            <div className="actions">
              <button type="submit" data-testid="filing-submit" disabled={send.isPending}>
                {t('plans.submit')}
              </button>
              <button type="button" className="linkish" onClick={close}>
                {t('plans.cancel')}
              </button>
            </div>
          </form>
        )}
      </Toggle>
    </>
  );
}

/** 登记评估 of the version in force (`POST /plans/{id}/evaluations`). */
export function EvaluationForm({ planId, offered }: { planId: string; offered: boolean }) {
  const { t } = useI18n();
  const send = usePlanCommand('POST', `/plans/${planId}/evaluations`);
  const [done, setDone] = useState<string | null>(null);
  const [evaluatedOn, setEvaluatedOn] = useState(todayInZone());
  const [conclusion, setConclusion] = useState<PlanEvaluationConclusion>('no_revision');
  const [summary, setSummary] = useState('');
  const [evaluators, setEvaluators] = useState('');
  const [document, setDocument] = useState('');
  return (
    <>
      <Done text={done} testId="evaluation-done" />
      <Toggle label={t('plans.recordEvaluation')} testId="evaluation-form" offered={offered}>
        {(close) => (
          <form
            className="plan-form"
            data-testid="evaluation-form"
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate(
                {
                  evaluatedOn,
                  conclusion,
                  summary: summary.trim(),
                  evaluators: splitNames(evaluators),
                  ...(document.trim() ? { document: document.trim() } : {}),
                },
                {
                  onSuccess: () => {
                    setDone(t('plans.evaluationRecorded'));
                    close();
                  },
                },
              );
            }}>
            <div className="row">
              <label className="field">
                {t('plans.evaluatedOn')}
                <input
                  type="date"
                  data-testid="evaluation-date"
                  required
                  value={evaluatedOn}
                  onChange={(e) => setEvaluatedOn(e.target.value)}
                />
              </label>
              <label className="field">
                {t('plans.evaluationConclusion')}
                <select
                  data-testid="evaluation-conclusion"
                  value={conclusion}
                  onChange={(e) => setConclusion(e.target.value as PlanEvaluationConclusion)}>
                  {(['no_revision', 'revision_needed'] as const).map((c) => (
                    <option key={c} value={c}>
                      {t(`plans.evaluationConclusion.${c}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label className="field">
              {t('plans.summary')}
              <textarea
                data-testid="evaluation-summary"
                required
                rows={2}
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
              />
            </label>
            <div className="row">
              <label className="field">
                {t('plans.evaluators')}（{t('plans.expertsHint')}）
                <input
                  data-testid="evaluation-evaluators"
                  required
                  value={evaluators}
                  onChange={(e) => setEvaluators(e.target.value)}
                />
              </label>
              <label className="field">
                {t('plans.document')}
                <input
                  data-testid="evaluation-document"
                  value={document}
                  onChange={(e) => setDocument(e.target.value)}
                />
              </label>
            </div>
            <ErrorMessage error={send.error} testId="evaluation-error" />
            <div className="actions">
              <button type="submit" data-testid="evaluation-submit" disabled={send.isPending}>
                {t('plans.submit')}
              </button>
              <button type="button" className="linkish" onClick={close}>
                {t('plans.cancel')}
              </button>
            </div>
          </form>
        )}
      </Toggle>
    </>
  );
}

/** The content `PUT /plans/{id}` takes, from the register's view of the newest version. */
export function contentOf(plan: PlanView): PlanContent {
  return {
    title: plan.title,
    kind: plan.kind,
    jurisdiction: plan.jurisdiction,
    categories: plan.categories as PlanContent['categories'],
    activation: structuredClone(plan.activation),
    groups: structuredClone(plan.groups),
    requirements: structuredClone(plan.requirements),
    ownerKind: plan.ownerKind,
  };
}

const numberOrUnset = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/**
 * 修订: the newest version's content as the starting point, with the activation wording and thresholds, the tasks'
 * text and time allowed, and the teams' and supplies' counts editable; saved as the next draft version. The server
 * records every finding still open as addressed by it, so the form lists them.
 */
export function ReviseForm({ plan, findings }: { plan: PlanView; findings: PlanFinding[] }) {
  const { t } = useI18n();
  const { label } = useLabels();
  const send = usePlanCommand<PlanView>('PUT', `/plans/${plan.id}`);
  const [done, setDone] = useState<string | null>(null);
  const [draft, setDraft] = useState<PlanContent>(() => contentOf(plan));
  const edit = (change: (d: PlanContent) => void) =>
    setDraft((d) => {
      const next = structuredClone(d);
      change(next);
      return next;
    });
  const setThreshold = (index: number, field: (typeof THRESHOLD_FIELDS)[number], value: string) =>
    edit((d) => {
      const level = d.activation.levels[index]! as ActivationCriterion & Record<string, unknown>;
      if (field === 'minGrade') {
        if (value) level.minGrade = value as ActivationCriterion['minGrade'];
        else delete level.minGrade;
      } else {
        const n = numberOrUnset(value);
        if (n === undefined) delete level[field];
        else level[field] = n;
      }
    });
  return (
    <>
      <Done text={done} testId="revise-done" />
      <Toggle label={t('plans.revise')} testId="revise-form" offered onOpen={() => setDraft(contentOf(plan))}>
        {(close) => (
          <form
            className="plan-form"
            data-testid="revise-form"
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate(draft, {
                onSuccess: () => {
                  setDone(t('plans.draftSaved', { version: plan.version + 1 }));
                  close();
                },
              });
            }}>
            <p className="small muted">{t('plans.reviseIntro', { version: plan.version, next: plan.version + 1 })}</p>
            <div data-testid="revise-findings">
              {findings.length === 0 ? (
                <p className="small muted">{t('plans.reviseAddressesNone')}</p>
              ) : (
                <>
                  <p className="small">{t('plans.reviseAddresses', { count: findings.length })}</p>
                  <ul className="small">
                    {findings.map((f) => (
                      <li key={f.findingId}>{f.text}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
            <fieldset>
              <legend>{t('plans.activation')}</legend>
              <label className="field">
                {t('plans.description')}
                <textarea
                  data-testid="revise-description"
                  rows={2}
                  value={draft.activation.description}
                  onChange={(e) => edit((d) => void (d.activation.description = e.target.value))}
                />
              </label>
              {draft.activation.levels.map((level, index) => (
                <div
                  className="row counts"
                  key={`${level.level}-${index}`}
                  data-testid="revise-level"
                  data-level={level.level}>
                  <strong className="level-name">{label('responseLevel', level.level)}</strong>
                  <label className="field">
                    {t('plans.field.minGrade')}
                    <select
                      data-testid="revise-minGrade"
                      value={level.minGrade ?? ''}
                      onChange={(e) => setThreshold(index, 'minGrade', e.target.value)}>
                      <option value="">{t('plans.unset')}</option>
                      {(['general', 'major', 'serious', 'especially_serious'] as const).map((g) => (
                        <option key={g} value={g}>
                          {label('grade', g)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {THRESHOLD_FIELDS.filter((f) => f !== 'minGrade').map((field) => (
                    <label className="field" key={field}>
                      {t(`plans.field.${field}`)}
                      <input
                        type="number"
                        min={0}
                        data-testid={`revise-${field}`}
                        value={level[field] ?? ''}
                        onChange={(e) => setThreshold(index, field, e.target.value)}
                      />
                    </label>
                  ))}
                </div>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('plans.groups')}</legend>
              {draft.groups.map((group, g) => (
                <div key={`${group.name}-${g}`} data-testid="revise-group" data-group={group.name}>
                  <strong>
                    {group.name}（{group.leadAgency}）
                  </strong>
                  {group.tasks.map((task, i) => (
                    <div className="row" key={i}>
                      <label className="field field-title">
                        {t('plans.taskTitle')}
                        <input
                          data-testid="revise-task-title"
                          required
                          value={task.title}
                          onChange={(e) => edit((d) => void (d.groups[g]!.tasks[i]!.title = e.target.value))}
                        />
                      </label>
                      <label className="field">
                        {t('plans.field.withinMinutes')}
                        <input
                          type="number"
                          min={1}
                          data-testid="revise-task-minutes"
                          value={task.withinMinutes ?? ''}
                          onChange={(e) =>
                            edit((d) => {
                              const n = numberOrUnset(e.target.value);
                              const target = d.groups[g]!.tasks[i]!;
                              if (n === undefined) delete target.withinMinutes;
                              else target.withinMinutes = n;
                            })
                          }
                        />
                      </label>
                    </div>
                  ))}
                </div>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('plans.requirements')}</legend>
              <div className="row counts">
                {draft.requirements.teams.map((team, i) => (
                  <label className="field" key={`team-${team.specialty}`}>
                    {label('specialty', team.specialty)}
                    <input
                      type="number"
                      min={0}
                      data-testid="revise-team-count"
                      value={team.count}
                      onChange={(e) => edit((d) => void (d.requirements.teams[i]!.count = Number(e.target.value)))}
                    />
                  </label>
                ))}
                {draft.requirements.materials.map((m, i) => (
                  <label className="field" key={`material-${m.materialCode}`}>
                    {label('material', m.materialCode)}
                    <input
                      type="number"
                      min={0}
                      data-testid="revise-material-quantity"
                      value={m.quantity}
                      onChange={(e) =>
                        edit((d) => void (d.requirements.materials[i]!.quantity = Number(e.target.value)))
                      }
                    />
                  </label>
                ))}
                {draft.requirements.teams.length + draft.requirements.materials.length === 0 && (
                  <span className="muted small">{t('plans.none')}</span>
                )}
              </div>
            </fieldset>
            <ErrorMessage error={send.error} testId="revise-error" />
            <div className="actions">
              <button type="submit" data-testid="revise-submit" disabled={send.isPending}>
                {t('plans.saveDraft')}
              </button>
              <button
                type="button"
                className="linkish"
                onClick={() => {
                  setDraft(contentOf(plan));
                  close();
                }}>
                {t('plans.cancel')}
              </button>
            </div>
          </form>
        )}
      </Toggle>
    </>
  );
}

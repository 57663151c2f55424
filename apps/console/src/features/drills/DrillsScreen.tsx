import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import type { DrillForm, DrillScope, DrillView, ScenarioView } from '@app/drills/contract';
import type { PlanView } from '@app/plans/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import { commandPost, currentSession, get, getAll } from '../../api';
import { useI18n } from '../../i18n';
import { linkHandler, navigate } from '../../router';
import { jurisdictionsWithin } from '../../store';
import { formatTime } from '../../time';
import { ErrorMessage } from '../errors/ErrorMessage';
import { useLabels } from '../labels/labels';
import { DRILLS_KEY, injectSummary, kindText, dueText } from './drill-words';
import './drills.css';

export const PLANS_KEY = ['plans'] as const;
export const SCENARIOS_KEY = ['scenarios'] as const;
export const JURISDICTIONS_KEY = ['jurisdictions'] as const;

/** The plan a drill exercises, by title and the version pinned when it was planned (never its id). */
export function planText(
  t: ReturnType<typeof useI18n>['t'],
  drill: Pick<DrillView, 'planId' | 'planVersion'>,
  plans: readonly PlanView[] | undefined,
): string {
  if (!drill.planId) return t('drills.plan.none');
  const title = plans?.find((p) => p.id === drill.planId)?.title ?? '—';
  return t('drills.plan.version', { title, version: drill.planVersion ?? '—' });
}

/** 应急演练: the drills of the user's jurisdictions, newest first, and (for a drill coordinator) planning a new one. */
export function DrillsScreen() {
  const { t } = useI18n();
  const { label } = useLabels();
  const drills = useQuery({ queryKey: DRILLS_KEY, queryFn: () => getAll<DrillView>('/drills') });
  const plans = useQuery({ queryKey: PLANS_KEY, queryFn: () => getAll<PlanView>('/plans') });
  const mayRun = currentSession()?.user.roles.includes('drill_coordinator') ?? false;

  return (
    <section className="screen drills-page" data-testid="drills-screen">
      <div className="screen-head">
        <h1>{t('drills.title')}</h1>
      </div>
      <div className="detail-grid">
        <section className="panel wide" aria-labelledby="drills-list-title">
          <h2 id="drills-list-title">{t('drills.list')}</h2>
          {drills.isPending && <p className="muted">{t('drills.loading')}</p>}
          {drills.error && <ErrorMessage error={drills.error} testId="drills-error" />}
          {drills.data?.length === 0 && (
            <p className="muted" data-testid="drills-empty">
              {t('drills.empty')}
            </p>
          )}
          {drills.data && drills.data.length > 0 && (
            <table className="drills-table" data-testid="drills-table">
              <thead>
                <tr>
                  <th>{t('drills.col.title')}</th>
                  <th>{t('drills.col.status')}</th>
                  <th>{t('drills.col.form')}</th>
                  <th>{t('drills.col.scope')}</th>
                  <th>{t('drills.col.plan')}</th>
                  <th>{t('drills.col.times')}</th>
                </tr>
              </thead>
              <tbody>
                {drills.data.map((d) => (
                  <tr key={d.id} data-testid="drill-row" data-drill-id={d.id} data-status={d.status}>
                    <td>
                      <a href={`/drills/${d.id}`} onClick={linkHandler(`/drills/${d.id}`)}>
                        {d.title}
                      </a>
                    </td>
                    <td data-testid="drill-status">{label('drillStatus', d.status, d.statusLabel)}</td>
                    <td>{t(`drills.form.${d.form}`)}</td>
                    <td>{t(`drills.scope.${d.scope}`)}</td>
                    <td data-testid="drill-plan">{planText(t, d, plans.data)}</td>
                    <td className="small" data-testid="drill-times">
                      {d.endedAt
                        ? t('drills.endedAt', { at: formatTime(d.endedAt) })
                        : d.startedAt
                          ? t('drills.startedAt', { at: formatTime(d.startedAt) })
                          : t('drills.plannedAt', { at: formatTime(d.plannedAt) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {mayRun && <PlanDrillForm plans={plans.data ?? []} />}
      </div>
    </section>
  );
}

/** The form of a new drill: a plan version in force chosen by title, a scenario from the library chosen by name. */
function PlanDrillForm({ plans }: { plans: PlanView[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const scenarios = useQuery({ queryKey: SCENARIOS_KEY, queryFn: () => getAll<ScenarioView>('/scenarios') });
  const tree = useQuery({ queryKey: JURISDICTIONS_KEY, queryFn: () => get<JurisdictionNode[]>('/jurisdictions') });
  // The server refuses a drill outside the coordinator's own area, so only that subtree is offered.
  const home = currentSession()?.user.jurisdiction ?? '';
  const places = useMemo(() => jurisdictionsWithin(tree.data ?? [], home), [tree.data, home]);
  const inForce = plans.filter((p) => p.inForceVersion !== null);
  const [title, setTitle] = useState('');
  const [form, setForm] = useState<DrillForm>('tabletop');
  const [scope, setScope] = useState<DrillScope>('comprehensive');
  const [jurisdiction, setJurisdiction] = useState('');
  const [planId, setPlanId] = useState('');
  const [scenarioId, setScenarioId] = useState('');
  const [participants, setParticipants] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState(false);
  const where = jurisdiction || home || places[0]?.code || '';
  const scenario = scenarios.data?.find((s) => s.id === scenarioId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setInvalid(true);
    setInvalid(false);
    setBusy(true);
    setError(null);
    try {
      // One participant a line: a name may carry its unit and post with commas, e.g. 王五（市应急局，总指挥）.
      const names = participants
        .split(/\r?\n/)
        .map((n) => n.trim())
        .filter(Boolean);
      const outcome = await commandPost<DrillView>('/drills', {
        title: title.trim(),
        form,
        scope,
        jurisdiction: where,
        participants: names,
        ...(planId ? { planId } : {}),
        ...(scenarioId ? { scenarioId } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: DRILLS_KEY });
      // A 202 names the drill too: its page waits for the register to show it.
      const id = outcome.kind === 'done' ? outcome.body.id : outcome.accepted.id;
      if (id) navigate(`/drills/${id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="drill-create-title">
      <h2 id="drill-create-title">{t('drills.create')}</h2>
      <form className="drill-form" data-testid="drill-create" onSubmit={(e) => void submit(e)}>
        <label className={`field${invalid ? ' invalid' : ''}`}>
          <span>{t('drills.create.title')}</span>
          <input data-testid="drill-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        </label>
        {invalid && <p className="field-error">{t('drills.create.titleRequired')}</p>}
        <label className="field">
          <span>{t('drills.create.form')}</span>
          <select data-testid="drill-form" value={form} onChange={(e) => setForm(e.target.value as DrillForm)}>
            <option value="tabletop">{t('drills.form.tabletop')}</option>
            <option value="live">{t('drills.form.live')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('drills.create.scope')}</span>
          <select data-testid="drill-scope" value={scope} onChange={(e) => setScope(e.target.value as DrillScope)}>
            <option value="comprehensive">{t('drills.scope.comprehensive')}</option>
            <option value="single">{t('drills.scope.single')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('drills.create.jurisdiction')}</span>
          <select data-testid="drill-jurisdiction" value={where} onChange={(e) => setJurisdiction(e.target.value)}>
            {places.map((p) => (
              <option key={p.code} value={p.code}>
                {'\u3000'.repeat(p.depth)}
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('drills.create.plan')}</span>
          <select data-testid="drill-plan-choice" value={planId} onChange={(e) => setPlanId(e.target.value)}>
            <option value="">{t('drills.plan.none')}</option>
            {inForce.map((p) => (
              <option key={p.id} value={p.id}>
                {t('drills.create.planInForce', { title: p.title, version: p.inForceVersion ?? '—' })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('drills.create.scenario')}</span>
          <select data-testid="drill-scenario" value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
            <option value="">{t('drills.create.noScenario')}</option>
            {(scenarios.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {scenario && (
          <div className="scenario-preview" data-testid="scenario-preview">
            <p className="muted small">
              {t('drills.create.scenarioPreview')}
              {scenario.description ? ` · ${scenario.description}` : ''}
            </p>
            <ol>
              {[...scenario.injects]
                .sort((a, b) => a.atSecond - b.atSecond)
                .map((inject, i) => (
                  <li key={i} data-testid="scenario-inject">
                    {dueText(t, { startedAt: null }, inject, formatTime)} · {kindText(t, inject.kind)} ·{' '}
                    {injectSummary(t, inject.kind, inject.payload)}
                  </li>
                ))}
            </ol>
          </div>
        )}
        <label className="field">
          <span>{t('drills.create.participants')}</span>
          <textarea
            data-testid="drill-participants"
            rows={3}
            value={participants}
            onChange={(e) => setParticipants(e.target.value)}
          />
        </label>
        {error !== null && <ErrorMessage error={error} testId="drill-create-error" />}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy} data-testid="drill-create-submit">
            {t('drills.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

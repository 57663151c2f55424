import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { DrillView, ExecutedInjectView, InjectKind, ScriptedInject } from '@app/drills/contract';
import type { IncidentView } from '@app/incidents/contract';
import type { PlanView } from '@app/plans/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import type { TeamView } from '@app/teams/contract';
import { commandPost, currentSession, get, getAll } from '../../api';
import { CATEGORIES, useI18n, type MessageKey } from '../../i18n';
import { linkHandler } from '../../router';
import { jurisdictionsWithin } from '../../store';
import { formatTime, localInputToShanghaiIso, nowShanghaiInput } from '../../time';
import { ErrorMessage } from '../errors/ErrorMessage';
import { jurisdictionName, useLabels } from '../labels/labels';
import { DRILLS_KEY, drillIncidentsKey, drillKey, dueText, injectSummary, kindText } from './drill-words';
import { JURISDICTIONS_KEY, PLANS_KEY, planText } from './DrillsScreen';
import './drills.css';

/**
 * How often a running drill is read again. Drill deltas reach only a console following that drill's room, and the
 * console follows one room at a time (the incident it has open), so the drill page reads the register instead.
 */
export const DRILL_REFRESH_MS = 3000;

type Feedback = { kind: 'ok' | 'error'; text?: string; error?: unknown } | null;

/** One drill: its facts, start and end, the inject console, its incidents and the teams taken into it. */
export function DrillScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const { label } = useLabels();
  const queryClient = useQueryClient();
  const drill = useQuery({
    queryKey: drillKey(id),
    queryFn: () => get<DrillView>(`/drills/${id}`),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? DRILL_REFRESH_MS : false),
  });
  const running = drill.data?.status === 'running';
  const incidents = useQuery({
    queryKey: drillIncidentsKey(id),
    queryFn: () => get<IncidentView[]>(`/incidents?drillId=${id}&limit=100`),
    enabled: drill.data !== undefined && drill.data.status !== 'planned',
    refetchInterval: running ? DRILL_REFRESH_MS : false,
  });
  const plans = useQuery({ queryKey: PLANS_KEY, queryFn: () => getAll<PlanView>('/plans') });
  const tree = useQuery({ queryKey: JURISDICTIONS_KEY, queryFn: () => get<JurisdictionNode[]>('/jurisdictions') });
  const [feedback, setFeedback] = useState<Feedback>(null);
  const mayRun = currentSession()?.user.roles.includes('drill_coordinator') ?? false;

  /** Runs one command of the page, says how it went and reads the drill (and its incidents) again. */
  const act = async (done: string, fn: () => Promise<unknown>): Promise<boolean> => {
    try {
      await fn();
      setFeedback({ kind: 'ok', text: done });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: drillKey(id) }),
        queryClient.invalidateQueries({ queryKey: DRILLS_KEY, exact: true }),
        queryClient.invalidateQueries({ queryKey: ['board'] }),
      ]);
      return true;
    } catch (error) {
      setFeedback({ kind: 'error', error });
      return false;
    }
  };

  if (drill.isPending)
    return (
      <section className="screen" data-testid="drill-screen" data-id={id} aria-busy="true">
        <p className="muted">{t('drills.loading')}</p>
      </section>
    );
  if (drill.error || !drill.data)
    return (
      <section className="screen" data-testid="drill-screen" data-id={id}>
        <ErrorMessage error={drill.error} testId="drill-error" />
        <a href="/drills" onClick={linkHandler('/drills')}>
          ← {t('drills.back')}
        </a>
      </section>
    );
  const d = drill.data;
  return (
    <section className="screen drill-page" data-testid="drill-screen" data-id={id} data-status={d.status}>
      <header className="detail-head">
        <a href="/drills" className="back" onClick={linkHandler('/drills')}>
          ← {t('drills.back')}
        </a>
        <h1 data-testid="drill-title">{d.title}</h1>
        <div className="badges">
          <span className="badge" data-testid="drill-status">
            {label('drillStatus', d.status, d.statusLabel)}
          </span>
          <span className="muted">
            {t(`drills.form.${d.form}`)} · {t(`drills.scope.${d.scope}`)}
          </span>
          <a
            href={`/drills/${id}/evaluation`}
            data-testid="open-evaluation"
            onClick={linkHandler(`/drills/${id}/evaluation`)}>
            {t('drills.openEvaluation')}
          </a>
          <a href={`/replay/drill/${id}`} data-testid="open-drill-replay" onClick={linkHandler(`/replay/drill/${id}`)}>
            {t('drills.openReplay')}
          </a>
        </div>
      </header>
      {feedback && (
        <div
          className={`feedback ${feedback.kind}`}
          data-testid="drill-feedback"
          data-kind={feedback.kind}
          role={feedback.kind === 'error' ? 'alert' : 'status'}>
          {feedback.text}
          {feedback.error !== undefined && <ErrorMessage error={feedback.error} testId="drill-action-error" />}
        </div>
      )}
      <div className="detail-grid">
        <section className="panel" aria-labelledby="drill-facts-title">
          <h2 id="drill-facts-title">{t('drills.title')}</h2>
          <dl className="drill-facts">
            <dt>{t('drills.jurisdiction')}</dt>
            <dd>{jurisdictionName(tree.data ?? [], d.jurisdiction)}</dd>
            <dt>{t('drills.col.plan')}</dt>
            <dd data-testid="drill-plan">{planText(t, d, plans.data)}</dd>
            <dt>{t('drills.participants')}</dt>
            <dd data-testid="drill-participants">
              {d.participants.length > 0 ? d.participants.join('、') : t('drills.participants.none')}
            </dd>
            <dt>{t('drills.col.times')}</dt>
            <dd data-testid="drill-times">
              {[
                t('drills.plannedAt', { at: formatTime(d.plannedAt) }),
                d.startedAt && t('drills.startedAt', { at: formatTime(d.startedAt) }),
                d.endedAt && t('drills.endedAt', { at: formatTime(d.endedAt) }),
              ]
                .filter(Boolean)
                .join('；')}
            </dd>
          </dl>
          {mayRun && d.status === 'planned' && (
            <Confirmed
              action={t('drills.start')}
              question={t('drills.start.confirm')}
              testId="drill-start"
              onConfirm={() => act(t('drills.started'), () => commandPost(`/drills/${id}/start`))}
            />
          )}
          {mayRun && d.status === 'running' && (
            <Confirmed
              action={t('drills.end')}
              question={t('drills.end.confirm')}
              testId="drill-end"
              onConfirm={() => act(t('drills.ended'), () => commandPost(`/drills/${id}/end`))}
            />
          )}
        </section>
        <FailedInjects drill={d} />
        <InjectTimeline drill={d} incidents={incidents.data ?? []} />
        {mayRun && running && (
          <ScriptlessInject drill={d} incidents={incidents.data ?? []} tree={tree.data ?? []} act={act} />
        )}
        <DrillIncidents drill={d} incidents={incidents.data} />
        <DrillTeams drill={d} mayRun={mayRun} act={act} />
      </div>
    </section>
  );
}

/** A button that asks before it acts (starting or ending a drill cannot be undone). */
function Confirmed({
  action,
  question,
  testId,
  onConfirm,
}: {
  action: string;
  question: string;
  testId: string;
  onConfirm: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking)
    return (
      <div className="actions">
        <button type="button" className="primary" data-testid={testId} onClick={() => setAsking(true)}>
          {action}
        </button>
      </div>
    );
  return (
    <div className="drill-confirm" role="group" data-testid={`${testId}-confirm`}>
      <span>{question}</span>
      <button
        type="button"
        className="primary"
        disabled={busy}
        data-testid={`${testId}-yes`}
        onClick={() => {
          setBusy(true);
          void onConfirm().finally(() => {
            setBusy(false);
            setAsking(false);
          });
        }}>
        {t('drills.confirm')}
      </button>
      <button type="button" data-testid={`${testId}-no`} onClick={() => setAsking(false)}>
        {t('drills.cancel')}
      </button>
    </div>
  );
}

/** Scripted injects that failed: retried a few times, then given up so the rest of the script runs on time. */
function FailedInjects({ drill }: { drill: DrillView }) {
  const { t } = useI18n();
  if (drill.failedInjects.length === 0) return null;
  return (
    <section className="panel wide" aria-labelledby="drill-failed-title" data-testid="drill-failed-injects">
      <h2 id="drill-failed-title">{t('drills.failed.title')}</h2>
      <ul className="list">
        {drill.failedInjects.map((f) => {
          const inject = drill.scenario?.injects[f.index];
          const vars = {
            n: f.index + 1,
            kind: inject ? kindText(t, inject.kind) : '—',
            attempts: f.attempts,
            reason: f.reason,
          };
          return (
            <li
              key={f.index}
              className="feedback error"
              data-testid="drill-failed-inject"
              data-skipped={String(f.skipped)}>
              {t(f.skipped ? 'drills.failed.skipped' : 'drills.failed.retrying', vars)}（
              {formatTime(f.lastFailedAt, true)}）
            </li>
          );
        })}
      </ul>
    </section>
  );
}

type TimelineEntry =
  | { kind: 'scripted'; at: number; order: number; inject: ScriptedInject; index: number }
  | { kind: 'scriptless'; at: number; order: number; ran: ExecutedInjectView; n: number };

/**
 * Every inject in one time order: an executed inject (scripted or not) at the time it ran, a scripted one that has not
 * run at the time it falls due. Before the start no inject has run, so the script's offsets order it alone.
 */
export function timelineOrder(drill: Pick<DrillView, 'startedAt' | 'injects' | 'scenario'>): TimelineEntry[] {
  const start = drill.startedAt ? Date.parse(drill.startedAt) : 0;
  const scripted: TimelineEntry[] = (drill.scenario?.injects ?? []).map((inject, index) => {
    const ran = drill.injects.find((i) => i.index === index);
    const at = ran ? Date.parse(ran.executedAt) : start + inject.atSecond * 1000;
    return { kind: 'scripted', at, order: index, inject, index };
  });
  const scriptless: TimelineEntry[] = drill.injects
    .filter((i) => i.index === null)
    .map((ran, n) => ({ kind: 'scriptless', at: Date.parse(ran.executedAt), order: 100000 + n, ran, n }));
  return [...scripted, ...scriptless].sort((a, b) => a.at - b.at || a.order - b.order);
}

/** The script and the scriptless injects given during the drill, in time order, each scripted inject's state. */
function InjectTimeline({ drill, incidents }: { drill: DrillView; incidents: IncidentView[] }) {
  const { t } = useI18n();
  const entries = timelineOrder(drill);
  const skipped = new Set(drill.failedInjects.filter((f) => f.skipped).map((f) => f.index));
  const incidentLink = (incidentId: string | null) =>
    incidentId ? (
      <a
        href={`/incidents/${incidentId}`}
        data-testid="inject-incident"
        onClick={linkHandler(`/incidents/${incidentId}`)}>
        {incidents.find((i) => i.id === incidentId)?.title ?? t('drills.timeline.incident')}
      </a>
    ) : null;
  return (
    <section className="panel wide" aria-labelledby="drill-timeline-title">
      <h2 id="drill-timeline-title">{t('drills.timeline')}</h2>
      {entries.length === 0 && <p className="muted">{t('drills.timeline.empty')}</p>}
      <ol className="drill-timeline" data-testid="drill-timeline">
        {entries.map((entry) => {
          if (entry.kind === 'scriptless') {
            const ran = entry.ran;
            return (
              <li key={`m${entry.n}`} data-testid="timeline-inject" data-index="" data-state="executed">
                <strong>{formatTime(ran.executedAt, true)}</strong> · {t('drills.timeline.scriptless')} ·{' '}
                {kindText(t, ran.kind)} · {injectSummary(t, ran.kind, ran.payload, incidents)}{' '}
                {incidentLink(ran.incidentId)}
              </li>
            );
          }
          const { inject, index } = entry;
          const ran = drill.injects.find((i) => i.index === index);
          const state = ran ? 'executed' : skipped.has(index) ? 'skipped' : 'pending';
          return (
            <li key={`s${index}`} data-testid="timeline-inject" data-index={index} data-state={state}>
              <strong>{dueText(t, drill, inject, (iso) => formatTime(iso, true))}</strong> · {kindText(t, inject.kind)}{' '}
              · {injectSummary(t, inject.kind, inject.payload, incidents)} ·{' '}
              <span className="state">
                {ran
                  ? t('drills.timeline.executed', { at: formatTime(ran.executedAt, true) })
                  : t(state === 'skipped' ? 'drills.timeline.skipped' : 'drills.timeline.pending')}
              </span>{' '}
              {incidentLink(ran?.incidentId ?? null)}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const KINDS: InjectKind[] = ['report_incident', 'update_situation', 'message'];
const COUNTS = ['deaths', 'seriousInjuries', 'minorInjuries', 'missing', 'trapped'] as const;
const COUNT_LABELS: Record<(typeof COUNTS)[number], MessageKey> = {
  deaths: 'drills.inject.deaths',
  seriousInjuries: 'drills.inject.serious',
  minorInjuries: 'drills.inject.minor',
  missing: 'drills.inject.missing',
  trapped: 'drills.inject.trapped',
};

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** 无脚本注入: a report like intake's, a follow-up on one of the drill's incidents, or a message, run now. */
function ScriptlessInject({
  drill,
  incidents,
  tree,
  act,
}: {
  drill: DrillView;
  incidents: IncidentView[];
  tree: JurisdictionNode[];
  act: (done: string, fn: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { t, lang } = useI18n();
  // The server refuses an inject outside the coordinator's own area, so only that subtree is offered.
  const home = currentSession()?.user.jurisdiction ?? '';
  const places = useMemo(() => jurisdictionsWithin(tree, home), [tree, home]);
  const [kind, setKind] = useState<InjectKind>('report_incident');
  const [fields, setFields] = useState<Record<string, string>>(() => ({
    title: '',
    category: CATEGORIES[0]?.code ?? '',
    jurisdiction: drill.jurisdiction,
    address: '',
    lat: '',
    lng: '',
    occurredAt: nowShanghaiInput(),
    enterprise: '',
    reporter: currentSession()?.user.displayName ?? '',
    phone: '',
    organization: '',
    description: '',
    incidentId: '',
    text: '',
    deaths: '0',
    seriousInjuries: '0',
    minorInjuries: '0',
    missing: '0',
    trapped: '0',
  }));
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (key: string) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));
  const input = (key: string, type = 'text') => (
    <input data-testid={`inject-${key}`} type={type} value={fields[key]} onChange={set(key)} />
  );
  const counts = () =>
    Object.fromEntries(COUNTS.map((c) => [c, Number(fields[c] || '0')])) as Record<(typeof COUNTS)[number], number>;

  const payload = (): Record<string, unknown> | null => {
    const f = fields;
    const filled = (...keys: string[]) => keys.every((k) => (f[k] ?? '').trim() !== '');
    const countsOk = COUNTS.every((c) => /^\d+$/.test(f[c] ?? ''));
    if (kind === 'message') return filled('text') ? { text: f.text!.trim() } : null;
    if (kind === 'update_situation') {
      if (!filled('incidentId') || !countsOk) return null;
      return {
        incidentId: f.incidentId,
        casualties: counts(),
        ...(filled('description') ? { description: f.description!.trim() } : {}),
      };
    }
    const occurredAt = localInputToShanghaiIso(f.occurredAt ?? '');
    const lat = Number(f.lat);
    const lng = Number(f.lng);
    if (
      !filled('title', 'address', 'lat', 'lng', 'reporter', 'phone', 'organization', 'description') ||
      !occurredAt ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lng) ||
      !countsOk
    )
      return null;
    return {
      title: f.title!.trim(),
      category: f.category,
      jurisdiction: f.jurisdiction,
      occurredAt,
      location: { address: f.address!.trim(), lat, lng },
      ...(filled('enterprise') ? { enterprise: f.enterprise!.trim() } : {}),
      reporter: { name: f.reporter!.trim(), phone: f.phone!.trim(), organization: f.organization!.trim() },
      casualties: counts(),
      description: f.description!.trim(),
    };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = payload();
    if (!body) return setInvalid(true);
    setInvalid(false);
    setBusy(true);
    const ok = await act(t('drills.inject.done'), () =>
      commandPost(`/drills/${drill.id}/injects`, { kind, payload: body }),
    );
    setBusy(false);
    if (ok) setFields((f) => ({ ...f, title: '', description: '', text: '' }));
  };

  return (
    <section className="panel" aria-labelledby="drill-inject-title">
      <h2 id="drill-inject-title">{t('drills.inject')}</h2>
      <form className="drill-form" data-testid="drill-inject" onSubmit={(e) => void submit(e)}>
        <Field label={t('drills.inject.kind')}>
          <select data-testid="inject-kind" value={kind} onChange={(e) => setKind(e.target.value as InjectKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {kindText(t, k)}
              </option>
            ))}
          </select>
        </Field>
        {kind === 'report_incident' && (
          <>
            <Field label={t('drills.inject.title')}>{input('title')}</Field>
            <div className="row">
              <Field label={t('drills.inject.category')}>
                <select data-testid="inject-category" value={fields.category} onChange={set('category')}>
                  {CATEGORIES.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c[lang]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('drills.inject.jurisdiction')}>
                <select data-testid="inject-jurisdiction" value={fields.jurisdiction} onChange={set('jurisdiction')}>
                  {places.map((p) => (
                    <option key={p.code} value={p.code}>
                      {'\u3000'.repeat(p.depth)}
                      {p.name}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <Field label={t('drills.inject.address')}>{input('address')}</Field>
            <div className="row">
              <Field label={t('drills.inject.lat')}>{input('lat')}</Field>
              <Field label={t('drills.inject.lng')}>{input('lng')}</Field>
              <Field label={t('drills.inject.occurredAt')}>{input('occurredAt', 'datetime-local')}</Field>
            </div>
            <Field label={t('drills.inject.enterprise')}>{input('enterprise')}</Field>
            <div className="row">
              <Field label={t('drills.inject.reporter')}>{input('reporter')}</Field>
              <Field label={t('drills.inject.phone')}>{input('phone')}</Field>
              <Field label={t('drills.inject.organization')}>{input('organization')}</Field>
            </div>
          </>
        )}
        {kind === 'update_situation' && (
          <Field label={t('drills.inject.incident')}>
            <select data-testid="inject-incidentId" value={fields.incidentId} onChange={set('incidentId')}>
              <option value="">
                {incidents.length === 0 ? t('drills.inject.noIncident') : t('drills.actions.choose')}
              </option>
              {incidents.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          </Field>
        )}
        {kind !== 'message' && (
          <>
            <div className="row">
              {COUNTS.map((c) => (
                <Field key={c} label={t(COUNT_LABELS[c])}>
                  {input(c, 'number')}
                </Field>
              ))}
            </div>
            <Field label={t('drills.inject.description')}>
              <textarea
                data-testid="inject-description"
                rows={2}
                value={fields.description}
                onChange={set('description')}
              />
            </Field>
          </>
        )}
        {kind === 'message' && (
          <Field label={t('drills.inject.text')}>
            <textarea data-testid="inject-text" rows={2} value={fields.text} onChange={set('text')} />
          </Field>
        )}
        {invalid && (
          <p className="field-error" data-testid="inject-invalid">
            {t('drills.inject.invalid')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy} data-testid="inject-submit">
            {t('drills.inject.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The drill board: where the drill's incidents live (they never show on the real board), each opened in the workspace. */
function DrillIncidents({ drill, incidents }: { drill: DrillView; incidents: IncidentView[] | undefined }) {
  const { t } = useI18n();
  const { label } = useLabels();
  return (
    <section className="panel wide" aria-labelledby="drill-incidents-title">
      <h2 id="drill-incidents-title">{t('drills.incidents')}</h2>
      {(incidents ?? []).length === 0 && <p className="muted">{t('drills.incidents.empty')}</p>}
      <ul className="list" data-testid="drill-incidents" data-drill-id={drill.id}>
        {(incidents ?? []).map((i) => (
          <li key={i.id} data-testid="drill-incident" data-incident-id={i.id} data-status={i.status}>
            <a href={`/incidents/${i.id}`} onClick={linkHandler(`/incidents/${i.id}`)}>
              {i.title}
            </a>{' '}
            <span className="muted small">
              {label('grade', i.grade, i.gradeLabel)} · {label('incidentStatus', i.status)} · {i.jurisdictionName} ·{' '}
              {formatTime(i.receivedAt)}
            </span>{' '}
            <a href={`/incidents/${i.id}`} className="linkish" onClick={linkHandler(`/incidents/${i.id}`)}>
              {t('drills.incidents.open')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Real teams in a live drill: who, since when, and whether they are still in it; take and recall while it runs. */
function DrillTeams({
  drill,
  mayRun,
  act,
}: {
  drill: DrillView;
  mayRun: boolean;
  act: (done: string, fn: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const live = drill.form === 'live';
  const canTake = mayRun && live && drill.status === 'running';
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => getAll<TeamView>('/teams'), enabled: canTake });
  const [teamId, setTeamId] = useState('');
  const available = (teams.data ?? []).filter((team) => team.status === 'available');
  return (
    <section className="panel" aria-labelledby="drill-teams-title">
      <h2 id="drill-teams-title">{t('drills.teams')}</h2>
      {!live && <p className="muted small">{t('drills.teams.tabletopNote')}</p>}
      {live && drill.teams.length === 0 && <p className="muted">{t('drills.teams.empty')}</p>}
      <ul className="list" data-testid="drill-teams">
        {drill.teams.map((team) => (
          <li key={team.teamId} data-testid="drill-team" data-team-id={team.teamId} data-status={team.status}>
            <strong>{team.name}</strong>{' '}
            <span className="muted small">
              {t(`drills.teams.status.${team.status}`)} · {t('drills.teams.since', { at: formatTime(team.since) })}
              {team.until ? ` · ${t('drills.teams.until', { at: formatTime(team.until) })}` : ''}
            </span>{' '}
            {mayRun && drill.status === 'running' && team.status === 'in_drill' && (
              <button
                type="button"
                data-testid="drill-team-recall"
                onClick={() =>
                  void act(t('drills.teams.recalled'), () =>
                    commandPost(`/drills/${drill.id}/teams/${team.teamId}/recall`),
                  )
                }>
                {t('drills.teams.recall')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canTake && (
        <form
          className="drill-form"
          data-testid="drill-team-take"
          onSubmit={(e) => {
            e.preventDefault();
            if (teamId)
              void act(t('drills.teams.taken'), () => commandPost(`/drills/${drill.id}/teams`, { teamId })).then(
                (ok) => ok && setTeamId(''),
              );
          }}>
          <Field label={t('drills.teams.choose')}>
            <select data-testid="drill-team-choice" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">{t('drills.actions.choose')}</option>
              {available.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </Field>
          <div className="actions">
            <button type="submit" disabled={!teamId} data-testid="drill-team-take-submit">
              {t('drills.teams.take')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

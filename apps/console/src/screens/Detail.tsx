import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorText, get, post } from '../api';
import { DeadlineCountdown, DrillMarker, GradeBadge, LevelBadge, StatusBadge, levelName, useNow } from '../components';
import { categoryLabel, useI18n, type MessageKey } from '../i18n';
import { linkHandler } from '../router';
import { can, useStore } from '../store';
import { formatTime } from '../time';
import type { Recommendations } from '@app/dispatch/contract';
import type { Casualties, IncidentView, StoredEventView } from '@app/incidents/contract';
import type { PlanSuggestionsView, PlanView } from '@app/plans/contract';
import type { Session } from '../ui-types';

const COUNTS = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries', 'trapped'] as const;
const CHANNELS = [{ key: 'ch.phone', zh: '电话' }, { key: 'ch.fax', zh: '传真' }, { key: 'ch.system', zh: '信息系统' }, { key: 'ch.document', zh: '书面' }] as const;
const REPORT_LEVELS = ['county', 'city', 'province', 'national'] as const;
const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const;

type Feedback = { kind: 'ok' | 'error'; text: string } | null;


export function DetailScreen({ id, session }: { id: string; session: Session }) {
  const { t, lang } = useI18n();
  const { state, dispatch, focusIncident, refetchIncident } = useStore();
  const now = useNow();
  const incident = state.incidents[id];
  const timeline = state.timelines[id];
  const [notFound, setNotFound] = useState(false);
  const [events, setEvents] = useState<StoredEventView[]>([]);
  const [recs, setRecs] = useState<Recommendations | null>(null);
  const [plans, setPlans] = useState<PlanView[]>([]);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const suggestions = state.suggestions[id];
  const mayReport = can(session, 'report');
  const mayCommand = can(session, 'command');

  // Follow this incident's room while the screen is open, and load it.
  useEffect(() => {
    focusIncident(id);
    refetchIncident(id).catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 404) setNotFound(true);
    });
    get<PlanSuggestionsView>(`/incidents/${id}/plan-suggestions`).then((s) => dispatch({ type: 'suggestions', suggestions: { ...s, incidentId: id } }), () => undefined);
    get<PlanView[]>('/plans').then(setPlans, () => undefined);
    return () => focusIncident(null);
  }, [id, focusIncident, refetchIncident, dispatch]);

  // Events (casualty history, reports) and recommendations follow the incident's revision.
  const revision = incident?.revision;
  const loadDerived = useCallback(() => {
    get<StoredEventView[]>(`/incidents/${id}/events`).then(setEvents, () => undefined);
    get<Recommendations>(`/incidents/${id}/recommendations`).then(setRecs, () => undefined);
  }, [id]);
  useEffect(() => {
    if (revision !== undefined) loadDerived();
  }, [revision, loadDerived]);

  const act = useCallback(async (label: string, fn: () => Promise<unknown>, after?: () => void) => {
    setBusy(label);
    setFeedback(null);
    try {
      await fn();
      setFeedback({ kind: 'ok', text: `${label}：${t('ok')}` });
      after?.();
      await refetchIncident(id).catch(() => undefined);
      loadDerived();
    } catch (err) {
      setFeedback({ kind: 'error', text: `${label}：${errorText(err, t('error.generic'))}` });
    } finally {
      setBusy(null);
    }
  }, [id, refetchIncident, loadDerived, t]);

  if (notFound) return <div className="notice" data-testid="incident-not-found">{t('detail.notFound')} <a href="/board" onClick={linkHandler('/board')}>{t('detail.back')}</a></div>;
  if (!incident) return <p className="muted">{t('detail.loading')}</p>;
  const open = incident.status === 'open';

  return (
    <article className="detail" data-testid="incident-detail" data-incident-id={incident.id} data-status={incident.status} data-grade={incident.grade} data-response-level={incident.responseLevel ?? ''}>
      <header className="detail-head">
        <a href="/board" className="back" onClick={linkHandler('/board')}>← {t('detail.back')}</a>
        <h1 data-testid="incident-title">{incident.drillId && <DrillMarker />} {incident.title}</h1>
        <a href={`/replay/${incident.id}`} className="linkish" data-testid="open-replay" onClick={linkHandler(`/replay/${incident.id}`)}>{t('replay.open')}</a>
        <div className="badges">
          <GradeBadge grade={incident.grade} />
          <LevelBadge level={incident.responseLevel} />
          <StatusBadge status={incident.status} />
          <span className="muted">{categoryLabel(incident.category, lang, incident.categoryLabel)} · {incident.jurisdictionName}</span>
        </div>
        {feedback && <div className={`feedback ${feedback.kind}`} data-testid="action-feedback" role={feedback.kind === 'error' ? 'alert' : 'status'}>{feedback.text}</div>}
      </header>

      <div className="detail-grid">
        <Panel title={t('detail.basic')}>
          <dl className="facts">
            <dt>{t('detail.occurredAt')}</dt><dd>{formatTime(incident.occurredAt, true)}</dd>
            <dt>{t('detail.reportedAt')}</dt><dd>{formatTime(incident.reportedAt, true)}</dd>
            <dt>{t('detail.location')}</dt><dd>{incident.location.address}（{incident.location.lat}, {incident.location.lng}）</dd>
            {incident.enterprise && <><dt>{t('detail.enterprise')}</dt><dd>{incident.enterprise}</dd></>}
            <dt>{t('detail.reporter')}</dt><dd>{incident.reporter.name}（{incident.reporter.organization}，{incident.reporter.phone}）</dd>
            <dt>{t('detail.casualties')}</dt><dd data-testid="casualties">{casualtyText(incident.casualties, t)}</dd>
            <dt>{t('detail.loss')}</dt><dd>{incident.directLossYuan == null ? '—' : `${incident.directLossYuan.toLocaleString('zh-CN')} 元`}</dd>
            <dt>{t('detail.description')}</dt><dd className="pre">{incident.description}</dd>
            {incident.measures && <><dt>{t('detail.measures')}</dt><dd className="pre">{incident.measures}</dd></>}
            {incident.summary && <><dt>{t('detail.summary')}</dt><dd className="pre">{incident.summary}</dd></>}
          </dl>
        </Panel>

        <Panel title={t('detail.reports')}>
          <ul className="list deadlines">
            {incident.deadlines.map((d) => (
              <li key={d.id} data-testid="deadline" data-status={d.status}>
                <span>{levelName(t, d.level)}</span>{' '}
                {d.reportedAt ? <span className={d.status === 'late' ? 'warn-text' : 'ok-text'}>✓ {label(t, `deadline.${d.status}`, d.status)} {formatTime(d.reportedAt, true)} {d.reportedBy ?? ''}</span>
                  : open ? <DeadlineCountdown deadline={d} now={now} /> : <span className="muted">{label(t, `deadline.${d.status}`, d.status)}</span>}
                <span className="muted small"> · {formatTime(d.dueAt)}</span>
              </li>
            ))}
          </ul>
          <ul className="list">
            {events.filter((e) => e.type === 'ReportPassedUp').map((e) => (
              <li key={e.id} data-testid="report-record">
                {formatTime((e.data.reportedAt as string | undefined) ?? e.recordedAt, true)} → {levelName(t, String(e.data.toLevel))}（{String(e.data.channel)}）{(e.data.reportedBy as string | undefined) ?? ''}
              </li>
            ))}
            {!events.some((e) => e.type === 'ReportPassedUp') && <li className="muted">{t('detail.noReports')}</li>}
          </ul>
          {mayReport && open && <ReportUpForm busy={busy !== null} onSubmit={(toLevel, channel) => void act(t('detail.reportUp'), () => post(`/incidents/${id}/reports`, { toLevel, channel }))} />}
        </Panel>

        <Panel title={t('detail.timeline')}>
          <ol className="timeline">
            {(timeline ?? []).map((e) => (
              <li key={`${e.revision}:${e.position}:${e.type}`} data-testid="timeline-entry" data-type={e.type}>
                <time dateTime={e.at}>{formatTime(e.at, true)}</time> <span>{e.summary}</span> <span className="muted small">{e.actor}</span>
              </li>
            ))}
          </ol>
        </Panel>

        <Panel title={t('detail.casualtyHistory')}>
          <table className="grid compact" data-testid="casualty-history">
            <thead>
              <tr><th scope="col">{t('time')}</th>{COUNTS.map((c) => <th scope="col" key={c}>{t(`f.${c}` as MessageKey)}</th>)}<th scope="col">{t('f.directLossYuan')}</th></tr>
            </thead>
            <tbody>
              {events.filter((e) => (e.type === 'IncidentReported' || e.type === 'SituationUpdated') && e.data.casualties).map((e) => {
                const c = e.data.casualties as Casualties;
                return (
                  <tr key={e.id} data-testid="casualty-row">
                    <td>{formatTime((e.metadata.occurredAt as string | undefined) ?? e.recordedAt, true)} {e.type === 'IncidentReported' ? '初报' : '续报'}</td>
                    {COUNTS.map((k) => <td key={k}>{c[k]}</td>)}
                    <td>{e.data.directLossYuan == null ? '—' : Number(e.data.directLossYuan).toLocaleString('zh-CN')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Panel>

        <Panel title={t('detail.tasks')}>
          {incident.tasks.length === 0 ? <p className="muted">{t('detail.noTasks')}</p> : (
            <ul className="list tasks">
              {incident.tasks.map((task) => (
                <TaskItem key={task.taskId} task={task} canComplete={mayReport && open} busy={busy !== null}
                  onComplete={(note) => void act(`${t('btn.complete')}「${task.title}」`, () => post(`/incidents/${id}/tasks/${task.taskId}/complete`, note ? { note } : {}))} />
              ))}
            </ul>
          )}
        </Panel>

        <Panel title={t('detail.assigned')}>
          {incident.assignedTeams.length === 0 ? <p className="muted">{t('detail.noneAssigned')}</p> : (
            <ul className="list">
              {incident.assignedTeams.map((a) => {
                const team = state.teams[a.teamId];
                const status = team && team.incidentId === incident.id ? team.status : a.status;
                return (
                  <li key={a.teamId} data-testid="assigned-team" data-team-id={a.teamId} data-status={status}>
                    <strong>{a.name}</strong> <span className={`badge team-${status}`}>{label(t, `teamStatus.${status}`, status)}</span>
                    <span className="muted small"> {formatTime(a.dispatchedAt)}{a.task ? ` · ${a.task}` : ''}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </Panel>

        <Panel title={t('detail.allocations')}>
          {incident.allocations.length === 0 ? <p className="muted">{t('detail.noAllocations')}</p> : (
            <ul className="list">
              {incident.allocations.map((al) => {
                const w = state.warehouses[al.warehouseId];
                return (
                  <li key={al.allocationId} data-testid="allocation" data-allocation-id={al.allocationId} data-status={al.status}>
                    <strong>{w?.name ?? al.warehouseId}</strong> <span className={`badge alloc-${al.status}`}>{label(t, `alloc.${al.status}`, al.status)}</span>
                    <div className="small">{al.items.map((it) => `${materialName(w, it.materialCode)} × ${it.quantity}`).join('，')}</div>
                    {mayCommand && (al.status === 'reserved' || al.status === 'shipped') && (
                      <div className="actions">
                        {al.status === 'reserved' && (
                          <button type="button" data-testid="ship-allocation" disabled={busy !== null}
                            onClick={() => void act(t('btn.ship'), () => post(`/warehouses/${al.warehouseId}/allocations/${al.allocationId}/ship`, {}))}>{t('btn.ship')}</button>
                        )}
                        {al.status === 'shipped' && (
                          <button type="button" data-testid="deliver-allocation" disabled={busy !== null}
                            onClick={() => void act(t('btn.deliver'), () => post(`/warehouses/${al.warehouseId}/allocations/${al.allocationId}/deliver`, {}))}>{t('btn.deliver')}</button>
                        )}
                        <button type="button" data-testid="cancel-allocation" disabled={busy !== null}
                          onClick={() => void act(t('btn.cancelAllocation'), () => post(`/warehouses/${al.warehouseId}/allocations/${al.allocationId}/cancel`, {}))}>{t('btn.cancelAllocation')}</button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </Panel>

        <Panel title={t('detail.recommendations')} wide>
          {recs && (
            <>
              <p className="small muted">
                {t('detail.needs')}：{(lang === 'zh' ? recs.neededSpecialtyLabels ?? recs.neededSpecialties : recs.neededSpecialties).join('、') || t('none')}（{t(`detail.needsFrom.${recs.needsFrom}` as MessageKey)}）；
                {t('detail.neededMaterials')}：{recs.neededMaterials.map((m) => `${materialNameAny(state.warehouses, m.materialCode)} × ${m.quantity}`).join('，') || t('none')}
              </p>
              <div className="two-col">
                <div>
                  <h3>{t('detail.recTeams')}</h3>
                  <ul className="list">
                    {recs.teams.map((r) => (
                      <li key={r.teamId} data-testid="recommended-team" data-team-id={r.teamId}>
                        <div><strong>{r.name}</strong> <span className="small muted">{r.distanceKm} {t('km')} · {t('eta')} {r.etaMinutes} {t('minutes')}</span></div>
                        <div className="small">{r.reason}</div>
                        {mayCommand && open && (
                          <button type="button" data-testid="dispatch-team" disabled={busy !== null}
                            onClick={() => void act(`${t('btn.dispatch')} ${r.name}`, () => post(`/teams/${r.teamId}/dispatch`, { incidentId: id }))}>{t('btn.dispatch')}</button>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h3>{t('detail.recWarehouses')}</h3>
                  <ul className="list">
                    {recs.warehouses.map((r) => (
                      <li key={r.warehouseId} data-testid="recommended-warehouse" data-warehouse-id={r.warehouseId} data-sufficient={r.sufficient ? 'true' : 'false'}>
                        <div><strong>{r.name}</strong> <span className={r.sufficient ? 'ok-text small' : 'warn-text small'}>{r.sufficient ? t('sufficient') : t('shortfall')}</span></div>
                        <div className="small">{r.reason}</div>
                        {mayCommand && open && recs.neededMaterials.length > 0 && (
                          <button type="button" data-testid="allocate-warehouse" disabled={busy !== null}
                            onClick={() => void act(`${t('btn.allocate')} ${r.name}`, () => post(`/warehouses/${r.warehouseId}/allocations`, { incidentId: id, items: recs.neededMaterials }))}>{t('btn.allocate')}</button>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </>
          )}
        </Panel>

        <Panel title={t('detail.plans')}>
          <h3>{t('detail.activePlans')}</h3>
          <ul className="list">
            {incident.activePlans.length === 0 && <li className="muted">{t('none')}</li>}
            {incident.activePlans.map((p) => <li key={p.planId} data-testid="active-plan">{p.title} v{p.version} · {p.level} · {formatTime(p.activatedAt)} {p.activatedBy}</li>)}
          </ul>
          <h3>{t('detail.planSuggestions')}</h3>
          <ul className="list">
            {(suggestions?.suggestions ?? []).length === 0 && <li className="muted">{t('detail.noSuggestions')}</li>}
            {(suggestions?.suggestions ?? []).map((s) => (
              <li key={`${s.planId}:${s.level}`} data-testid="plan-suggestion" data-plan-id={s.planId}>
                <strong>{s.title}</strong> → {s.level}（{s.action === 'activate' ? t('detail.activate') : t('detail.setLevel')}）
                <div className="small">{s.reasons.join('；')}</div>
                {mayCommand && open && s.action === 'activate' && (
                  <button type="button" disabled={busy !== null} onClick={() => void act(t('detail.activate'), () => post(`/incidents/${id}/plan-activations`, { planId: s.planId, level: s.level }))}>{t('detail.activate')}</button>
                )}
              </li>
            ))}
          </ul>
          {mayCommand && open && (
            <ActivatePlanForm plans={plans.filter((p) => p.inForceVersion != null && !incident.activePlans.some((a) => a.planId === p.id))} busy={busy !== null}
              onSubmit={(planId, level, reason) => void act(t('detail.activate'), () => post(`/incidents/${id}/plan-activations`, { planId, ...(level ? { level } : {}), ...(reason ? { reason } : {}) }))} />
          )}
        </Panel>

        {mayCommand && open && (
          <Panel title={t('detail.responseLevel')}>
            <ResponseLevelForm current={incident.responseLevel} busy={busy !== null}
              onSubmit={(level, reason) => void act(t('detail.setLevel'), () => post(`/incidents/${id}/response-level`, { level, reason }))} />
          </Panel>
        )}

        {mayReport && open && (
          <Panel title={t('detail.followUp')}>
            <FollowUpForm incident={incident} busy={busy !== null} onSubmit={(body, reset) => void act(t('detail.followUp'), () => post(`/incidents/${id}/updates`, body), reset)} />
          </Panel>
        )}

        {mayCommand && open && (
          <Panel title={t('detail.close')}>
            <CloseForm busy={busy !== null} onSubmit={(summary) => void act(t('detail.close'), () => post(`/incidents/${id}/close`, { summary }))} />
          </Panel>
        )}
      </div>
    </article>
  );
}

/** A dictionary label for a server code, or the code itself when the dictionary has none. */
function label(t: (k: MessageKey) => string, key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

function Panel({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <section className={`panel${wide ? ' wide' : ''}`}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function casualtyText(c: Casualties, t: (k: MessageKey) => string): string {
  return COUNTS.map((k) => `${t(`f.${k}` as MessageKey).replace(/（.*）|\(.*\)/, '')} ${c[k]}`).join('，');
}

function materialName(w: { stock: { materialCode: string; materialName: string }[] } | undefined, code: string): string {
  return w?.stock.find((l) => l.materialCode === code)?.materialName ?? code;
}

function materialNameAny(warehouses: Record<string, { stock: { materialCode: string; materialName: string }[] }>, code: string): string {
  for (const w of Object.values(warehouses)) {
    const line = w.stock.find((l) => l.materialCode === code);
    if (line) return line.materialName;
  }
  return code;
}

function TaskItem({ task, canComplete, busy, onComplete }: {
  task: IncidentView['tasks'][number]; canComplete: boolean; busy: boolean; onComplete: (note: string) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const done = task.status === 'done';
  const noteId = `task-note-${task.taskId}`;
  return (
    <li data-testid="task" data-task-id={task.taskId} data-status={task.status} className={done ? 'done' : ''}>
      <div><span className="small muted">{task.group} · {task.leadAgency} · {task.levelLabel ?? task.level}</span></div>
      <div>{done ? '✓ ' : ''}{task.title}</div>
      {done ? (
        <div className="small muted">{t('task.done')} {formatTime(task.completedAt)} {task.completedBy ?? ''}{task.note ? ` · ${task.note}` : ''}</div>
      ) : canComplete && (
        <div className="inline-form">
          <label htmlFor={noteId} className="sr-only">{t('task.note')}</label>
          <input id={noteId} placeholder={t('task.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="button" data-testid="complete-task" disabled={busy} onClick={() => onComplete(note.trim())}>{t('btn.complete')}</button>
        </div>
      )}
    </li>
  );
}

function ReportUpForm({ busy, onSubmit }: { busy: boolean; onSubmit: (toLevel: string, channel: string) => void }) {
  const { t } = useI18n();
  const [toLevel, setToLevel] = useState<string>('county');
  const [channel, setChannel] = useState<string>(CHANNELS[0].zh);
  return (
    <form className="inline-form" data-testid="report-form" onSubmit={(e) => { e.preventDefault(); onSubmit(toLevel, channel); }}>
      <label htmlFor="report-level">{t('detail.toLevel')}</label>
      <select id="report-level" data-testid="report-level" value={toLevel} onChange={(e) => setToLevel(e.target.value)}>
        {REPORT_LEVELS.map((l) => <option key={l} value={l}>{t(`level.${l}` as MessageKey)}</option>)}
      </select>
      <label htmlFor="report-channel">{t('detail.channel')}</label>
      <select id="report-channel" data-testid="report-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
        {CHANNELS.map((c) => <option key={c.zh} value={c.zh}>{t(c.key)}</option>)}
      </select>
      <button type="submit" data-testid="report-submit" disabled={busy}>{t('detail.reportUp')}</button>
    </form>
  );
}

function ResponseLevelForm({ current, busy, onSubmit }: { current: string | null; busy: boolean; onSubmit: (level: string, reason: string) => void }) {
  const { t } = useI18n();
  const [level, setLevel] = useState(current ?? 'IV');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError(t('v.required'));
    setError(null);
    onSubmit(level, reason.trim());
  };
  return (
    <form className="stack-form" data-testid="response-level-form" onSubmit={submit} noValidate>
      <label htmlFor="rl-level">{t('detail.responseLevel')}</label>
      <select id="rl-level" data-testid="response-level" value={level} onChange={(e) => setLevel(e.target.value)}>
        {RESPONSE_LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
      </select>
      <label htmlFor="rl-reason">{t('detail.reason')}</label>
      <input id="rl-reason" data-testid="response-level-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error ? true : undefined} />
      {error && <div className="field-error" role="alert">{error}</div>}
      <button type="submit" data-testid="response-level-submit" disabled={busy}>{t('detail.setLevel')}</button>
    </form>
  );
}

function ActivatePlanForm({ plans, busy, onSubmit }: { plans: PlanView[]; busy: boolean; onSubmit: (planId: string, level: string, reason: string) => void }) {
  const { t } = useI18n();
  const [planId, setPlanId] = useState('');
  const [level, setLevel] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form className="stack-form" data-testid="plan-activation-form" noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!planId) return setError(t('v.required'));
      setError(null);
      onSubmit(planId, level, reason.trim());
    }}>
      <label htmlFor="pa-plan">{t('detail.plan')}</label>
      <select id="pa-plan" data-testid="plan-select" value={planId} onChange={(e) => setPlanId(e.target.value)}>
        <option value="">{t('choose')}</option>
        {plans.map((p) => <option key={p.id} value={p.id}>{p.title}（{p.statusLabel ?? p.status} v{p.inForceVersion}）</option>)}
      </select>
      {error && <div className="field-error" role="alert">{error}</div>}
      <label htmlFor="pa-level">{t('detail.levelOptional')}</label>
      <select id="pa-level" value={level} onChange={(e) => setLevel(e.target.value)}>
        <option value="">—</option>
        {RESPONSE_LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
      </select>
      <label htmlFor="pa-reason">{t('detail.reason')}</label>
      <input id="pa-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" data-testid="plan-activate" disabled={busy}>{t('detail.activate')}</button>
    </form>
  );
}

function FollowUpForm({ incident, busy, onSubmit }: { incident: IncidentView; busy: boolean; onSubmit: (body: Record<string, unknown>, reset: () => void) => void }) {
  const { t } = useI18n();
  const initial = () => ({ ...Object.fromEntries(COUNTS.map((c) => [c, String(incident.casualties[c])])), directLossYuan: incident.directLossYuan == null ? '' : String(incident.directLossYuan), description: '', measures: '' }) as Record<string, string>;
  const [v, setV] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const key = useMemo(() => `${incident.id}:${incident.revision}`, [incident.id, incident.revision]);
  const [seenKey, setSeenKey] = useState(key);
  if (seenKey !== key) {
    // A newer revision arrived: show its figures unless the officer is typing.
    setSeenKey(key);
    if (!v.description && !v.measures) setV(initial());
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    for (const f of [...COUNTS, 'directLossYuan']) if (v[f]!.trim() !== '' && !/^\d+$/.test(v[f]!.trim())) errs[f] = t('v.integer');
    for (const f of COUNTS) if (v[f]!.trim() === '') errs[f] = t('v.required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body: Record<string, unknown> = { casualties: Object.fromEntries(COUNTS.map((c) => [c, Number(v[c])])) };
    if (v.directLossYuan!.trim()) body.directLossYuan = Number(v.directLossYuan);
    if (v.description!.trim()) body.description = v.description!.trim();
    if (v.measures!.trim()) body.measures = v.measures!.trim();
    onSubmit(body, () => setV((x) => ({ ...x, description: '', measures: '' })));
  };
  return (
    <form className="stack-form" data-testid="followup-form" onSubmit={submit} noValidate>
      <div className="row counts">
        {[...COUNTS, 'directLossYuan'].map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`fu-${f}`}>{t(`f.${f}` as MessageKey)}</label>
            <input id={`fu-${f}`} data-testid={`followup-${f}`} inputMode="numeric" value={v[f]} onChange={(e) => setV({ ...v, [f]: e.target.value })} aria-invalid={errors[f] ? true : undefined} />
            {errors[f] && <div className="field-error" role="alert">{errors[f]}</div>}
          </div>
        ))}
      </div>
      <label htmlFor="fu-description">{t('f.description')}</label>
      <textarea id="fu-description" data-testid="followup-description" rows={2} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
      <label htmlFor="fu-measures">{t('f.measures')}</label>
      <textarea id="fu-measures" data-testid="followup-measures" rows={2} value={v.measures} onChange={(e) => setV({ ...v, measures: e.target.value })} />
      <button type="submit" data-testid="followup-submit" disabled={busy}>{t('detail.submitFollowUp')}</button>
    </form>
  );
}

function CloseForm({ busy, onSubmit }: { busy: boolean; onSubmit: (summary: string) => void }) {
  const { t } = useI18n();
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form className="stack-form" data-testid="close-form" noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!summary.trim()) return setError(t('v.required'));
      setError(null);
      onSubmit(summary.trim());
    }}>
      <label htmlFor="close-summary">{t('detail.closeSummary')}</label>
      <textarea id="close-summary" data-testid="close-summary" rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} aria-invalid={error ? true : undefined} />
      {error && <div className="field-error" role="alert">{error}</div>}
      <button type="submit" className="danger" data-testid="close-submit" disabled={busy}>{t('detail.close')}</button>
    </form>
  );
}

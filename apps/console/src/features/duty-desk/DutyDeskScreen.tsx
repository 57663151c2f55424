import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { commandPost, errorText, get } from '../../api';
import { useLiveMessages } from '../../app/live-events';
import { useNow } from '../../components';
import { useI18n, type MessageKey } from '../../i18n';
import type { LocaleLang } from '../../app/locale';
import { useLabels } from '../labels/labels';
import { navigate } from '../../router';
import { localInputToShanghaiIso } from '../../time';
import type { Session } from '../../ui-types';
import type { DeskObligation, DutyDeskView, HandoverView, RollCallView, ShiftView } from '@app/duty/contract';
import { ReportFromDesk } from './ReportFromDesk';
import { spanText, useZonedFormat } from './desk-time';

export const DESK_KEY = ['duty', 'desk'] as const;

/**
 * Deltas that change what the watch owes. The desk is one server-computed read (ordering, bounds, scope, drill
 * exclusion are the server's), so a delta marks it stale and it is read again rather than patched piecemeal; the
 * forms keep their own state, so typed text survives the refresh.
 */
const DESK_DELTAS = [
  'incident.reported',
  'incident.changed',
  'deadline.due',
  'deadline.overdue',
  'rollcall.issued',
  'rollcall.answered',
  'rollcall.missed',
  'warning.issued',
  'warning.changed',
  'duty.changed',
] as const;

type Feedback = { kind: 'ok' | 'error'; text: string } | null;

/** 值班台: the watch on one screen — who holds it, what it owes and by when, and its handover. */
export function DutyDeskScreen({ session }: { session: Session }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const desk = useQuery({ queryKey: DESK_KEY, queryFn: () => get<DutyDeskView>('/duty/desk') });
  const [feedback, setFeedback] = useState<Feedback>(null);

  // Deltas arrive in bursts (one report changes an incident and its deadlines): one read per burst.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void queryClient.invalidateQueries({ queryKey: DESK_KEY });
    }, 250);
  }, [queryClient]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );
  useLiveMessages(DESK_DELTAS, refresh);

  /** Runs one command of the desk, says how it went and reads the desk again. */
  const act = useCallback(
    async (done: MessageKey, failed: MessageKey, fn: () => Promise<unknown>, vars?: Record<string, string>) => {
      try {
        await fn();
        setFeedback({ kind: 'ok', text: t(done, vars) });
        await queryClient.invalidateQueries({ queryKey: DESK_KEY });
        return true;
      } catch (error) {
        setFeedback({ kind: 'error', text: `${t(failed)} · ${errorText(error, t(failed))}` });
        return false;
      }
    },
    [queryClient, t],
  );

  if (desk.isPending)
    return (
      <section className="screen" data-testid="duty-desk-screen" aria-busy="true">
        <p className="muted">{t('duty.loading')}</p>
      </section>
    );
  if (desk.isError)
    return (
      <section className="screen" data-testid="duty-desk-screen">
        <p className="feedback error" role="alert" data-testid="duty-desk-error">
          {t('duty.loadError')} · {errorText(desk.error, t('duty.loadError'))}
        </p>
      </section>
    );
  const view = desk.data;
  return (
    <section className="screen" data-testid="duty-desk-screen" data-user={session.user.id}>
      <DeskHeader view={view} />
      {feedback && (
        <p
          className={`feedback ${feedback.kind}`}
          role={feedback.kind === 'error' ? 'alert' : 'status'}
          data-testid="duty-feedback">
          {feedback.text}
        </p>
      )}
      {view.pendingHandover && <PendingHandover view={view} handover={view.pendingHandover} act={act} />}
      <div className="detail-grid">
        <ObligationQueue view={view} act={act} />
        <RollCalls view={view} act={act} />
        <Warnings view={view} />
        {view.mayHandOver && !view.pendingHandover && <HandoverForm view={view} act={act} />}
        {view.maySchedule && <ScheduleForm view={view} act={act} />}
      </div>
    </section>
  );
}

type Act = (
  done: MessageKey,
  failed: MessageKey,
  fn: () => Promise<unknown>,
  vars?: Record<string, string>,
) => Promise<boolean>;

/** How the current language joins a list of names, lists of items and a heading to its list. */
const punctuation = (lang: LocaleLang) =>
  lang === 'en'
    ? { names: ', ', items: '; ', colon: ': ', open: ' (', close: ')' }
    : { names: '、', items: '；', colon: '：', open: '（', close: '）' };

const names = (shift: ShiftView, lang: LocaleLang) => shift.officers.map((o) => o.name).join(punctuation(lang).names);

/** The zone as people name it ("中国标准时间", "China Standard Time"), not its database id; the id if Intl has none. */
export function zoneName(zone: string, lang: LocaleLang): string {
  try {
    const parts = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { timeZone: zone, timeZoneName: 'long' });
    return parts.formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}

/** What an obligation owes, from its codes: the kind and the level reported to (or the party notified). */
function useObligationName() {
  const { label } = useLabels();
  return (o: { kind?: string; kindLabel?: string; level: string; levelLabel?: string }) => {
    // A handover stored before kinds were kept has only the level, which for a notification is the party.
    const notification = o.kind === 'notification' || (!o.kind && !REPORT_LEVELS.includes(o.level));
    const level = label(notification ? 'party' : 'reportLevel', o.level, o.levelLabel);
    const kind = label('deadlineKind', o.kind, o.kindLabel);
    return [kind, level].filter(Boolean).join(' · ');
  };
}

function DeskHeader({ view }: { view: DutyDeskView }) {
  const { t, lang } = useI18n();
  const p = punctuation(lang);
  const now = useNow(1000);
  const format = useZonedFormat(view.timeZone);
  const { shift, responsibleShift, nextShift } = view;
  return (
    <header className="detail-head">
      <h1>
        {t('duty.title')} · {view.jurisdictionName}
      </h1>
      <p>
        <span className="muted" data-testid="duty-zone">
          {zoneName(view.timeZone, lang)}
        </span>{' '}
        <time data-testid="duty-clock" className="countdown" dateTime={new Date(now).toISOString()}>
          {format(now, true)}
        </time>
      </p>
      {shift ? (
        <p data-testid="duty-shift">
          {t('duty.shift')}
          {p.colon}
          {t('duty.leader')} <strong data-testid="duty-leader">{shift.leader.name}</strong> · {t('duty.officers')}{' '}
          {names(shift, lang)} · {t('duty.period')} {format(Date.parse(shift.startsAt))} –{' '}
          {format(Date.parse(shift.endsAt))}
        </p>
      ) : (
        <p data-testid="duty-shift" className="muted">
          {t('duty.noShift')}
        </p>
      )}
      {responsibleShift && shift && responsibleShift.id !== shift.id && (
        <p className="feedback accepted" data-testid="duty-responsible">
          {t(view.pendingHandover ? 'duty.responsible' : 'duty.takenOver', {
            leader: responsibleShift.leader.name,
            officers: names(responsibleShift, lang),
          })}
        </p>
      )}
      <p className="muted small" data-testid="duty-next-shift">
        {nextShift
          ? `${t('duty.nextShift')}${p.colon}${nextShift.leader.name}${p.open}${names(nextShift, lang)}${p.close} ${format(Date.parse(nextShift.startsAt))}`
          : t('duty.noNextShift')}
      </p>
    </header>
  );
}

/** A live countdown to an instant: red once passed, days and hours for long spans. */
function Countdown({ dueAt, now }: { dueAt: string; now: number }) {
  const { t, lang } = useI18n();
  const left = Date.parse(dueAt) - now;
  const overdue = left < 0;
  return (
    <span
      className={`countdown${overdue ? ' overdue' : left < 30 * 60_000 ? ' soon' : ''}`}
      data-testid="countdown"
      data-overdue={overdue}>
      {overdue ? t('duty.overdueBy', { span: spanText(-left, lang) }) : t('duty.dueIn', { span: spanText(left, lang) })}
    </span>
  );
}

const REPORT_LEVELS = ['county', 'city', 'province', 'national'];

function ObligationQueue({ view, act }: { view: DutyDeskView; act: Act }) {
  const { t } = useI18n();
  const obligationName = useObligationName();
  const now = useNow(1000);
  const format = useZonedFormat(view.timeZone);
  const [open, setOpen] = useState<string | null>(null);
  const keyOf = (o: DeskObligation) => `${o.incidentId}/${o.obligationId}`;
  return (
    <section className="panel wide" aria-labelledby="duty-queue-title">
      <h2 id="duty-queue-title">{t('duty.queue')}</h2>
      {view.obligations.length === 0 && <p className="muted">{t('duty.queueEmpty')}</p>}
      {view.obligationsTotal > view.obligations.length && (
        <p className="muted small">
          {t('duty.queueMore', { total: view.obligationsTotal, shown: view.obligations.length })}
        </p>
      )}
      <ol className="list" data-testid="duty-queue">
        {view.obligations.map((o) => (
          <li
            key={keyOf(o)}
            data-testid="duty-obligation"
            data-incident={o.incidentId}
            data-obligation={o.obligationId}>
            <div>
              <a
                href={`/incidents/${o.incidentId}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/incidents/${o.incidentId}`);
                }}>
                {o.title}
              </a>{' '}
              <span className="muted small">{o.jurisdictionName}</span>
            </div>
            <div>
              <span data-testid="duty-obligation-name">{obligationName(o)}</span> ·{' '}
              {t('duty.due', { at: format(Date.parse(o.dueAt)) })} <Countdown dueAt={o.dueAt} now={now} />
            </div>
            <div className="muted small" data-testid="duty-obligation-basis">
              {o.basis}
            </div>
            {REPORT_LEVELS.includes(o.level) ? (
              open === keyOf(o) ? (
                <ReportFromDesk obligation={o} act={act} onClose={() => setOpen(null)} />
              ) : (
                <button type="button" data-testid="duty-report" onClick={() => setOpen(keyOf(o))}>
                  {t('duty.report')}
                </button>
              )
            ) : (
              <button type="button" className="linkish" onClick={() => navigate(`/incidents/${o.incidentId}`)}>
                {t('duty.reportOpen')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function RollCallTargets({ rollCall }: { rollCall: RollCallView }) {
  const { lang } = useI18n();
  const { label } = useLabels();
  const p = punctuation(lang);
  return (
    <span className="muted small" data-testid="duty-rollcall-targets">
      {rollCall.targets
        .map((x) => `${x.jurisdictionName}${p.colon}${label('rollCallStatus', x.status, x.statusLabel)}`)
        .join(p.items)}
    </span>
  );
}

function RollCalls({ view, act }: { view: DutyDeskView; act: Act }) {
  const { t, lang } = useI18n();
  const now = useNow(1000);
  const [message, setMessage] = useState('');
  const [minutes, setMinutes] = useState('5');
  const [targets, setTargets] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  return (
    <section className="panel" aria-labelledby="duty-rollcalls-title">
      <h2 id="duty-rollcalls-title">{t('duty.rollCallsToAnswer')}</h2>
      {view.rollCallsToAnswer.length === 0 && <p className="muted">{t('duty.noRollCallsToAnswer')}</p>}
      <ul className="list" data-testid="duty-rollcalls-to-answer">
        {view.rollCallsToAnswer.map((r) => (
          <li key={r.id} data-testid="duty-rollcall" data-rollcall={r.id}>
            <span>
              {r.jurisdictionName}
              {punctuation(lang).colon}
              {r.message}
            </span>{' '}
            <Countdown dueAt={r.dueAt} now={now} />{' '}
            <button
              type="button"
              data-testid="duty-answer"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void act('duty.answered', 'duty.answerFailed', () =>
                  commandPost(`/duty/roll-calls/${r.id}/acknowledge`, { jurisdiction: view.jurisdiction }),
                ).finally(() => setBusy(false));
              }}>
              {t('duty.answer')}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t('duty.rollCallsIssued')}</h3>
      {view.rollCallsIssued.length === 0 && <p className="muted">{t('duty.noRollCallsIssued')}</p>}
      <ul className="list" data-testid="duty-rollcalls-issued">
        {view.rollCallsIssued.map((r) => (
          <li key={r.id} data-testid="duty-rollcall-issued">
            <span>{r.message}</span> <RollCallTargets rollCall={r} />
          </li>
        ))}
      </ul>
      {view.mayIssueRollCall && view.rollCallTargets.length > 0 && (
        <form
          data-testid="duty-issue-rollcall"
          onSubmit={(e) => {
            e.preventDefault();
            if (targets.length === 0) return;
            setBusy(true);
            void act('duty.rollCallIssued', 'duty.rollCallFailed', () =>
              commandPost('/duty/roll-calls', {
                jurisdictions: targets,
                ackWithinMinutes: Number(minutes),
                ...(message.trim() ? { message: message.trim() } : {}),
              }),
            )
              .then((ok) => {
                if (ok) {
                  setTargets([]);
                  setMessage('');
                }
              })
              .finally(() => setBusy(false));
          }}>
          <h3>{t('duty.issueRollCall')}</h3>
          <fieldset>
            <legend>{t('duty.rollCallTargets')}</legend>
            {view.rollCallTargets.map((target) => (
              <label key={target.code}>
                <input
                  type="checkbox"
                  checked={targets.includes(target.code)}
                  onChange={(e) =>
                    setTargets((now) =>
                      e.target.checked ? [...now, target.code] : now.filter((code) => code !== target.code),
                    )
                  }
                />
                {target.name}
              </label>
            ))}
          </fieldset>
          <label className="field">
            {t('duty.rollCallMessage')}
            <input value={message} maxLength={500} onChange={(e) => setMessage(e.target.value)} />
          </label>
          <label className="field">
            {t('duty.rollCallMinutes')}
            <input type="number" min={1} max={60} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || targets.length === 0}>
            {t('duty.issueRollCall')}
          </button>
        </form>
      )}
    </section>
  );
}

function Warnings({ view }: { view: DutyDeskView }) {
  const { t } = useI18n();
  const { label } = useLabels();
  const format = useZonedFormat(view.timeZone);
  return (
    <section className="panel" aria-labelledby="duty-warnings-title">
      <h2 id="duty-warnings-title">{t('duty.warnings')}</h2>
      {view.warningsInForce.length === 0 && <p className="muted">{t('duty.noWarnings')}</p>}
      <ul className="list" data-testid="duty-warnings">
        {view.warningsInForce.map((w) => (
          <li key={w.id} data-testid="duty-warning">
            <span className={`badge warning-${w.level}`}>{label('warningLevel', w.level, w.levelLabel)}</span>{' '}
            {w.hazard} · {w.jurisdictionName} · {t('duty.expires', { at: format(Date.parse(w.expires)) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function HandoverForm({ view, act }: { view: DutyDeskView; act: Act }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const openIncidents = new Set(view.obligations.map((o) => o.incidentId)).size;
  const openRollCalls = view.rollCallsToAnswer.length + view.rollCallsIssued.filter((r) => r.open).length;
  return (
    <section className="panel wide" aria-labelledby="duty-handover-title">
      <h2 id="duty-handover-title">{t('duty.handover')}</h2>
      <form
        data-testid="duty-handover-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!note.trim()) return;
          setBusy(true);
          void act('duty.handedOver', 'duty.handoverFailed', () =>
            commandPost('/duty/handovers', { jurisdiction: view.jurisdiction, note: note.trim() }),
          )
            .then((ok) => ok && setNote(''))
            .finally(() => setBusy(false));
        }}>
        <p className="muted small" data-testid="duty-handover-hint">
          {t('duty.handoverSummaryHint', {
            incidents: openIncidents,
            obligations: view.obligationsTotal,
            rollCalls: openRollCalls,
            warnings: view.warningsInForce.length,
          })}
        </p>
        <label className="field">
          {t('duty.handoverNote')}
          <textarea
            data-testid="duty-handover-note"
            rows={4}
            maxLength={5000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <button type="submit" data-testid="duty-hand-over" disabled={busy || !note.trim() || !view.nextShift}>
          {t('duty.handOver')}
        </button>
        {!view.nextShift && <span className="muted small"> {t('duty.noNextShift')}</span>}
      </form>
    </section>
  );
}

function PendingHandover({ view, handover, act }: { view: DutyDeskView; handover: HandoverView; act: Act }) {
  const { t, lang } = useI18n();
  const { label } = useLabels();
  const obligationName = useObligationName();
  const p = punctuation(lang);
  const format = useZonedFormat(view.timeZone);
  const [busy, setBusy] = useState(false);
  const { summary } = handover;
  // Drill data is never real business: a handover stored before drills were left out of its summary may still list
  // drill incidents, which are neither counted nor shown here.
  const realIncidents = summary.openIncidents.filter((i) => i.drillId === null);
  return (
    <section className="panel wide" data-testid="duty-pending-handover" aria-labelledby="duty-pending-title">
      <h2 id="duty-pending-title">
        {t('duty.pendingHandover')} ·{' '}
        <span className="muted" data-testid="duty-handover-status">
          {label('handoverStatus', handover.status, handover.statusLabel)}
        </span>
      </h2>
      <p>
        {t('duty.handedOverBy', { name: handover.handedOverBy.name, at: format(Date.parse(handover.handedOverAt)) })} ·{' '}
        {handover.incoming.length > 0
          ? t('duty.incoming', { names: handover.incoming.map((a) => a.name).join(p.names) })
          : t('duty.incomingAny')}
      </p>
      <pre className="report-text" data-testid="duty-handover-note-shown">
        {handover.note}
      </pre>
      <h3>{t('duty.summary')}</h3>
      <ul className="list" data-testid="duty-handover-summary">
        <li>
          {t('duty.summaryIncidents', { count: realIncidents.length })}
          {realIncidents.length > 0 && `${p.colon}${realIncidents.map((i) => i.title).join(p.items)}`}
        </li>
        <li>
          {t('duty.summaryDeadlines', { count: summary.pendingDeadlines.length })}
          <ul>
            {summary.pendingDeadlines.map((d) => (
              <li key={`${d.incidentId}/${d.obligationId}`} className={d.overdue ? 'kind-deadline-overdue' : undefined}>
                {d.title} · <span data-testid="duty-handover-obligation-name">{obligationName(d)}</span> ·{' '}
                {format(Date.parse(d.dueAt))}
                {d.overdue ? ` · ${t('duty.overdueMark')}` : ''}
              </li>
            ))}
          </ul>
        </li>
        <li>
          {t('duty.summaryRollCalls', { count: summary.openRollCalls?.length ?? 0 })}
          {(summary.openRollCalls ?? []).length > 0 &&
            `${p.colon}${(summary.openRollCalls ?? []).map((r) => r.message).join(p.items)}`}
        </li>
        <li>
          {t('duty.summaryWarnings', { count: summary.warningsInForce?.length ?? 0 })}
          {(summary.warningsInForce ?? []).length > 0 &&
            `${p.colon}${(summary.warningsInForce ?? [])
              .map((w) => `${label('warningLevel', w.level, w.levelLabel)} ${w.hazard}`)
              .join(p.items)}`}
        </li>
      </ul>
      {view.mayAccept ? (
        <button
          type="button"
          data-testid="duty-accept"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void act('duty.accepted', 'duty.acceptFailed', () =>
              commandPost(`/duty/handovers/${handover.id}/accept`),
            ).finally(() => setBusy(false));
          }}>
          {t('duty.accept')}
        </button>
      ) : (
        <p className="muted" data-testid="duty-waiting">
          {t('duty.waitingForAcceptance')}
        </p>
      )}
    </section>
  );
}

/** `2026-11-22T08:00:00+08:00` → `2026-11-22T08:00` for a datetime-local input (the console's zone is Beijing). */
const inputValue = (zoned: string | undefined) => (zoned ? zoned.slice(0, 16) : '');

function ScheduleForm({ view, act }: { view: DutyDeskView; act: Act }) {
  const { t } = useI18n();
  const after = view.nextShift?.endsAt ?? view.shift?.endsAt;
  const [leader, setLeader] = useState('');
  const [officers, setOfficers] = useState('');
  const [startsAt, setStartsAt] = useState(() => inputValue(after));
  const [endsAt, setEndsAt] = useState(() =>
    after ? inputValue(new Date(Date.parse(after) + 24 * 3_600_000 + 8 * 3_600_000).toISOString()) : '',
  );
  const [busy, setBusy] = useState(false);
  return (
    <section className="panel" aria-labelledby="duty-schedule-title">
      <h2 id="duty-schedule-title">{t('duty.schedule')}</h2>
      <form
        data-testid="duty-schedule-form"
        onSubmit={(e) => {
          e.preventDefault();
          const people = officers
            .split(/[,，、]/)
            .map((name) => name.trim())
            .filter(Boolean);
          setBusy(true);
          void act('duty.scheduled', 'duty.scheduleFailed', () =>
            commandPost('/duty/shifts', {
              jurisdiction: view.jurisdiction,
              leader: { name: leader.trim() },
              officers: people.map((name) => ({ name })),
              startsAt: localInputToShanghaiIso(startsAt) ?? startsAt,
              endsAt: localInputToShanghaiIso(endsAt) ?? endsAt,
            }),
          )
            .then((ok) => {
              if (ok) {
                setLeader('');
                setOfficers('');
              }
            })
            .finally(() => setBusy(false));
        }}>
        <label className="field">
          {t('duty.scheduleLeader')}
          <input
            data-testid="duty-schedule-leader"
            value={leader}
            maxLength={100}
            onChange={(e) => setLeader(e.target.value)}
          />
        </label>
        <label className="field">
          {t('duty.scheduleOfficers')}
          <input data-testid="duty-schedule-officers" value={officers} onChange={(e) => setOfficers(e.target.value)} />
        </label>
        <label className="field">
          {t('duty.scheduleStartsAt')}
          <input
            type="datetime-local"
            data-testid="duty-schedule-starts"
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
          />
        </label>
        <label className="field">
          {t('duty.scheduleEndsAt')}
          <input
            type="datetime-local"
            data-testid="duty-schedule-ends"
            value={endsAt}
            onChange={(e) => setEndsAt(e.target.value)}
          />
        </label>
        <button type="submit" data-testid="duty-schedule-submit" disabled={busy || !leader.trim() || !officers.trim()}>
          {t('duty.scheduleSubmit')}
        </button>
      </form>
    </section>
  );
}

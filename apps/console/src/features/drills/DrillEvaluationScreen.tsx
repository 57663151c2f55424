import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { DrillEvaluationView, EvaluationDocument } from '@app/evaluation/contract';
import { commandPost, currentSession, get, isAccepted } from '../../api';
import { useI18n, type Lang, type MessageKey, type Translate } from '../../i18n';
import { linkHandler } from '../../router';
import { formatTime } from '../../time';
import { ErrorMessage } from '../errors/ErrorMessage';
import { EvaluationDocumentView } from './evaluation-document';
import './evaluation.css';

export const evaluationKey = (id: string) => ['drills', id, 'evaluation'] as const;
export const evaluationDocumentKey = (id: string) => ['drills', id, 'evaluation', 'document'] as const;

type Feedback = { kind: 'ok'; text: string } | { kind: 'error'; error: unknown; text: string } | null;

/** Seconds as minutes and seconds (hours once there are any), in the user's language. */
export function spanWords(seconds: number | null, t: Translate): string {
  if (seconds === null) return t('evaluation.notHappened');
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60);
  return h > 0
    ? t('evaluation.hourMinSec', { h: String(h), m: String(m), s: rest })
    : t('evaluation.minSec', { m: String(m), s: rest });
}

/**
 * 演练评估: the figures measured from the drill's record, the reporting deadlines, the checklist; the rubric with a
 * scoring form for evaluators, findings that can wait on the plan under test, the evaluators' conclusion; and the
 * evaluation report itself, rendered here from the server's document and printed from here (A4, the report alone).
 */
export function DrillEvaluationScreen({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const evaluation = useQuery({
    queryKey: evaluationKey(id),
    queryFn: () => get<DrillEvaluationView>(`/drills/${encodeURIComponent(id)}/evaluation`),
  });
  const [reportOpen, setReportOpen] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  /** Runs one evaluation command: its answer is the evaluation as it now reads; the report is built again. */
  const run = async (path: string, body: unknown, done: string, failed: string): Promise<boolean> => {
    try {
      const outcome = await commandPost<DrillEvaluationView>(
        `/drills/${encodeURIComponent(id)}/evaluation/${path}`,
        body,
      );
      if (isAccepted(outcome)) await queryClient.invalidateQueries({ queryKey: evaluationKey(id) });
      else queryClient.setQueryData(evaluationKey(id), outcome.body);
      await queryClient.invalidateQueries({ queryKey: evaluationDocumentKey(id) });
      setFeedback({ kind: 'ok', text: done });
      return true;
    } catch (error) {
      setFeedback({ kind: 'error', error, text: failed });
      return false;
    }
  };

  if (evaluation.isPending)
    return (
      <section className="screen" data-testid="drill-evaluation-screen" aria-busy="true">
        <p className="muted">{t('evaluation.loading')}</p>
      </section>
    );
  if (evaluation.isError)
    return (
      <section className="screen" data-testid="drill-evaluation-screen">
        <p className="muted">{t('evaluation.loadError')}</p>
        <ErrorMessage error={evaluation.error} testId="evaluation-load-error" />
      </section>
    );
  const e = evaluation.data;
  return (
    <section className="screen" data-testid="drill-evaluation-screen" data-id={id} data-status={e.status}>
      <header className="screen-head">
        <div>
          <h1>
            {t('evaluation.title')} · {e.names.title}
          </h1>
          <p className="muted" data-testid="evaluation-meta">
            {t('evaluation.meta', {
              form: lang === 'zh' ? e.names.formLabel : t(`drills.form.${e.drill.form}` as MessageKey),
              scope: lang === 'zh' ? e.names.scopeLabel : t(`drills.scope.${e.drill.scope}` as MessageKey),
              organiser: e.names.organiser,
            })}{' '}
            · {t(`evaluation.status.${e.status}`)} ·{' '}
            {e.names.planTitle ? t('evaluation.plan', { plan: e.names.planTitle }) : t('evaluation.noPlan')}
          </p>
        </div>
        <nav className="evaluation-links">
          <a
            href={`/drills/${encodeURIComponent(id)}`}
            onClick={linkHandler(`/drills/${encodeURIComponent(id)}`)}
            data-testid="evaluation-link-drill">
            {t('evaluation.linkDrill')}
          </a>
          <a
            href={`/replay/drill/${encodeURIComponent(id)}`}
            onClick={linkHandler(`/replay/drill/${encodeURIComponent(id)}`)}
            data-testid="evaluation-link-replay">
            {t('evaluation.linkReplay')}
          </a>
          <button
            type="button"
            className="primary"
            data-testid={reportOpen ? 'evaluation-close-report' : 'evaluation-open-report'}
            onClick={() => setReportOpen(!reportOpen)}>
            {reportOpen ? t('evaluation.closeReport') : t('evaluation.openReport')}
          </button>
        </nav>
      </header>
      {feedback && (
        <div data-testid="evaluation-feedback" data-kind={feedback.kind}>
          {feedback.kind === 'ok' ? (
            <p className="feedback ok" role="status">
              {feedback.text}
            </p>
          ) : (
            <>
              <p className="feedback error">{feedback.text}</p>
              <ErrorMessage error={feedback.error} testId="evaluation-error" />
            </>
          )}
        </div>
      )}
      {reportOpen ? (
        <ReportView id={id} />
      ) : (
        <>
          <Figures e={e} />
          <Deadlines e={e} />
          <Tasks e={e} />
          <Rubric e={e} run={run} />
          <Findings e={e} run={run} />
          <Conclusion e={e} run={run} />
        </>
      )}
    </section>
  );
}

type Run = (path: string, body: unknown, done: string, failed: string) => Promise<boolean>;

const mayScore = () => currentSession()?.user.roles.includes('drill_coordinator') ?? false;

function Figures({ e }: { e: DrillEvaluationView }) {
  const { t } = useI18n();
  const zone = e.names.timeZone;
  const figures: [string, string, number | null][] = [
    ['dispatch', t('evaluation.figure.dispatch'), e.overall.reportToFirstDispatchSeconds],
    ['arrival', t('evaluation.figure.arrival'), e.overall.reportToFirstArrivalSeconds],
    ['level', t('evaluation.figure.level'), e.overall.reportToResponseLevelSeconds],
    ['plan', t('evaluation.figure.plan'), e.overall.reportToPlanActivationSeconds],
    ['duration', t('evaluation.figure.duration'), e.durationSeconds],
  ];
  return (
    <section className="panel" data-testid="evaluation-figures">
      <h2>{t('evaluation.figures')}</h2>
      <dl className="evaluation-figures">
        {figures.map(([key, label, seconds]) => (
          <div key={key} data-testid={`evaluation-figure-${key}`}>
            <dt>{label}</dt>
            <dd>{spanWords(seconds, t)}</dd>
          </div>
        ))}
      </dl>
      {e.incidents.length === 0 ? (
        <p className="muted">{t('evaluation.noIncidents')}</p>
      ) : (
        <table className="grid" data-testid="evaluation-incidents">
          <thead>
            <tr>
              <th>{t('evaluation.incidents')}</th>
              <th>{t('evaluation.reportedAt')}</th>
              <th>{t('evaluation.figure.dispatch')}</th>
              <th>{t('evaluation.figure.arrival')}</th>
              <th>{t('evaluation.figure.level')}</th>
              <th>{t('evaluation.figure.plan')}</th>
            </tr>
          </thead>
          <tbody>
            {e.incidents.map((m) => (
              <tr key={m.incidentId}>
                <td>{m.title}</td>
                <td>{formatTime(m.reportedAt, true, { zone })}</td>
                <td>{spanWords(m.reportToFirstDispatchSeconds, t)}</td>
                <td>{spanWords(m.reportToFirstArrivalSeconds, t)}</td>
                <td>{spanWords(m.reportToResponseLevelSeconds, t)}</td>
                <td>{spanWords(m.reportToPlanActivationSeconds, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Deadlines({ e }: { e: DrillEvaluationView }) {
  const { t } = useI18n();
  const kinds = ['met', 'late', 'missed', 'pending'] as const;
  return (
    <section className="panel" data-testid="evaluation-deadlines">
      <h2>{t('evaluation.deadlines')}</h2>
      <dl className="evaluation-figures">
        {kinds.map((k) => (
          <div key={k} data-testid={`evaluation-deadline-${k}`}>
            <dt>{t(`evaluation.deadline.${k}`)}</dt>
            <dd>{t('evaluation.deadline.count', { n: String(e.deadlines[k]) })}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Tasks({ e }: { e: DrillEvaluationView }) {
  const { t } = useI18n();
  const tasks = e.incidents.flatMap((m) => m.tasks);
  if (tasks.length === 0) return null;
  return (
    <section className="panel" data-testid="evaluation-tasks">
      <h2>{t('evaluation.tasks')}</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>{t('evaluation.task.group')}</th>
            <th>{t('evaluation.task.title')}</th>
            <th>{t('evaluation.task.seconds')}</th>
            <th>{t('evaluation.task.limit')}</th>
            <th>{t('evaluation.task.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.taskId}>
              <td>{task.group}</td>
              <td>{task.title}</td>
              <td>{task.seconds === null ? '—' : spanWords(task.seconds, t)}</td>
              <td>
                {task.withinMinutes === null
                  ? t('evaluation.task.noLimit')
                  : t('evaluation.task.limitMinutes', { n: String(task.withinMinutes) })}
              </td>
              <td>{t(`evaluation.task.${task.verdict ?? (task.completedAt ? 'met' : 'open')}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const shortLabel = (label: string) => label.replace(/（.*$/, '');

function Rubric({ e, run }: { e: DrillEvaluationView; run: Run }) {
  const { t, lang } = useI18n();
  const mine = [...e.sheets].reverse().find((s) => s.evaluator === currentSession()?.user.username);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(mine?.scores.map((s) => [s.aspect, String(s.score)]) ?? []),
  );
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(mine?.scores.filter((s) => s.comment).map((s) => [s.aspect, s.comment!]) ?? []),
  );
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scores = e.rubric
      .filter((a) => (values[a.key] ?? '').trim() !== '')
      .map((a) => ({
        aspect: a.key,
        score: Number(values[a.key]),
        ...(comments[a.key]?.trim() ? { comment: comments[a.key]!.trim() } : {}),
      }));
    setMissing(scores.length === 0);
    if (scores.length === 0) return;
    setBusy(true);
    await run('scores', { scores }, t('evaluation.scoresSaved'), t('evaluation.scoresFailed'));
    setBusy(false);
  };
  return (
    <section className="panel" data-testid="evaluation-rubric">
      <h2>{t('evaluation.rubric')}</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>{t('evaluation.aspect')}</th>
            <th>{t('evaluation.weight')}</th>
            <th>{t('evaluation.maxScore')}</th>
            <th>{t('evaluation.mean')}</th>
            <th>{t('evaluation.evaluators')}</th>
          </tr>
        </thead>
        <tbody>
          {e.scores.byAspect.map((a) => (
            <tr key={a.aspect} data-testid={`evaluation-aspect-${a.aspect}`}>
              <td>{aspectLabel(a.aspect, a.label, t, lang)}</td>
              <td>{a.weight}</td>
              <td>{a.maxScore}</td>
              <td>{a.mean === null ? t('evaluation.unscored') : a.mean}</td>
              <td>{t('evaluation.people', { n: String(a.evaluators) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="evaluation-overall">
        {t('evaluation.overall')}：
        {e.scores.overallPercent === null
          ? t('evaluation.unscored')
          : t('evaluation.points', { n: String(e.scores.overallPercent) })}
      </p>
      {!mayScore() ? (
        <p className="muted">{t('evaluation.scoreRole')}</p>
      ) : e.status !== 'ended' ? (
        <p className="muted" data-testid="evaluation-score-waits">
          {t('evaluation.scoreWaits')}
        </p>
      ) : (
        <form className="evaluation-score-form" data-testid="evaluation-score-form" onSubmit={(ev) => void submit(ev)}>
          <h3>{t('evaluation.scoreForm')}</h3>
          {e.rubric.map((a) => (
            <div className="evaluation-score-row" key={a.key}>
              <span>{aspectLabel(a.key, a.label, t, lang)}</span>
              <label>
                <span className="small muted">{t('evaluation.scoreCaption', { max: String(a.maxScore) })}</span>
                <input
                  type="number"
                  min={0}
                  max={a.maxScore}
                  step="any"
                  data-testid={`evaluation-score-${a.key}`}
                  aria-label={t('evaluation.scoreFor', { aspect: shortLabel(a.label), max: String(a.maxScore) })}
                  value={values[a.key] ?? ''}
                  onChange={(ev) => setValues({ ...values, [a.key]: ev.target.value })}
                />
              </label>
              <label>
                <span className="small muted">{t('evaluation.commentCaption')}</span>
                <input
                  type="text"
                  maxLength={2000}
                  data-testid={`evaluation-comment-${a.key}`}
                  aria-label={t('evaluation.commentFor', { aspect: shortLabel(a.label) })}
                  value={comments[a.key] ?? ''}
                  onChange={(ev) => setComments({ ...comments, [a.key]: ev.target.value })}
                />
              </label>
            </div>
          ))}
          {missing && (
            <p className="feedback error" role="alert">
              {t('evaluation.scoreNeedsOne')}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy} data-testid="evaluation-submit-scores">
            {t('evaluation.submitScores')}
          </button>
        </form>
      )}
    </section>
  );
}

function Findings({ e, run }: { e: DrillEvaluationView; run: Run }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [onPlan, setOnPlan] = useState(true);
  const [busy, setBusy] = useState(false);
  const plan = e.drill.planId;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    const body = { text: text.trim(), ...(plan && onPlan ? { planId: plan } : {}) };
    if (await run('findings', body, t('evaluation.findingSaved'), t('evaluation.findingFailed'))) setText('');
    setBusy(false);
  };
  return (
    <section className="panel" data-testid="evaluation-findings">
      <h2>{t('evaluation.findings')}</h2>
      {e.findings.length === 0 ? (
        <p className="muted">{t('evaluation.noFindings')}</p>
      ) : (
        <ol data-testid="evaluation-finding-list">
          {e.findings.map((f) => (
            <li key={f.findingId}>
              {f.text}
              <span className="small muted">
                {' '}
                · {t('evaluation.findingBy', { name: f.recordedByName })}
                {f.planTitle ? ` · ${t('evaluation.findingWaits', { plan: f.planTitle })}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
      {mayScore() && (
        <form className="evaluation-form" data-testid="evaluation-finding-form" onSubmit={(ev) => void submit(ev)}>
          <label className="field">
            <span className="small muted">{t('evaluation.findingText')}</span>
            <textarea
              rows={2}
              maxLength={2000}
              required
              data-testid="evaluation-finding-text"
              aria-label={t('evaluation.findingText')}
              value={text}
              onChange={(ev) => setText(ev.target.value)}
            />
          </label>
          {plan && (
            <label>
              <input
                type="checkbox"
                checked={onPlan}
                data-testid="evaluation-finding-on-plan"
                onChange={(ev) => setOnPlan(ev.target.checked)}
              />{' '}
              {t('evaluation.findingOnPlan', { plan: e.names.planTitle ?? '' })}
            </label>
          )}
          <div>
            <button type="submit" disabled={busy || !text.trim()} data-testid="evaluation-add-finding">
              {t('evaluation.addFinding')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Conclusion({ e, run }: { e: DrillEvaluationView; run: Run }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(e.evaluatorsConclusion?.text ?? '');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    await run('conclusion', { text: text.trim() }, t('evaluation.conclusionSaved'), t('evaluation.conclusionFailed'));
    setBusy(false);
  };
  return (
    <section className="panel" data-testid="evaluation-conclusion">
      <h2>{t('evaluation.conclusion')}</h2>
      <p>
        {t('evaluation.verdict')}
        {lang === 'zh' ? '：' : ': '}
        <span className="evaluation-verdict" data-testid="evaluation-verdict" data-verdict={e.conclusion.verdict}>
          {lang === 'zh' ? e.conclusion.verdictLabel : t(`evaluation.verdictWord.${e.conclusion.verdict}`)}
        </span>
      </p>
      <p data-testid="evaluation-verdict-reason">{e.conclusion.reason}</p>
      <p className="small muted">
        {t('evaluation.rule')}：{e.conclusion.rule}
      </p>
      {e.evaluatorsConclusion && (
        <p data-testid="evaluation-evaluators-text">
          {t('evaluation.evaluatorsText')}：{e.evaluatorsConclusion.text}（{e.evaluatorsConclusion.recordedByName}）
        </p>
      )}
      {mayScore() && e.status === 'ended' && (
        <form className="evaluation-form" data-testid="evaluation-conclusion-form" onSubmit={(ev) => void submit(ev)}>
          <label className="field">
            <span className="small muted">{t('evaluation.evaluatorsText')}</span>
            <textarea
              rows={3}
              maxLength={4000}
              data-testid="evaluation-conclusion-text"
              aria-label={t('evaluation.evaluatorsText')}
              value={text}
              onChange={(ev) => setText(ev.target.value)}
            />
          </label>
          <div>
            <button type="submit" disabled={busy || !text.trim()} data-testid="evaluation-save-conclusion">
              {t('evaluation.saveConclusion')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The report as a document in the console, with the print button (the browser's print: to paper or to PDF). */
function ReportView({ id }: { id: string }) {
  const { t } = useI18n();
  const doc = useQuery({
    queryKey: evaluationDocumentKey(id),
    queryFn: () => get<EvaluationDocument>(`/drills/${encodeURIComponent(id)}/evaluation/document`),
  });
  if (doc.isPending) return <p className="muted">{t('evaluation.reportLoading')}</p>;
  if (doc.isError)
    return (
      <>
        <p className="muted">{t('evaluation.reportError')}</p>
        <ErrorMessage error={doc.error} testId="evaluation-report-error" />
      </>
    );
  return (
    <section data-testid="evaluation-report">
      <p>
        <button type="button" className="primary" data-testid="evaluation-print" onClick={() => window.print()}>
          {t('evaluation.print')}
        </button>
      </p>
      <EvaluationDocumentView doc={doc.data} />
    </section>
  );
}

/**
 * An aspect as the reader's language names it: the server writes the rubric in Chinese (it is printed in the official
 * report); the aspects of the AQ/T 9009 default rubric have their own English names, others keep the rubric's words.
 */
function aspectLabel(key: string, label: string, t: Translate, lang: Lang): string {
  const own = `evaluation.aspectName.${key}` as MessageKey;
  return lang === 'zh' || !(own in ASPECT_NAMES_KNOWN) ? label : t(own);
}

const ASPECT_NAMES_KNOWN: Record<string, true> = Object.fromEntries(
  [
    'preparation',
    'warning_reporting',
    'response_command',
    'onsite_action',
    'resources',
    'recovery',
    'plan_fitness',
  ].map((k) => [`evaluation.aspectName.${k}`, true]),
);

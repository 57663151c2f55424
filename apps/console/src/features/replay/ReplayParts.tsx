import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { IncidentView } from '@app/incidents/contract';
import type { ReplayEventData, ReplayView } from '@app/replay/contract';
import { GradeBadge, LevelBadge, StatusBadge } from '../../components';
import { useI18n } from '../../i18n';
import { StoreContext } from '../../store';
import { formatTime } from '../../time';
import { ErrorMessage } from '../errors/ErrorMessage';
import { useLabels } from '../labels/labels';
import { eventSentence, type SentenceContext } from './event-sentences';
import { clampSpeed, MAX_SPEED, MIN_SPEED, type ReplayStatus, type useReplay } from './use-replay';
import './replay.css';

/**
 * Names for the sentences: teams and warehouses from the console's store (when the screen runs inside it), materials
 * from the label catalogue or a warehouse's stock line, incidents from the replay's own states.
 */
export function useSentenceContext(states: ReadonlyMap<string, IncidentView>): SentenceContext {
  const { lang } = useI18n();
  const { label } = useLabels();
  const store = useContext(StoreContext);
  const teams = store?.state.teams;
  const warehouses = store?.state.warehouses;
  return useMemo<SentenceContext>(
    () => ({
      lang,
      time: (iso) => formatTime(iso, true),
      label: (group, code) => label(group, code),
      teamName: (id) => teams?.[id]?.name,
      warehouseName: (id) => warehouses?.[id]?.name,
      materialName: (code) => {
        const fromStock = Object.values(warehouses ?? {})
          .flatMap((w) => w.stock)
          .find((line) => line.materialCode === code)?.materialName;
        return label('material', code, fromStock ?? null);
      },
      incidentTitle: (id) => states.get(id)?.title,
    }),
    [lang, label, teams, warehouses, states],
  );
}

/** Start (or change the speed), pause, resume, the status, and the figures, each saying what it is and its unit. */
export function ReplayControls({ replay, mayRun }: { replay: ReturnType<typeof useReplay>; mayRun: boolean }) {
  const { t } = useI18n();
  const { info, status, played, atMs, sending } = replay;
  const [speed, setSpeed] = useState(20);
  const started = info !== null;
  return (
    <div className="replay-bar">
      <div className="replay-controls">
        <label>
          {t('replay.speed.choose')}
          <input
            type="number"
            min={MIN_SPEED}
            max={MAX_SPEED}
            step={1}
            value={speed}
            data-testid="replay-speed"
            disabled={!mayRun}
            onChange={(e) => setSpeed(Number(e.target.value))}
          />
        </label>
        {started && (
          <button
            type="button"
            data-testid="replay-speed-apply"
            disabled={!mayRun || sending || status === 'finished' || clampSpeed(speed) === info.speed}
            onClick={() => void replay.changeSpeed(speed)}>
            {t('replay.speed.apply')}
          </button>
        )}
        <button
          type="button"
          data-testid="replay-start"
          disabled={!mayRun || sending}
          onClick={() => void replay.start(speed)}>
          {t('replay.start')}
        </button>
        <button
          type="button"
          data-testid="replay-pause"
          disabled={!mayRun || sending || status !== 'running'}
          onClick={() => void replay.pause()}>
          {t('replay.pause')}
        </button>
        <button
          type="button"
          data-testid="replay-resume"
          disabled={!mayRun || sending || status !== 'paused'}
          onClick={() => void replay.resume()}>
          {t('replay.resume')}
        </button>
        <StatusPill status={status} />
      </div>
      {!mayRun && <p className="muted">{t('replay.readOnly')}</p>}
      <p className="replay-figures" data-testid="replay-figures">
        <span data-testid="replay-played" data-n={played.length} data-total={info?.total ?? ''}>
          {t('replay.figure.played', { n: played.length, total: info?.total ?? '—' })}
        </span>
        <span data-testid="replay-speed-shown" data-speed={info?.speed ?? ''}>
          {t('replay.figure.speed', { speed: info?.speed ?? clampSpeed(speed) })}
        </span>
        <span>
          {t('replay.figure.at')}{' '}
          <time data-testid="replay-at">
            {atMs !== null && info ? formatTime(new Date(atMs).toISOString(), true) : '—'}
          </time>
        </span>
      </p>
      <ErrorMessage error={replay.error} testId="replay-error" />
    </div>
  );
}

function StatusPill({ status }: { status: ReplayStatus }) {
  const { t } = useI18n();
  return (
    <span
      className={`replay-status replay-${status}`}
      data-testid="replay-status"
      data-status={status}
      role="status"
      aria-live="polite">
      {t(`replay.status.${status}`)}
    </span>
  );
}

/** The recorded span as a slider: dragging seeks (the starter only), the ends are labelled with their local times. */
export function ReplayScrubber({ replay, mayRun }: { replay: ReturnType<typeof useReplay>; mayRun: boolean }) {
  const { t } = useI18n();
  const { info, atMs } = replay;
  const fromMs = info ? Date.parse(info.from) : 0;
  const toMs = info ? Date.parse(info.to) : 0;
  return (
    <div className="replay-timeline">
      <input
        type="range"
        data-testid="replay-scrubber"
        aria-label={t('replay.scrubber')}
        title={t('replay.seek.hint')}
        disabled={!info || !mayRun}
        min={fromMs}
        max={toMs}
        step={1}
        value={atMs ?? fromMs}
        onChange={(e) => replay.seek(Number(e.target.value))}
      />
      <div className="muted replay-times">
        <span data-testid="replay-from">
          {t('replay.figure.from')} {info ? formatTime(info.from, true) : '—'}
        </span>
        <span data-testid="replay-span">{info ? spanText(info, t) : ''}</span>
        <span data-testid="replay-to">
          {t('replay.figure.to')} {info ? formatTime(info.to, true) : '—'}
        </span>
      </div>
    </div>
  );
}

function spanText(info: ReplayView, t: ReturnType<typeof useI18n>['t']): string {
  const seconds = Math.max(0, Math.round((Date.parse(info.to) - Date.parse(info.from)) / 1000));
  // A short drill or a quick test reads in seconds; anything of two minutes or more in whole minutes.
  return seconds < 120
    ? t('replay.figure.spanSeconds', { seconds })
    : t('replay.figure.span', { minutes: Math.round(seconds / 60) });
}

/** The events played so far as sentences with their actors; the newest is highlighted and scrolled into view. */
export function ReplayEventList({ played, context }: { played: readonly ReplayEventData[]; context: SentenceContext }) {
  const { t, lang } = useI18n();
  const listRef = useRef<HTMLOListElement>(null);
  const newest = played[played.length - 1]?.index;
  useEffect(() => {
    const list = listRef.current;
    // Scroll the list itself (not the page) so the newest line stays in view while the replay plays.
    if (list) list.scrollTop = list.scrollHeight;
  }, [newest]);
  const colon = lang === 'zh' ? '：' : ': ';
  return (
    <section className="panel replay-events" aria-labelledby="replay-events-title">
      <h2 id="replay-events-title">{t('replay.list.title')}</h2>
      {played.length === 0 ? (
        <p className="muted" data-testid="replay-events-empty">
          {t('replay.list.empty')}
        </p>
      ) : (
        <ol ref={listRef} className="replay-event-list" data-testid="replay-events">
          {played.map((e) => (
            <li
              key={e.index}
              className={e.index === newest ? 'replay-event newest' : 'replay-event'}
              data-testid="replay-event"
              data-type={e.event.type}
              data-index={e.index}
              aria-current={e.index === newest ? 'true' : undefined}>
              <time className="replay-event-time" dateTime={e.event.recordedAt}>
                {formatTime(e.event.recordedAt, true)}
              </time>
              <span className="replay-event-text" data-testid="replay-event-text">
                {eventSentence(e.event.type, e.event.data, context)}
              </span>
              <span className="replay-event-actor muted" data-testid="replay-event-actor">
                {actorText(e, t, colon)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function actorText(e: ReplayEventData, t: ReturnType<typeof useI18n>['t'], colon: string): string {
  const a = e.actor;
  if (!a) return t('replay.list.nobody');
  const who = a.kind === 'system' ? `${t('replay.list.system')}${colon}${a.name}` : a.name;
  return `${t('replay.list.actor')}${colon}${who}${a.via ? ` (${t('replay.list.via', { via: a.via })})` : ''}`;
}

/** An incident at the replay's instant: every figure with its label and unit. */
export function IncidentStateCard({ state, context }: { state: IncidentView; context: SentenceContext }) {
  const { t } = useI18n();
  const c = state.casualties;
  return (
    <div
      className="replay-incident"
      data-testid="replay-incident-state"
      data-incident-id={state.id}
      data-grade={state.grade}
      data-response-level={state.responseLevel ?? ''}
      data-status={state.status}
      data-revision={state.revision}>
      <h3>{state.title}</h3>
      <div className="badges">
        <GradeBadge grade={state.grade} />
        <LevelBadge level={state.responseLevel} />
        <StatusBadge status={state.status} />
      </div>
      <dl className="facts">
        <dt>{t('replay.state.place')}</dt>
        <dd>{state.location.address}</dd>
        <dt>{t('replay.cas.title')}</dt>
        <dd data-testid="replay-casualties">
          {[
            t('replay.cas.deaths', { n: c.deaths }),
            t('replay.cas.missing', { n: c.missing }),
            t('replay.cas.serious', { n: c.seriousInjuries }),
            t('replay.cas.minor', { n: c.minorInjuries }),
            t('replay.cas.trapped', { n: c.trapped }),
          ].join(context.lang === 'zh' ? '，' : ', ')}
        </dd>
        <dt>{t('replay.teams')}</dt>
        <dd data-testid="replay-teams">
          {t('replay.state.teamCount', { n: state.assignedTeams.length })}
          {state.assignedTeams.length > 0 &&
            `${context.lang === 'zh' ? '：' : ': '}${state.assignedTeams
              .map((a) =>
                context.lang === 'zh'
                  ? `${a.name}（${context.label('teamStatus', a.status)}）`
                  : `${a.name} (${context.label('teamStatus', a.status)})`,
              )
              .join(context.lang === 'zh' ? '、' : ', ')}`}
        </dd>
        <dt>{t('replay.allocations')}</dt>
        <dd data-testid="replay-allocations">{t('replay.state.allocationCount', { n: state.allocations.length })}</dd>
        <dt>{t('replay.state.updated')}</dt>
        <dd>{formatTime(state.updatedAt, true)}</dd>
      </dl>
    </div>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { ApiError, commandPost, get, type CommandOutcome } from '../../api';
import { GradeBadge, LevelBadge, StatusBadge } from '../../components';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { can } from '../../store';
import { formatTime } from '../../time';
import type { IncidentView } from '@app/incidents/contract';
import type { ReplayMessages, ReplayStatus as ServerReplayStatus, ReplayView } from '@app/replay/contract';
import type { Session } from '../../ui-types';
import { useErrorText } from '../errors/ErrorMessage';
import { useLabels } from '../labels/labels';

/** The screen's own state adds `idle` (nothing started yet) to the server's replay statuses. */
type ReplayStatus = 'idle' | ServerReplayStatus;

/**
 * 复盘回放 (/replay/<incidentId>): starts a replay of the incident at ×1–×100 and follows it on its own `/console`
 * socket (room `replay:{id}`), so the live board's subscription is left alone. The state shown is the `state` of the
 * last `replay.event`; the scrubber seeks within the recorded span.
 */
export function ReplayScreen({ incidentId, session }: { incidentId: string; session: Session }) {
  const { t, lang } = useI18n();
  const { label } = useLabels();
  const errorLine = useErrorText();
  const [speed, setSpeed] = useState(20);
  const [info, setInfo] = useState<ReplayView | null>(null);
  const [status, setStatus] = useState<ReplayStatus>('idle');
  const [state, setState] = useState<IncidentView | null>(null);
  const [lastEvent, setLastEvent] = useState<{ type: string; recordedAt: string; index: number; total: number } | null>(
    null,
  );
  const [atMs, setAtMs] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Start, pause and resume are disabled while one of them is in flight (a double click sends one).
  const [sending, setSending] = useState(false);
  const socketRef = useRef<Socket | null>(null);
  const seekTimer = useRef<number | undefined>(undefined);
  const statusRef = useRef<ReplayStatus>('idle');
  useEffect(() => {
    statusRef.current = status;
  }, [status]);

  const closeSocket = useCallback(() => {
    socketRef.current?.removeAllListeners();
    socketRef.current?.disconnect();
    socketRef.current = null;
  }, []);
  useEffect(
    () => () => {
      closeSocket();
      window.clearTimeout(seekTimer.current);
    },
    [closeSocket],
  );

  const follow = useCallback(
    (replayId: string) => {
      closeSocket();
      const socket = io('/console', { auth: { token: session.accessToken }, transports: ['websocket', 'polling'] });
      socketRef.current = socket;
      socket.on('connect', () => {
        void socket
          .timeout(10_000)
          .emitWithAck('subscribe', { replayId })
          .then(
            (ack: { ok: boolean; code?: string; error?: string }) => {
              // The refusal's code through the catalogue; the Chinese sentence only where no code came (and in Chinese).
              if (!ack.ok)
                setError(
                  ack.code
                    ? errorLine(new ApiError(404, ack.code, ack.error ?? ''))
                    : lang === 'zh' && ack.error
                      ? ack.error
                      : t('replay.error'),
                );
            },
            () => setError(t('replay.error')),
          );
      });
      socket.on('replay.event', (m: ReplayMessages['replay.event']) => {
        if (m.data.state) setState(m.data.state);
        setLastEvent({
          type: m.data.event.type,
          recordedAt: m.data.event.recordedAt,
          index: m.data.index,
          total: m.data.total,
        });
        setAtMs(Date.parse(m.data.event.recordedAt));
        if (!m.data.seek && statusRef.current !== 'paused') setStatus('running');
      });
      socket.on('replay.finished', () => setStatus('finished'));
    },
    [closeSocket, session.accessToken, t, lang, errorLine],
  );

  const start = useCallback(async () => {
    setError(null);
    setState(null);
    setLastEvent(null);
    setSending(true);
    try {
      const clamped = Math.min(100, Math.max(1, Number(speed) || 1));
      const outcome = await commandPost<{ replayId: string }>('/replays', { incidentId, speed: clamped });
      const replayId = outcome.kind === 'done' ? outcome.body.replayId : outcome.accepted.id;
      const described = await get<ReplayView>(`/replays/${replayId}`);
      setInfo(described);
      setAtMs(Date.parse(described.from));
      setStatus(described.status);
      follow(replayId);
    } catch (err) {
      setError(errorLine(err, t('replay.error')));
    } finally {
      setSending(false);
    }
  }, [speed, incidentId, follow, t, errorLine]);

  /** The replay's status from a steering command's answer, or read again when it was only accepted. */
  const statusOf = useCallback(
    async (replayId: string, outcome: CommandOutcome<ReplayView>) =>
      outcome.kind === 'done' ? outcome.body.status : (await get<ReplayView>(`/replays/${replayId}`)).status,
    [],
  );

  const control = useCallback(
    async (action: 'pause' | 'resume') => {
      if (!info) return;
      setSending(true);
      try {
        setStatus(await statusOf(info.replayId, await commandPost<ReplayView>(`/replays/${info.replayId}/${action}`)));
      } catch (err) {
        setError(errorLine(err, t('replay.error')));
      } finally {
        setSending(false);
      }
    },
    [info, statusOf, t, errorLine],
  );

  const seek = useCallback(
    (ms: number) => {
      setAtMs(ms);
      window.clearTimeout(seekTimer.current);
      seekTimer.current = window.setTimeout(() => {
        if (!info) return;
        commandPost<ReplayView>(`/replays/${info.replayId}/seek`, { at: new Date(ms).toISOString() })
          .then((outcome) => statusOf(info.replayId, outcome))
          .then(setStatus, (err: unknown) => setError(errorLine(err, t('replay.error'))));
      }, 250);
    },
    [info, statusOf, t, errorLine],
  );

  const fromMs = info ? Date.parse(info.from) : 0;
  const toMs = info ? Date.parse(info.to) : 0;
  const mayRun = can(session, 'command') || session.user.roles.includes('drill_coordinator');
  const shownStatus = status === 'idle' ? 'idle' : status;

  return (
    <article className="replay" data-testid="replay-view" data-incident-id={incidentId}>
      <header className="detail-head">
        <a href={`/incidents/${incidentId}`} className="back" onClick={linkHandler(`/incidents/${incidentId}`)}>
          ← {t('replay.back')}
        </a>
        <h1>{t('replay.title')}</h1>
        <div className="replay-controls">
          <label>
            {t('replay.speed')} ×
            <input
              type="number"
              min={1}
              max={100}
              step={1}
              value={speed}
              data-testid="replay-speed"
              disabled={!mayRun}
              onChange={(e) => setSpeed(Number(e.target.value))}
            />
          </label>
          <button type="button" data-testid="replay-start" disabled={!mayRun || sending} onClick={() => void start()}>
            {t('replay.start')}
          </button>
          <button
            type="button"
            data-testid="replay-pause"
            disabled={!mayRun || sending || status !== 'running'}
            onClick={() => void control('pause')}>
            {t('replay.pause')}
          </button>
          <button
            type="button"
            data-testid="replay-resume"
            disabled={!mayRun || sending || status !== 'paused'}
            onClick={() => void control('resume')}>
            {t('replay.resume')}
          </button>
          <span
            className={`replay-status replay-${shownStatus}`}
            data-testid="replay-status"
            data-status={shownStatus}
            role="status"
            aria-live="polite">
            {t(`replay.status.${shownStatus}`)}
          </span>
        </div>
        {!mayRun && <p className="muted">{t('replay.readOnly')}</p>}
        {error && (
          <div className="feedback error" role="alert" data-testid="replay-error">
            {error}
          </div>
        )}
      </header>

      <div className="replay-timeline">
        <input
          type="range"
          data-testid="replay-scrubber"
          aria-label={t('replay.scrubber')}
          disabled={!info || !mayRun}
          min={fromMs}
          max={toMs}
          step={1}
          value={atMs ?? fromMs}
          onChange={(e) => seek(Number(e.target.value))}
        />
        <div className="muted replay-times">
          <span>{info ? formatTime(info.from, true) : '—'}</span>
          <span data-testid="replay-at">
            {atMs !== null && info ? formatTime(new Date(atMs).toISOString(), true) : '—'}
          </span>
          <span>{info ? formatTime(info.to, true) : '—'}</span>
        </div>
        {lastEvent && (
          <p className="muted" data-testid="replay-last-event">
            {t('replay.event')}
            {lang === 'en' ? ': ' : '：'}
            <span data-testid="replay-event-name">{label('eventType', lastEvent.type, t('replay.event'))}</span>
            {lang === 'en' ? ' (' : '（'}
            {lastEvent.index + 1}/{lastEvent.total}
            {lang === 'en' ? ') ' : '）'}
            {formatTime(lastEvent.recordedAt, true)}
          </p>
        )}
      </div>

      <section
        className="panel"
        data-testid="replay-state"
        data-revision={state?.revision ?? ''}
        data-position={state?.position ?? ''}
        data-grade={state?.grade ?? ''}
        data-response-level={state?.responseLevel ?? ''}
        data-status={state?.status ?? ''}
        data-teams={state?.assignedTeams.length ?? ''}
        data-allocations={state?.allocations.length ?? ''}>
        <h2>{t('replay.state')}</h2>
        {!state ? (
          <p className="muted">{t('replay.noState')}</p>
        ) : (
          <>
            <h3>{state.title}</h3>
            <div className="badges">
              <GradeBadge grade={state.grade} />
              <LevelBadge level={state.responseLevel} />
              <StatusBadge status={state.status} />
            </div>
            <dl className="facts">
              <dt>{t('detail.casualties')}</dt>
              <dd data-testid="replay-casualties">{`${state.casualties.deaths} / ${state.casualties.missing} / ${state.casualties.seriousInjuries} / ${state.casualties.minorInjuries}`}</dd>
              <dt>{t('replay.teams')}</dt>
              <dd>{state.assignedTeams.length === 0 ? '—' : state.assignedTeams.map((a) => a.name).join('、')}</dd>
              <dt>{t('replay.allocations')}</dt>
              <dd>{state.allocations.length}</dd>
              <dt>{t('replay.updatedAt')}</dt>
              <dd>{formatTime(state.updatedAt, true)}</dd>
              <dt>{t('replay.revision')}</dt>
              <dd>{state.revision}</dd>
            </dl>
          </>
        )}
      </section>
    </article>
  );
}

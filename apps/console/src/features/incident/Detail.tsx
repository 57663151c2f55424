import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, commandPost, errorText, get, isAccepted, wasAccepted } from '../../api';
import { DrillMarker, GradeBadge, LevelBadge, StatusBadge, useNow } from '../../components';
import { categoryLabel, useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { can, useStore } from '../../store';
import type { Recommendations } from '@app/dispatch/contract';
import type { IncidentView, StoredEventView } from '@app/incidents/contract';
import type { PlanSuggestionsView, PlanView } from '@app/plans/contract';
import type { Session } from '../../ui-types';
import { FollowUpForm } from './follow-up-form';
import { CloseForm, ResponseLevelForm } from './forms';
import { PlansPanel } from './plans-panel';
import { RecommendationsPanel } from './recommendations-panel';
import { AccountPanel } from './account-panel';
import { incidentKeys, putIncident, useIncident } from './incident-queries';
import { BasicPanel, CasualtyHistoryPanel, ReportsPanel } from './report-panels';
import { ReportTextPanel } from './report-text-panel';
import { AllocationsPanel, AssignedTeamsPanel } from './resource-panels';
import { Panel, type Feedback } from './shared';
import { TasksPanel } from './tasks-panel';
import { TimelinePanel } from './timeline-panel';
import { DrillIncidentActions } from '../drills/DrillIncidentActions';

/**
 * The incident's workspace. Its server state (the incident, its timeline and account, its events and recommendations)
 * lives in the query cache and follows live deltas; the forms keep what is typed apart from it.
 */
export function DetailScreen({ id, session }: { id: string; session: Session }) {
  const { t, lang } = useI18n();
  const { state, dispatch, focusIncident, whenLiveReaches } = useStore();
  const client = useQueryClient();
  const now = useNow();
  // The board's copy shows at once while the incident is read.
  const query = useIncident(id, state.incidents[id]);
  const incident = query.data;
  const notFound = query.isError && query.error instanceof ApiError && query.error.status === 404;
  const [plans, setPlans] = useState<PlanView[]>([]);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const suggestions = state.suggestions[id];
  const mayReport = can(session, 'report');
  const mayCommand = can(session, 'command');

  // Follow this incident's room while the screen is open.
  useEffect(() => {
    focusIncident(id);
    get<PlanSuggestionsView>(`/incidents/${id}/plan-suggestions`).then(
      (s) => dispatch({ type: 'suggestions', suggestions: { ...s, incidentId: id } }),
      () => undefined,
    );
    get<PlanView[]>('/plans').then(setPlans, () => undefined);
    return () => focusIncident(null);
  }, [id, focusIncident, dispatch]);

  // Events (casualty history, reports) and recommendations follow the incident's revision.
  const revision = incident?.revision;
  const derived = { enabled: revision !== undefined, placeholderData: keepPreviousData };
  const events =
    useQuery({
      queryKey: [...incidentKeys.all(id), 'events', revision],
      queryFn: () => get<StoredEventView[]>(`/incidents/${id}/events`),
      ...derived,
    }).data ?? [];
  const recs =
    useQuery({
      queryKey: [...incidentKeys.all(id), 'recommendations', revision],
      queryFn: () => get<Recommendations>(`/incidents/${id}/recommendations`),
      ...derived,
    }).data ?? null;

  /** Reads everything of the incident again (after a command, or once a 202's delta has come). */
  const reload = useCallback(() => client.invalidateQueries({ queryKey: incidentKeys.all(id) }), [client, id]);

  const act = useCallback(
    async (label: string, fn: () => Promise<unknown>, after?: () => void) => {
      setBusy(label);
      setFeedback(null);
      try {
        const outcome = await fn();
        if (isAccepted(outcome)) {
          after?.();
          // Stored; the read models had not shown it yet. The live delta updates the incident by itself; read the
          // rest again once it has come (or a few seconds later), then say the screen is current.
          setFeedback({ kind: 'accepted', text: `${label}：${t('command.accepted')}` });
          void whenLiveReaches(outcome.accepted.position).then(async () => {
            await reload();
            setFeedback((shown) =>
              shown?.kind === 'accepted'
                ? { kind: 'accepted', text: `${label}：${t('command.acceptedShown')}` }
                : shown,
            );
          });
          return;
        }
        // An incident command answers with the incident: shown before the form lets go of what was sent.
        const body = (outcome as { body?: Partial<IncidentView> } | undefined)?.body;
        if (body?.id === id && typeof body.revision === 'number') putIncident(client, body as IncidentView);
        after?.();
        setFeedback({ kind: 'ok', text: `${label}：${t('ok')}` });
        await reload();
      } catch (err) {
        setFeedback({
          kind: 'error',
          text: `${label}：${errorText(err, t('error.generic'), t('command.uncertain'))}`,
        });
      } finally {
        setBusy(null);
      }
    },
    [id, client, reload, whenLiveReaches, t],
  );

  if (notFound && !incident)
    return (
      <div className="notice" data-testid="incident-not-found">
        {t('detail.notFound')}{' '}
        <a href="/board" onClick={linkHandler('/board')}>
          {t('detail.back')}
        </a>
      </div>
    );
  if (!incident)
    return wasAccepted(id) ? (
      <p className="notice accepted" data-testid="incident-accepted" role="status">
        {t('detail.acceptedPending')}
      </p>
    ) : (
      <p className="muted">{t('detail.loading')}</p>
    );
  const open = incident.status === 'open';

  return (
    <article
      className="detail"
      data-testid="incident-detail"
      data-incident-id={incident.id}
      data-status={incident.status}
      data-grade={incident.grade}
      data-response-level={incident.responseLevel ?? ''}>
      <header className="detail-head">
        <a href="/board" className="back" onClick={linkHandler('/board')}>
          ← {t('detail.back')}
        </a>
        <h1 data-testid="incident-title">
          {incident.drillId && <DrillMarker />} {incident.title}
        </h1>
        <a
          href={`/replay/${incident.id}`}
          className="linkish"
          data-testid="open-replay"
          onClick={linkHandler(`/replay/${incident.id}`)}>
          {t('replay.open')}
        </a>
        <div className="badges">
          <GradeBadge grade={incident.grade} />
          <LevelBadge level={incident.responseLevel} />
          <StatusBadge status={incident.status} />
          <span className="muted">
            {categoryLabel(incident.category, lang, incident.categoryLabel)} · {incident.jurisdictionName}
          </span>
        </div>
      </header>
      {feedback && (
        <div
          className={`feedback ${feedback.kind}`}
          data-testid="action-feedback"
          data-kind={feedback.kind}
          role={feedback.kind === 'error' ? 'alert' : 'status'}>
          {feedback.text}
        </div>
      )}

      <div className="detail-grid">
        {incident.drillId && <DrillIncidentActions incident={incident} />}
        <BasicPanel incident={incident} />
        <AccountPanel incidentId={id} />
        <ReportsPanel
          incident={incident}
          events={events}
          now={now}
          open={open}
          mayReport={mayReport}
          mayCommand={mayCommand}
          busy={busy !== null}
          act={act}
        />
        <ReportTextPanel incident={incident} />
        <TimelinePanel incidentId={id} />
        <CasualtyHistoryPanel events={events} />
        <TasksPanel incident={incident} canComplete={mayReport && open} busy={busy !== null} act={act} />
        <AssignedTeamsPanel incident={incident} teams={state.teams} />
        <AllocationsPanel
          incident={incident}
          warehouses={state.warehouses}
          mayCommand={mayCommand}
          busy={busy !== null}
          act={act}
        />
        <RecommendationsPanel
          id={id}
          recs={recs}
          warehouses={state.warehouses}
          canAct={mayCommand && open && !incident.drillId}
          busy={busy !== null}
          act={act}
        />
        <PlansPanel
          incident={incident}
          suggestions={suggestions}
          plans={plans}
          canAct={mayCommand && open}
          busy={busy !== null}
          act={act}
        />

        {mayCommand && open && (
          <Panel title={t('detail.responseLevel')}>
            <ResponseLevelForm
              current={incident.responseLevel}
              busy={busy !== null}
              onSubmit={(level, reason) =>
                void act(t('detail.setLevel'), () => commandPost(`/incidents/${id}/response-level`, { level, reason }))
              }
            />
          </Panel>
        )}

        {mayReport && open && (
          <Panel title={t('detail.followUp')}>
            <FollowUpForm
              incident={incident}
              busy={busy !== null}
              onSubmit={(body, reset) =>
                void act(t('detail.followUp'), () => commandPost(`/incidents/${id}/updates`, body), reset)
              }
            />
          </Panel>
        )}

        {mayCommand && open && (
          <Panel title={t('detail.close')}>
            <CloseForm
              busy={busy !== null}
              onSubmit={(summary) =>
                void act(t('detail.close'), () => commandPost(`/incidents/${id}/close`, { summary }))
              }
            />
          </Panel>
        )}
      </div>
    </article>
  );
}

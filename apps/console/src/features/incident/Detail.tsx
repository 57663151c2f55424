import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import './workspace.css';
import { ApiError, commandPost, errorText, get, isAccepted, wasAccepted, getAll } from '../../api';
import { DrillMarker, GradeBadge, LevelBadge, StatusBadge, useNow } from '../../components';
import { categoryLabel, useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { can, useStore } from '../../store';
import type { Recommendations } from '@app/dispatch/contract';
import type { IncidentView, StoredEventView } from '@app/incidents/contract';
import type { PlanSuggestionsView, PlanView } from '@app/plans/contract';
import type { Session } from '../../ui-types';
import { FollowUpForm } from './follow-up-form';
import { AllocateSheet } from './allocate-sheet';
import { CommandBar, type ActionKey, type CommandAction } from './command-bar';
import { DispatchSheet } from './dispatch-sheet';
import { CloseForm, ReportUpForm, ResponseLevelForm } from './forms';
import { IncidentMapPanel } from './incident-map';
import { LevelConfirmDialog, type LevelChange } from './level-confirm';
import { MovesSheet } from './moves-sheet';
import { PlanActions, PlansPanel } from './plans-panel';
import { AccountPanel } from './account-panel';
import { incidentKeys, putIncident, useIncident } from './incident-queries';
import { BasicPanel, CasualtyHistoryPanel, ReportsPanel } from './report-panels';
import { ReportTextPanel } from './report-text-panel';
import { AllocationsPanel, AssignedTeamsPanel } from './resource-panels';
import { Panel, type Feedback } from './shared';
import { TasksPanel } from './tasks-panel';
import { TimelinePanel } from './timeline-panel';
import { DrillIncidentActions } from '../drills/DrillIncidentActions';
import { DrillStoppedNotice, IncidentBackLink, useDrillGate } from './drill-gate';
import { ConsultationPanel } from '../experts/ConsultationPanel';
import { mayConsult } from '../experts/queries';
import { ShelterPanel } from '../shelters/ShelterPanel';
import { mayRecordOccupancy } from '../shelters/queries';

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
  const [levelChange, setLevelChange] = useState<LevelChange | null>(null);
  // Which action's form is open; `undefined` until the commander chooses, when the workspace opens the likeliest one.
  const [chosenAction, setChosenAction] = useState<ActionKey | null | undefined>(undefined);
  const suggestions = state.suggestions[id];
  // A drill incident takes commands only while its drill runs; otherwise none is offered (the server would refuse).
  const gate = useDrillGate({ drillId: query.data?.drillId ?? null });
  const mayReport = can(session, 'report') && gate.mayAct;
  const mayCommand = can(session, 'command') && gate.mayAct;

  // Follow this incident's room while the screen is open.
  useEffect(() => {
    focusIncident(id);
    get<PlanSuggestionsView>(`/incidents/${id}/plan-suggestions`).then(
      (s) => dispatch({ type: 'suggestions', suggestions: { ...s, incidentId: id } }),
      () => undefined,
    );
    getAll<PlanView>('/plans').then(setPlans, () => undefined);
    return () => focusIncident(null);
  }, [id, focusIncident, dispatch]);

  // Events (casualty history, reports) and recommendations follow the incident's revision.
  // The position moves with every change the board shows (an allocation's too, which is not the incident's revision).
  const revision = incident ? `${incident.revision}@${incident.position}` : undefined;
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
  const busyNow = busy !== null;
  const real = !incident.drillId;
  const confirmLevel = (change: LevelChange) => setLevelChange(change);
  const movable = incident.assignedTeams.some((a) => !a.simulated && a.status !== 'available');

  // Only what can apply is offered: commanders decide level, plan, dispatch and allocation while the response is on
  // (real resources go to real incidents only); the watch logs team movements and reports up.
  const actions: CommandAction[] = [];
  if (mayCommand && open)
    actions.push(
      {
        key: 'level',
        label: t('incident.action.level'),
        content: (
          <ResponseLevelForm
            current={incident.responseLevel}
            busy={busyNow}
            onSubmit={(level, reason) => {
              const send = () =>
                void act(t('detail.setLevel'), () => commandPost(`/incidents/${id}/response-level`, { level, reason }));
              if (level === incident.responseLevel) send();
              else confirmLevel({ from: incident.responseLevel, to: level, reason, send });
            }}
          />
        ),
      },
      {
        key: 'plan',
        label: t('incident.action.plan'),
        content: (
          <PlanActions
            incident={incident}
            suggestions={suggestions}
            plans={plans}
            busy={busyNow}
            act={act}
            confirmLevel={confirmLevel}
          />
        ),
      },
    );
  if (mayCommand && open && real)
    actions.push(
      {
        key: 'dispatch',
        label: t('incident.action.dispatch'),
        content: <DispatchSheet incident={incident} recs={recs} teamsNow={state.teams} busy={busyNow} act={act} />,
      },
      {
        key: 'allocate',
        label: t('incident.action.allocate'),
        content: <AllocateSheet incidentId={id} recs={recs} warehouses={state.warehouses} busy={busyNow} act={act} />,
      },
    );
  if (mayReport && movable && real)
    actions.push({
      key: 'moves',
      label: t('incident.action.moves'),
      content: <MovesSheet incident={incident} teams={state.teams} busy={busyNow} act={act} />,
    });
  // After 响应终止 the 终报 and any 补报 are still passed up.
  if (mayReport)
    actions.push({
      key: 'report',
      label: t('incident.action.report'),
      content: (
        <ReportUpForm
          busy={busyNow}
          onSubmit={(toLevel, channel) =>
            void act(t('detail.reportUp'), () => commandPost(`/incidents/${id}/reports`, { toLevel, channel }))
          }
        />
      ),
    });
  const likeliest: ActionKey | null = actions.some((a) => a.key === 'dispatch')
    ? 'dispatch'
    : actions.some((a) => a.key === 'moves')
      ? 'moves'
      : null;
  const openAction = chosenAction === undefined ? likeliest : chosenAction;

  return (
    <article
      className="detail incident-workspace"
      data-testid="incident-detail"
      data-incident-id={incident.id}
      data-status={incident.status}
      data-grade={incident.grade}
      data-response-level={incident.responseLevel ?? ''}>
      <header className="detail-head incident-head">
        <IncidentBackLink incident={incident} />
        <h1 data-testid="incident-title">
          {incident.drillId && <DrillMarker />} {incident.title}
        </h1>
        <div className="badges">
          <GradeBadge grade={incident.grade} />
          <LevelBadge level={incident.responseLevel} />
          <StatusBadge status={incident.status} />
          <span className="muted">
            {categoryLabel(incident.category, lang, incident.categoryLabel)} · {incident.jurisdictionName}
          </span>
          <a
            href={`/replay/${incident.id}`}
            className="linkish"
            data-testid="open-replay"
            onClick={linkHandler(`/replay/${incident.id}`)}>
            {t('replay.open')}
          </a>
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
      {gate.stopped && <DrillStoppedNotice status={gate.stopped} />}
      <CommandBar actions={actions} open={openAction} onOpen={setChosenAction} />
      {levelChange && <LevelConfirmDialog change={levelChange} onClose={() => setLevelChange(null)} />}
      {incident.drillId && <DrillIncidentActions incident={incident} />}

      <div className="incident-columns">
        <div className="incident-column">
          <TimelinePanel incidentId={id} />
          <CasualtyHistoryPanel events={events} />
        </div>
        <div className="incident-column">
          <IncidentMapPanel incident={incident} teams={state.teams} warehouses={state.warehouses} />
          <AssignedTeamsPanel incident={incident} teams={state.teams} />
          <AllocationsPanel
            incident={incident}
            warehouses={state.warehouses}
            mayCommand={mayCommand}
            busy={busyNow}
            act={act}
          />
          <TasksPanel incident={incident} canComplete={mayReport && open} busy={busyNow} act={act} />
          <ConsultationPanel incident={incident} mayConsult={mayConsult(session)} />
          <ShelterPanel incident={incident} mayRecord={mayRecordOccupancy(session)} />
        </div>
        <div className="incident-column">
          <BasicPanel incident={incident} />
          <ReportsPanel
            incident={incident}
            events={events}
            now={now}
            open={open}
            mayReport={mayReport}
            mayCommand={mayCommand}
            busy={busyNow}
            act={act}
          />
          <PlansPanel incident={incident} />
          <AccountPanel incidentId={id} />
          <ReportTextPanel incident={incident} />
          {mayReport && open && (
            <Panel title={t('detail.followUp')}>
              <FollowUpForm
                incident={incident}
                busy={busyNow}
                onSubmit={(body, reset) =>
                  void act(t('detail.followUp'), () => commandPost(`/incidents/${id}/updates`, body), reset)
                }
              />
            </Panel>
          )}
          {mayCommand && open && (
            <Panel title={t('detail.close')}>
              <CloseForm
                busy={busyNow}
                onSubmit={(summary) =>
                  void act(t('detail.close'), () => commandPost(`/incidents/${id}/close`, { summary }))
                }
              />
            </Panel>
          )}
        </div>
      </div>
    </article>
  );
}

import { useState } from 'react';
import { commandPost } from '../../api';
import { useI18n } from '../../i18n';
import type { Recommendations } from '@app/dispatch/contract';
import type { IncidentView } from '@app/incidents/contract';
import type { TeamView } from '@app/teams/contract';
import type { Act } from './shared';

const COMMITTED = new Set(['dispatched', 'en_route', 'on_scene']);

/** The needed specialties as "危险化学品处置 0/2", those still short first, those met marked as such. */
export function TeamNeeds({ recs }: { recs: Recommendations }) {
  const { t } = useI18n();
  if (recs.teamNeeds.length === 0) return null;
  return (
    <ul className="incident-needs" data-testid="team-needs" aria-label={t('incident.dispatch.needs')}>
      {recs.teamNeeds.map((n) => (
        <li
          key={n.specialty}
          data-testid="team-need"
          data-specialty={n.specialty}
          data-remaining={n.remaining}
          className={n.remaining > 0 ? 'need-open' : 'need-met'}>
          {t('incident.dispatch.needLine', { name: n.label, assigned: n.assigned, count: n.count })}
          {n.remaining === 0 && `（${t('incident.dispatch.met')}）`}
        </li>
      ))}
    </ul>
  );
}

/**
 * 调派: the available teams as the recommendations rank them (those bringing a still-missing specialty first), each
 * with the task it is sent for. A team already working the incident is never offered again.
 */
export function DispatchSheet({
  incident,
  recs,
  teamsNow,
  busy,
  act,
}: {
  incident: IncidentView;
  recs: Recommendations | null;
  /** The team board as it stands now (live): a team no longer available is not offered. */
  teamsNow: Record<string, TeamView>;
  busy: boolean;
  act: Act;
}) {
  const { t } = useI18n();
  const [tasks, setTasks] = useState<Record<string, string>>({});
  // Teams sent from here: not offered again while the incident and the team board catch up with the dispatch.
  const [sent, setSent] = useState<ReadonlySet<string>>(new Set());
  if (!recs) return <p className="muted">{t('detail.loading')}</p>;
  const working = new Set(incident.assignedTeams.filter((a) => COMMITTED.has(a.status)).map((a) => a.teamId));
  const teams = recs.teams.filter(
    (r) => !working.has(r.teamId) && !sent.has(r.teamId) && (teamsNow[r.teamId]?.status ?? 'available') === 'available',
  );
  return (
    <div data-testid="dispatch-sheet">
      <TeamNeeds recs={recs} />
      {teams.length === 0 ? (
        <p className="muted">{t('incident.dispatch.none')}</p>
      ) : (
        <ul className="list incident-choices">
          {teams.map((r) => {
            const task = tasks[r.teamId] ?? '';
            const inputId = `dispatch-task-${r.teamId}`;
            return (
              <li key={r.teamId} data-testid="recommended-team" data-team-id={r.teamId}>
                <div className="incident-choice-text">
                  <strong>{r.name}</strong>{' '}
                  <span className="small muted">
                    {r.distanceKm} {t('km')} · {t('eta')} {r.etaMinutes} {t('minutes')}
                  </span>
                  <div className="small">{r.reason}</div>
                </div>
                <label className="sr-only" htmlFor={inputId}>
                  {t('incident.dispatch.task')}
                </label>
                <input
                  id={inputId}
                  data-testid="dispatch-task"
                  maxLength={1000}
                  placeholder={`${t('incident.dispatch.task')}：${t('incident.dispatch.taskHint')}`}
                  value={task}
                  onChange={(e) => setTasks((all) => ({ ...all, [r.teamId]: e.target.value }))}
                />
                <button
                  type="button"
                  className="primary"
                  data-testid="dispatch-team"
                  disabled={busy}
                  onClick={() =>
                    void act(
                      `${t('btn.dispatch')} ${r.name}`,
                      () =>
                        commandPost(`/teams/${r.teamId}/dispatch`, {
                          incidentId: incident.id,
                          ...(task.trim() ? { task: task.trim() } : {}),
                        }),
                      () => {
                        setTasks((all) => ({ ...all, [r.teamId]: '' }));
                        setSent((all) => new Set([...all, r.teamId]));
                      },
                    )
                  }>
                  {t('btn.dispatch')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

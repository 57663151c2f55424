import { commandPost } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import type { IncidentView } from '@app/incidents/contract';
import type { TeamView } from '@app/teams/contract';
import { label, type Act } from './shared';

/** The moves a team of an incident makes as it works it (the team lifecycle allows these and no others). */
const MOVES: Readonly<Record<string, readonly string[]>> = {
  dispatched: ['en_route', 'returning'],
  en_route: ['on_scene', 'returning'],
  on_scene: ['returning'],
  returning: ['available'],
};

/** The status a team assigned to the incident has now: the team board's, while the team still works this incident. */
export function assignedStatus(
  assignment: IncidentView['assignedTeams'][number],
  team: TeamView | undefined,
  incidentId: string,
): string {
  return team && team.incidentId === incidentId ? team.status : assignment.status;
}

/** The moves to offer: what the team's own board says it may do next, within what an incident's team does. */
export function movesOf(status: string, team: TeamView | undefined): string[] {
  const allowed = MOVES[status] ?? [];
  if (!team || team.status !== status) return [...allowed];
  return allowed.filter((s) => (team.nextStatuses as string[]).includes(s));
}

/**
 * 队伍动态: the teams sent to this incident with the moves their radio calls report (出发, 到达现场, 返回, 归队), logged
 * from the incident (`POST /teams/{id}/status`) as on the team board. A team released from the incident shows none.
 */
export function MovesSheet({
  incident,
  teams,
  busy,
  act,
}: {
  incident: IncidentView;
  teams: Record<string, TeamView>;
  busy: boolean;
  act: Act;
}) {
  const { t } = useI18n();
  const rows = incident.assignedTeams
    .filter((a) => !a.simulated)
    .map((a) => {
      const team = teams[a.teamId];
      const status = assignedStatus(a, team, incident.id);
      // A team the board shows released from this incident (back, or sent elsewhere) is no longer moved from here.
      const released = team !== undefined && team.incidentId !== incident.id;
      return { a, status, moves: released ? [] : movesOf(status, team) };
    })
    .filter((r) => r.moves.length > 0);
  if (rows.length === 0) return <p className="muted">{t('incident.moves.none')}</p>;
  return (
    <ul className="list incident-choices" data-testid="moves-sheet">
      {rows.map(({ a, status, moves }) => (
        <li key={a.teamId} data-testid="move-team" data-team-id={a.teamId} data-status={status}>
          <div className="incident-choice-text">
            <strong>{a.name}</strong>{' '}
            <span className={`badge team-${status}`}>{label(t, `teamStatus.${status}`, status)}</span>
            {a.task && <div className="small">{t('incident.moves.task', { task: a.task })}</div>}
          </div>
          <div className="actions">
            {moves.map((to) => (
              <button
                key={to}
                type="button"
                className={to === 'returning' ? undefined : 'primary'}
                data-testid="team-move"
                data-to={to}
                disabled={busy}
                onClick={() =>
                  void act(`${a.name}：${t(`incident.moves.to.${to}` as MessageKey)}`, () =>
                    commandPost(`/teams/${a.teamId}/status`, { status: to }),
                  )
                }>
                {t(`incident.moves.to.${to}` as MessageKey)}
              </button>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}

import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { IncidentView } from '@app/incidents/contract';
import type { TeamView } from '@app/teams/contract';
import { commandPost, get, isAccepted, getAll } from '../../api';
import { useLiveMessages } from '../../app/live-events';
import { useI18n } from '../../i18n';
import { comparePositions } from '../../position';
import { linkHandler } from '../../router';
import { can } from '../../store';
import { formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { useErrorText } from '../errors/ErrorMessage';
import { useLabels } from '../labels/labels';

const ORDER = ['dispatched', 'en_route', 'on_scene', 'returning', 'available', 'in_drill', 'out_of_service'];

export const TEAMS_KEY = ['teams'] as const;

/** A `team.changed` delta replaces the cached team unless the cache already holds a later version of it. */
export function withTeam(list: TeamView[] | undefined, team: TeamView): TeamView[] | undefined {
  if (!list) return list;
  const current = list.find((t) => t.id === team.id);
  if (!current) return [...list, team];
  if (comparePositions(current.position, team.position) > 0) return list;
  return list.map((t) => (t.id === team.id ? team : t));
}

/** The title of the incident a team works on (read once per incident and kept in the cache). */
function IncidentTitle({ id }: { id: string }) {
  const title = useQuery({
    queryKey: ['incidents', id, 'title'],
    queryFn: () => get<IncidentView>(`/incidents/${id}`).then((i) => i.title),
    retry: false,
  });
  return <>{title.data ?? '…'}</>;
}

/**
 * 救援队伍状态: the teams of the user's jurisdictions from `GET /teams` in the query cache, kept current by
 * `team.changed`; a duty officer logs a team's status report (by phone or radio) from here. Kinds, specialties and
 * statuses are named from their codes in the console's language.
 */
export function TeamsScreen({ session }: { session: Session }) {
  const { t } = useI18n();
  const { label, labelList } = useLabels();
  const errorLine = useErrorText();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: TEAMS_KEY, queryFn: () => getAll<TeamView>('/teams') });
  useLiveMessages(['team.changed'], (m) =>
    queryClient.setQueryData<TeamView[]>(TEAMS_KEY, (list) => withTeam(list, m.data as TeamView)),
  );
  const mayReport = can(session, 'report');
  const [feedback, setFeedback] = useState<{ kind: 'ok' | 'error' | 'accepted'; text: string } | null>(null);
  // Teams whose report is in flight: their selector is disabled, so a second choice cannot race the first.
  const [sending, setSending] = useState<ReadonlySet<string>>(new Set());
  // A status report (状态报告) from the team by phone or radio, logged by the watch; the server refuses illegal moves.
  const report = async (team: TeamView, status: string) => {
    setFeedback(null);
    setSending((s) => new Set(s).add(team.id));
    try {
      const outcome = await commandPost(`/teams/${team.id}/status`, { status });
      const reported = `${team.name}：${label('teamStatus', status)}`;
      if (isAccepted(outcome)) {
        setFeedback({ kind: 'accepted', text: `${reported} · ${t('command.accepted')}` });
        // The team.changed delta updates the row by itself; read the list again in case it came before the answer.
        void queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
      } else {
        setFeedback({ kind: 'ok', text: reported });
        // The answer is the team as the board now shows it (fields may be missing when the row was not there yet).
        const answer = (outcome.body ?? {}) as Partial<TeamView>;
        if (answer.status)
          queryClient.setQueryData<TeamView[]>(TEAMS_KEY, (list) =>
            list?.map((x) => (x.id === team.id ? { ...x, ...answer } : x)),
          );
      }
    } catch (err) {
      setFeedback({ kind: 'error', text: `${team.name}：${errorLine(err)}` });
    } finally {
      setSending((s) => {
        const next = new Set(s);
        next.delete(team.id);
        return next;
      });
    }
  };
  const teams = useMemo(
    () =>
      [...(query.data ?? [])].sort(
        (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.name.localeCompare(b.name, 'zh-CN'),
      ),
    [query.data],
  );
  const counts = useMemo(() => ORDER.map((s) => ({ s, n: teams.filter((x) => x.status === s).length })), [teams]);
  return (
    <section aria-labelledby="teams-heading">
      <div className="screen-head">
        <h1 id="teams-heading">{t('teams.title')}</h1>
        <div className="chips">
          {counts.map(({ s, n }) => (
            <span key={s} className={`badge team-${s}`} data-testid={`team-count-${s}`}>
              {label('teamStatus', s)} {n}
            </span>
          ))}
        </div>
      </div>
      {query.isError && (
        <div role="alert" className="notice error" data-testid="teams-error">
          {errorLine(query.error)}
        </div>
      )}
      {feedback && (
        <div role="status" className={`notice ${feedback.kind}`} data-testid="team-feedback" data-kind={feedback.kind}>
          {feedback.text}
        </div>
      )}
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">{t('teams.name')}</th>
            <th scope="col">{t('teams.kind')}</th>
            <th scope="col">{t('teams.specialties')}</th>
            <th scope="col">{t('teams.headcount')}</th>
            <th scope="col">{t('col.jurisdiction')}</th>
            <th scope="col">{t('teams.status')}</th>
            <th scope="col">{t('teams.since')}</th>
            <th scope="col">{t('teams.incident')}</th>
            <th scope="col">{t('teams.contact')}</th>
            {mayReport && <th scope="col">{t('teams.report')}</th>}
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.id} data-testid="team-row" data-team-id={team.id} data-status={team.status}>
              <td>{team.name}</td>
              <td data-testid="team-kind">{label('teamKind', team.kind, team.kindLabel)}</td>
              <td data-testid="team-specialties">{labelList('specialty', team.specialties, team.specialtyLabels)}</td>
              <td>{team.headcount}</td>
              <td>{team.jurisdictionName}</td>
              <td>
                <span className={`badge team-${team.status}`} data-testid="team-status">
                  {label('teamStatus', team.status, team.statusLabel)}
                </span>
              </td>
              <td>{formatTime(team.statusSince)}</td>
              <td>
                {team.incidentId ? (
                  <a href={`/incidents/${team.incidentId}`} onClick={linkHandler(`/incidents/${team.incidentId}`)}>
                    <IncidentTitle id={team.incidentId} />
                  </a>
                ) : (
                  '—'
                )}
              </td>
              <td>{team.contact ? `${team.contact.name ?? ''} ${team.contact.phone ?? ''}` : '—'}</td>
              {mayReport && (
                <td>
                  {(team.nextStatuses ?? []).length > 0 && (
                    <select
                      aria-label={`${team.name} ${t('teams.reportTo')}`}
                      data-testid="team-status-report"
                      disabled={sending.has(team.id)}
                      value=""
                      onChange={(e) => {
                        if (e.target.value) void report(team, e.target.value);
                      }}>
                      <option value="">{t('teams.reportTo')}…</option>
                      {(team.nextStatuses ?? []).map((s) => (
                        <option key={s} value={s}>
                          {label('teamStatus', s)}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

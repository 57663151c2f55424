import { useMemo, useState } from 'react';
import { commandPost, errorText, isAccepted } from '../../api';
import type { Session } from '../../ui-types';
import { useI18n, type MessageKey } from '../../i18n';
import { linkHandler } from '../../router';
import { can, useStore } from '../../store';
import { formatTime } from '../../time';

const ORDER = ['dispatched', 'en_route', 'on_scene', 'returning', 'available', 'in_drill', 'out_of_service'];

export function TeamsScreen({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const { state, refetchAll, whenLiveReaches } = useStore();
  const mayReport = can(session, 'report');
  const [feedback, setFeedback] = useState<{ kind: 'ok' | 'error' | 'accepted'; text: string } | null>(null);
  // Teams whose report is in flight: their selector is disabled, so a second choice cannot race the first.
  const [sending, setSending] = useState<ReadonlySet<string>>(new Set());
  // A status report (状态报告) from the team by phone or radio, logged by the watch; the server refuses illegal moves.
  const report = async (teamId: string, name: string, status: string) => {
    setFeedback(null);
    setSending((s) => new Set(s).add(teamId));
    try {
      const outcome = await commandPost(`/teams/${teamId}/status`, { status });
      const reported = `${name}：${t(`teamStatus.${status}` as MessageKey)}`;
      if (isAccepted(outcome)) {
        setFeedback({ kind: 'accepted', text: `${reported} · ${t('command.accepted')}` });
        // The team.changed delta updates the row by itself; read the lists again in case it came before this screen.
        void whenLiveReaches(outcome.accepted.position).then(refetchAll);
      } else {
        setFeedback({ kind: 'ok', text: reported });
      }
    } catch (err) {
      setFeedback({ kind: 'error', text: `${name}：${errorText(err, t('error.generic'), t('command.uncertain'))}` });
    } finally {
      setSending((s) => {
        const next = new Set(s);
        next.delete(teamId);
        return next;
      });
    }
  };
  const teams = useMemo(
    () =>
      Object.values(state.teams).sort(
        (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.name.localeCompare(b.name, 'zh-CN'),
      ),
    [state.teams],
  );
  const counts = useMemo(() => ORDER.map((s) => ({ s, n: teams.filter((x) => x.status === s).length })), [teams]);
  return (
    <section aria-labelledby="teams-heading">
      <div className="screen-head">
        <h1 id="teams-heading">{t('teams.title')}</h1>
        <div className="chips">
          {counts.map(({ s, n }) => (
            <span key={s} className={`badge team-${s}`}>
              {t(`teamStatus.${s}` as MessageKey)} {n}
            </span>
          ))}
        </div>
      </div>
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
          {teams.map((team) => {
            const incident = team.incidentId ? state.incidents[team.incidentId] : undefined;
            return (
              <tr key={team.id} data-testid="team-row" data-team-id={team.id} data-status={team.status}>
                <td>{team.name}</td>
                <td>{lang === 'zh' ? team.kindLabel : team.kind}</td>
                <td>{(lang === 'zh' ? team.specialtyLabels : team.specialties).join('、')}</td>
                <td>{team.headcount}</td>
                <td>{team.jurisdictionName}</td>
                <td>
                  <span className={`badge team-${team.status}`}>{t(`teamStatus.${team.status}` as MessageKey)}</span>
                </td>
                <td>{formatTime(team.statusSince)}</td>
                <td>
                  {team.incidentId ? (
                    <a href={`/incidents/${team.incidentId}`} onClick={linkHandler(`/incidents/${team.incidentId}`)}>
                      {incident?.title ?? team.incidentId.slice(0, 8)}
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
                          if (e.target.value) void report(team.id, team.name, e.target.value);
                        }}>
                        <option value="">{t('teams.reportTo')}…</option>
                        {(team.nextStatuses ?? []).map((s) => (
                          <option key={s} value={s}>
                            {t(`teamStatus.${s}` as MessageKey)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

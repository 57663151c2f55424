import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { can } from '../../store';
import type { Session } from '../../ui-types';
import { IncidentStateCard, ReplayControls, ReplayEventList, ReplayScrubber, useSentenceContext } from './ReplayParts';
import { ReplayMap, usePlaces } from './ReplayMap';
import { useReplay } from './use-replay';

/** Who may start and steer a replay: commanders (and the roles the console lets command) and drill coordinators. */
export function mayRunReplay(session: Session): boolean {
  return can(session, 'command') || session.user.roles.includes('drill_coordinator');
}

/**
 * 复盘回放 (/replay/<incidentId>): the incident's recorded events re-played at ×1–×100, as sentences with who recorded
 * them, the incident as the board showed it at the replay's instant, and its place on a small map. A drill incident
 * links to the replay of its whole drill.
 */
export function ReplayScreen({ incidentId, session }: { incidentId: string; session: Session }) {
  const { t } = useI18n();
  const source = useMemo(() => ({ incidentId }), [incidentId]);
  const replay = useReplay(source, session.accessToken);
  const state = replay.states.get(incidentId) ?? null;
  const context = useSentenceContext(replay.states);
  const places = usePlaces(replay.states, replay.played);
  const mayRun = mayRunReplay(session);
  const drillId = state?.drillId ?? null;

  return (
    <article className="replay" data-testid="replay-view" data-incident-id={incidentId}>
      <header className="detail-head">
        <a href={`/incidents/${incidentId}`} className="back" onClick={linkHandler(`/incidents/${incidentId}`)}>
          ← {t('replay.back')}
        </a>
        <h1>{t('replay.title')}</h1>
        {drillId && (
          <a
            href={`/replay/drill/${drillId}`}
            className="linkish"
            data-testid="open-drill-replay"
            onClick={linkHandler(`/replay/drill/${drillId}`)}>
            {t('replay.drill.open')}
          </a>
        )}
        <ReplayControls replay={replay} mayRun={mayRun} />
      </header>
      <ReplayScrubber replay={replay} mayRun={mayRun} />
      <div className="replay-grid">
        <ReplayEventList played={replay.played} context={context} />
        <div>
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
            {state ? (
              <IncidentStateCard state={state} context={context} />
            ) : (
              <p className="muted">{t('replay.noState')}</p>
            )}
          </section>
          <ReplayMap places={places} />
        </div>
      </div>
    </article>
  );
}

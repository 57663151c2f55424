import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import type { Session } from '../../ui-types';
import { IncidentStateCard, ReplayControls, ReplayEventList, ReplayScrubber, useSentenceContext } from './ReplayParts';
import { ReplayMap, usePlaces } from './ReplayMap';
import { mayRunReplay } from './ReplayScreen';
import { useReplay } from './use-replay';

/**
 * 演练复盘回放 (/replay/drill/<drillId>): the whole drill re-played (its own events and every drill incident's, in log
 * order) with play, pause, seek and speed; the map of the drill's incidents and the teams and warehouses involved; the
 * event log as sentences with who recorded them; and each drill incident as it stood at the replay's instant.
 */
export function DrillReplayScreen({ drillId, session }: { drillId: string; session: Session }) {
  const { t } = useI18n();
  const source = useMemo(() => ({ drillId }), [drillId]);
  const replay = useReplay(source, session.accessToken);
  const context = useSentenceContext(replay.states);
  const places = usePlaces(replay.states, replay.played);
  const mayRun = mayRunReplay(session);
  const title = useMemo(() => {
    const planned = replay.played.find((e) => e.event.type === 'DrillPlanned')?.event.data as
      { title?: unknown } | undefined;
    return typeof planned?.title === 'string' ? planned.title : null;
  }, [replay.played]);
  const incidents = [...replay.states.values()];

  return (
    <article className="replay" data-testid="drill-replay-screen" data-id={drillId}>
      <header className="detail-head">
        <a href={`/drills/${drillId}`} className="back" onClick={linkHandler(`/drills/${drillId}`)}>
          ← {t('replay.drill.back')}
        </a>
        <h1>
          {t('replay.drill.title')}
          {title && <span data-testid="drill-replay-title">{` · ${title}`}</span>}
        </h1>
        <ReplayControls replay={replay} mayRun={mayRun} />
      </header>
      <ReplayScrubber replay={replay} mayRun={mayRun} />
      <div className="replay-grid">
        <ReplayMap places={places} />
        <ReplayEventList played={replay.played} context={context} />
      </div>
      <section className="panel" aria-labelledby="drill-replay-incidents" data-testid="drill-replay-incidents">
        <h2 id="drill-replay-incidents">{t('replay.incidents.title')}</h2>
        {incidents.length === 0 ? (
          <p className="muted">{t('replay.incidents.none')}</p>
        ) : (
          <div className="replay-incidents">
            {incidents.map((s) => (
              <IncidentStateCard key={s.id} state={s} context={context} />
            ))}
          </div>
        )}
      </section>
    </article>
  );
}

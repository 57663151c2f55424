import { useI18n } from '../../i18n';
import { Panel } from './shared';
import { useTimeline } from './incident-queries';
import { formatInZone } from './zoned-time';

/**
 * The incident's log, newest first: every line in pages ("显示更多" reads the next, older one), each with its time in
 * the jurisdiction's zone and who acted — a person by name (with the process that acted for them), or the system.
 */
export function TimelinePanel({ incidentId }: { incidentId: string }) {
  const { t, lang } = useI18n();
  const timeline = useTimeline(incidentId);
  const pages = timeline.data?.pages ?? [];
  const entries = pages.flatMap((page) => page.entries);
  const total = pages[0]?.total ?? 0;
  const zone = pages[0]?.timeZone ?? 'Asia/Shanghai';
  return (
    <Panel title={t('detail.timeline')}>
      {timeline.isPending ? (
        <p className="muted">{t('detail.loading')}</p>
      ) : timeline.isError && entries.length === 0 ? (
        <p className="field-error" role="alert">
          {t('incident.timelineFailed')}
        </p>
      ) : (
        <>
          <p className="muted small" data-testid="timeline-count">
            {t('incident.timelineShown', { shown: entries.length, total })}
          </p>
          <ol className="timeline" data-testid="timeline">
            {entries.map((e) => (
              <li
                key={e.id}
                data-testid="timeline-entry"
                data-type={e.type}
                data-source={e.source}
                data-actor-kind={e.actorKind}>
                <time dateTime={e.at}>{formatInZone(e.at, zone, lang)}</time> <span>{e.summary}</span>{' '}
                <span className="muted small" data-testid="timeline-actor">
                  {e.actorKind === 'system'
                    ? t('incident.bySystem', { name: e.actor })
                    : e.via
                      ? t('incident.byPersonVia', { name: e.actor, via: e.via })
                      : e.actor}
                </span>
              </li>
            ))}
          </ol>
          {timeline.hasNextPage && (
            <button
              type="button"
              className="linkish"
              data-testid="timeline-more"
              disabled={timeline.isFetchingNextPage}
              onClick={() => void timeline.fetchNextPage()}>
              {t('incident.showMore')}
            </button>
          )}
        </>
      )}
    </Panel>
  );
}

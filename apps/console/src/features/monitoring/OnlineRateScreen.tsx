import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlarmView } from '@app/alarms/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import type { OnlineRateView } from '@app/monitoring/contract';
import { get } from '../../api';
import { useLiveMessages } from '../../app/live-events';
import { useNow } from '../../components';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { durationText, formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { SupervisionNav } from '../enterprises';
import { ErrorMessage } from '../errors/ErrorMessage';
import { jurisdictionName } from '../labels/labels';
import './monitoring.css';

/** The board is read again this often (a sensor goes offline without any event the console hears). */
export const RATE_POLL_MS = 30_000;

type EnterpriseRate = OnlineRateView['enterprises'][number];

/** `87.5%`: one decimal, so that one sensor of a few hundred still moves the figure. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Worst first: the lowest rate, then the most sensors offline; enterprises without sensors last. */
export function worstFirst(list: readonly EnterpriseRate[]): EnterpriseRate[] {
  return [...list].sort(
    (a, b) =>
      (a.rate ?? 2) - (b.rate ?? 2) ||
      b.offline.length - a.offline.length ||
      a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'),
  );
}

function flat(tree: readonly JurisdictionNode[], depth = 0): { code: string; name: string; depth: number }[] {
  return tree.flatMap((n) => [{ code: n.code, name: n.name, depth }, ...flat(n.children, depth + 1)]);
}

/**
 * 在线监测监控率: the share of the jurisdiction's sensors that report on time, as one large figure, and per enterprise
 * with its offline sensors and how long each has been silent, worst first — the list a duty officer works down to
 * get every unit back online.
 */
export function OnlineRateScreen({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const now = useNow(30_000);
  const [jurisdiction, setJurisdiction] = useState(session.user.jurisdiction ?? '');
  const tree = useQuery({ queryKey: ['jurisdictions'], queryFn: () => get<JurisdictionNode[]>('/jurisdictions') });
  const key = ['monitoring', 'online-rate', jurisdiction] as const;
  const rate = useQuery({
    queryKey: key,
    queryFn: () => get<OnlineRateView>(`/monitoring/online-rate?${new URLSearchParams({ jurisdiction }).toString()}`),
    enabled: jurisdiction !== '',
    refetchInterval: RATE_POLL_MS,
    staleTime: 0,
  });
  // An offline sensor raises (and a sensor back online resolves) a monitoring alarm: read the board again at once.
  useLiveMessages(['alarm.raised', 'alarm.changed'], (m) => {
    if ((m.data as Partial<AlarmView> | null)?.kind === 'monitoring')
      void client.invalidateQueries({ queryKey: ['monitoring', 'online-rate'] });
  });
  const view = rate.data;
  const rows = useMemo(() => worstFirst(view?.enterprises ?? []), [view]);
  const name = view ? jurisdictionName(tree.data ?? [], view.jurisdiction, view.jurisdictionName) : '';
  return (
    <section aria-labelledby="monitoring-heading" className="supervision">
      <SupervisionNav current="monitoring" />
      <div className="screen-head">
        <h1 id="monitoring-heading">{t('monitoring.title')}</h1>
        <div className="filters">
          <label htmlFor="monitoring-jurisdiction">{t('monitoring.jurisdiction')}</label>
          <select
            id="monitoring-jurisdiction"
            value={jurisdiction}
            onChange={(e) => setJurisdiction(e.target.value)}
            data-testid="monitoring-jurisdiction">
            {flat(tree.data ?? []).map((j) => (
              <option key={j.code} value={j.code}>
                {`${'　'.repeat(j.depth)}${j.name}`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={rate.error} testId="monitoring-error" />
      {view && (
        <>
          <div className="supervision-panel rate-figure" data-testid="monitoring-rate">
            <span
              className={view.rate !== null && view.rate < 1 ? 'rate-value rate-low' : 'rate-value'}
              data-testid="monitoring-rate-value"
              aria-label={t('monitoring.rateOf', { name })}>
              {percent(view.rate)}
            </span>
            <span>
              <strong>{t('monitoring.rateOf', { name })}</strong>
              <br />
              <span data-testid="monitoring-rate-detail">
                {view.sensors === 0
                  ? t('monitoring.noSensors')
                  : t('monitoring.rateDetail', { online: view.online, sensors: view.sensors })}
              </span>
              <br />
              <span className="small muted">{t('monitoring.at', { time: formatTime(view.at) })}</span>
            </span>
          </div>
          {rows.length === 0 ? (
            <p className="muted">{t('monitoring.empty')}</p>
          ) : (
            <table className="grid" data-testid="monitoring-enterprises">
              <caption className="small muted">{t('monitoring.sortNote')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('monitoring.col.enterprise')}</th>
                  <th scope="col">{t('monitoring.col.rate')}</th>
                  <th scope="col">{t('monitoring.col.sensors')}</th>
                  <th scope="col">{t('monitoring.col.offline')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.enterpriseId} data-testid="monitoring-row" data-enterprise-id={e.enterpriseId}>
                    <td className="title-cell">
                      <a
                        href={`/enterprises/${e.enterpriseId}`}
                        onClick={linkHandler(`/enterprises/${e.enterpriseId}`)}>
                        {e.enterpriseName}
                      </a>
                    </td>
                    <td data-testid="monitoring-row-rate" className={e.rate !== null && e.rate < 1 ? 'rate-low' : ''}>
                      {percent(e.rate)}
                    </td>
                    <td>{`${e.online} / ${e.sensors}`}</td>
                    <td>
                      {e.offline.length === 0 ? (
                        <span className="muted">{t('monitoring.allOnline')}</span>
                      ) : (
                        <ul className="offline-list">
                          {e.offline.map((s) => {
                            const since = s.offlineSince
                              ? t('monitoring.offlineFor', {
                                  span: durationText(Math.max(0, now - Date.parse(s.offlineSince)), lang),
                                })
                              : t('monitoring.neverReported');
                            return (
                              <li key={s.sensorId} data-testid="monitoring-offline-sensor">
                                {s.hazardSourceId ? (
                                  <a
                                    href={`/hazard-sources/${s.hazardSourceId}`}
                                    onClick={linkHandler(`/hazard-sources/${s.hazardSourceId}`)}>
                                    {s.hazardSourceName ? `${s.hazardSourceName} · ${s.name}` : s.name}
                                  </a>
                                ) : (
                                  // Without the sensor's hazard source, the enterprise's page lists its sources.
                                  <a
                                    href={`/enterprises/${e.enterpriseId}`}
                                    onClick={linkHandler(`/enterprises/${e.enterpriseId}`)}>
                                    {s.name}
                                  </a>
                                )}{' '}
                                <span className="muted">{lang === 'en' ? `(${s.code})` : `（${s.code}）`}</span>{' '}
                                <span data-testid="monitoring-offline-for">{since}</span>
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DrillView } from '@app/drills/contract';
import type {
  ComplianceObligationView,
  ComplianceStatus,
  ComplianceSummary,
  ComplianceView,
} from '@app/incidents/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import { activeTimeZone } from '../../app/locale';
import { get, getAll, getWithHeaders, nextListPath } from '../../api';
import { useI18n, type Lang } from '../../i18n';
import { linkHandler } from '../../router';
import { useStore } from '../../store';
import { formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { jurisdictionName, useLabels } from '../labels/labels';
import { PeriodFilter, useReportScope } from '../statistics/PeriodFilter';
import '../statistics/statistics.css';

const STATUSES: ComplianceStatus[] = ['met', 'late', 'missed', 'overdue', 'written_off', 'pending'];
const SUMMARY_FIELD: Record<ComplianceStatus, keyof ComplianceSummary> = {
  met: 'met',
  late: 'late',
  missed: 'missed',
  overdue: 'overdue',
  written_off: 'writtenOff',
  pending: 'pending',
};

/** 报告时效 as routed: the jurisdiction tree comes from the console's store. */
export function ComplianceScreen({ session }: { session: Session }) {
  const { state } = useStore();
  return <Compliance session={session} jurisdictions={state.jurisdictions} />;
}

/** The query string of a compliance read: a period for real incidents, or one drill's obligations alone. */
export function compliancePath(
  jurisdiction: string,
  instants: { from: string; to: string } | null,
  drillId: string | null,
): string {
  const query = new URLSearchParams({ jurisdiction });
  if (drillId) query.set('drillId', drillId);
  else if (instants) {
    query.set('from', instants.from);
    query.set('to', instants.to);
  }
  return `/compliance?${query.toString()}`;
}

/**
 * 报告时效 (docs/domain.md rule 6, 不得迟报、漏报): the bureau's obligations and the units' own hour apart, counted in
 * the law's words with the on-time rate, by level of the chain and party notified, by who reported, and every
 * obligation of the period with its incident, deadline and report time in local time. One drill's obligations can be
 * looked at on their own; they never mix with the real ones.
 */
export function Compliance({ session, jurisdictions }: { session: Session; jurisdictions: JurisdictionNode[] }) {
  const { t } = useI18n();
  const { zone, places, jurisdiction, setJurisdiction, period, setPeriod, instants } = useReportScope(
    session,
    jurisdictions,
    'thisMonth',
  );
  const [drillId, setDrillId] = useState<string | null>(null);

  // Every drill the user may see (the server's drill list filters one jurisdiction exactly, not those below it).
  const drills = useQuery({ queryKey: ['drills', 'compliance'], queryFn: () => getAll<DrillView>('/drills') });
  const drill = drillId ? drills.data?.find((d) => d.id === drillId) : undefined;
  const compliance = useQuery({
    queryKey: ['compliance', jurisdiction, drillId, drillId ? null : instants?.from, drillId ? null : instants?.to],
    queryFn: () => get<ComplianceView>(compliancePath(jurisdiction, instants, drillId)),
    enabled: drillId !== null || instants !== null,
  });
  const view = compliance.data;

  return (
    <section
      className="screen compliance"
      data-testid="compliance-screen"
      aria-labelledby="compliance-heading"
      data-loaded={String(compliance.isSuccess && !compliance.isFetching)}>
      <div className="screen-head">
        <h1 id="compliance-heading">{t('compliance.title')}</h1>
        <div className="filters">
          <label htmlFor="compliance-jurisdiction">{t('compliance.jurisdiction')}</label>
          <select
            id="compliance-jurisdiction"
            data-testid="compliance-place"
            value={jurisdiction}
            onChange={(e) => setJurisdiction(e.target.value)}>
            {(places.length > 0
              ? places
              : [{ code: jurisdiction, name: jurisdictionName(jurisdictions, jurisdiction), depth: 0 }]
            ).map((p) => (
              <option key={p.code} value={p.code}>
                {'\u3000'.repeat(p.depth)}
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor="compliance-drill">{t('compliance.drill')}</label>
          <select
            id="compliance-drill"
            data-testid="compliance-drill"
            value={drillId ?? ''}
            onChange={(e) => setDrillId(e.target.value || null)}>
            <option value="">{t('compliance.drill.real')}</option>
            {(drills.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {t('compliance.drill.option', { title: d.title })}
              </option>
            ))}
          </select>
          <PeriodFilter
            idPrefix="compliance"
            value={period}
            zone={zone}
            onChange={setPeriod}
            disabled={drillId !== null}
          />
        </div>
      </div>
      <p className="notice" data-testid="compliance-note">
        {drillId ? t('compliance.drillNote', { title: drill?.title ?? '' }) : t('compliance.realNote')}
      </p>
      {compliance.error ? <ErrorMessage error={compliance.error} /> : null}
      {compliance.isLoading && <p className="muted">{t('compliance.loading')}</p>}
      {view && (
        <>
          <div className="compliance-summaries">
            <SummaryPanel id="bureau" title={t('compliance.bureau')} summary={view.summary} />
            <SummaryPanel id="unit" title={t('compliance.unit')} summary={view.unit} />
          </div>
          <div className="compliance-tables">
            <ByLevel view={view} />
            <ByReporter view={view} />
          </div>
          <Obligations key={compliance.dataUpdatedAt} view={view} tree={jurisdictions} />
        </>
      )}
    </section>
  );
}

const rate = (value: number | null, lang: Lang, none: string) =>
  value === null
    ? none
    : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(
        value,
      );

function SummaryPanel({ id, title, summary }: { id: string; title: string; summary: ComplianceSummary }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel" data-testid={`compliance-summary-${id}`} aria-labelledby={`compliance-${id}-heading`}>
      <h2 id={`compliance-${id}-heading`} className="compliance-heading">
        {title}
      </h2>
      <dl className="compliance-counts">
        {STATUSES.map((s) => (
          <div key={s} data-testid={`compliance-${id}-${s}`}>
            <dt>{t(`compliance.status.${s}`)}</dt>
            <dd>{summary[SUMMARY_FIELD[s]]}</dd>
          </div>
        ))}
        <div data-testid={`compliance-${id}-rate`}>
          <dt>{t('compliance.onTimeRate')}</dt>
          <dd className={summary.onTimeRate === null ? 'compliance-none' : undefined}>
            {rate(summary.onTimeRate, lang, t('compliance.onTimeRate.none'))}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The bureau's obligations per level of the chain (县级 first) and per party it notified. */
function ByLevel({ view }: { view: ComplianceView }) {
  const { t, lang } = useI18n();
  const { label } = useLabels();
  return (
    <section className="panel" data-testid="compliance-by-level" aria-labelledby="compliance-by-level-heading">
      <h2 id="compliance-by-level-heading" className="compliance-heading">
        {t('compliance.byLevel')}
      </h2>
      {view.byLevel.length === 0 ? (
        <p className="empty">{t('compliance.empty')}</p>
      ) : (
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">{t('compliance.col.level')}</th>
              {STATUSES.map((s) => (
                <th scope="col" key={s}>
                  {t(`compliance.status.${s}`)}
                </th>
              ))}
              <th scope="col">{t('compliance.total')}</th>
              <th scope="col">{t('compliance.onTimeRate')}</th>
            </tr>
          </thead>
          <tbody>
            {view.byLevel.map((g) => (
              <tr key={g.key} data-testid="compliance-level-row" data-key={g.key}>
                <th scope="row">
                  {g.level ? label('reportLevel', g.level, g.label) : label('party', g.party, g.label)}
                </th>
                {STATUSES.map((s) => (
                  <td key={s}>{g[SUMMARY_FIELD[s]]}</td>
                ))}
                <td>{g.total}</td>
                <td>{rate(g.onTimeRate, lang, '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Who passed the bureau's reports up, by display name, with how many were on time and how many late. */
function ByReporter({ view }: { view: ComplianceView }) {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="compliance-by-reporter" aria-labelledby="compliance-by-reporter-heading">
      <h2 id="compliance-by-reporter-heading" className="compliance-heading">
        {t('compliance.byReporter')}
      </h2>
      {view.byReporter.length === 0 ? (
        <p className="empty">{t('compliance.noReporter')}</p>
      ) : (
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">{t('compliance.col.reporter')}</th>
              <th scope="col">{t('compliance.status.met')}</th>
              <th scope="col">{t('compliance.status.late')}</th>
            </tr>
          </thead>
          <tbody>
            {view.byReporter.map((r) => (
              <tr key={r.reportedBy} data-testid="compliance-reporter-row">
                <th scope="row">{r.name}</th>
                <td>{r.met}</td>
                <td>{r.late}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Obligations({ view, tree }: { view: ComplianceView; tree: readonly JurisdictionNode[] }) {
  const { t, lang } = useI18n();
  const { label } = useLabels();
  const zone = activeTimeZone();
  const to = (o: ComplianceObligationView) =>
    o.party ? label('party', o.party, o.partyLabel) : label('reportLevel', o.level, o.levelLabel);
  // The answer carries the first page of lines; a year of a city has far more, read page by page on demand.
  const [more, setMore] = useState<{ rows: ComplianceObligationView[]; next: string | null; loading: boolean }>({
    rows: [],
    next: view.obligationsNext ? nextListPath(`<${view.obligationsNext}>; rel="next"`) : null,
    loading: false,
  });
  const lines = [...view.obligations, ...more.rows];
  const loadMore = async () => {
    if (!more.next) return;
    setMore((m) => ({ ...m, loading: true }));
    try {
      const { body, headers } = await getWithHeaders<ComplianceObligationView[]>(more.next);
      setMore((m) => ({ rows: [...m.rows, ...body], next: nextListPath(headers.get('link')), loading: false }));
    } catch {
      setMore((m) => ({ ...m, loading: false }));
    }
  };
  return (
    <section className="panel" data-testid="compliance-obligations" aria-labelledby="compliance-obligations-heading">
      <div className="statistics-section-head">
        <h2 id="compliance-obligations-heading" className="compliance-heading">
          {t('compliance.obligations')}
        </h2>
        <span className="muted">{t('compliance.obligationCount', { n: view.obligationsTotal })}</span>
      </div>
      {lines.length === 0 ? (
        <p className="empty">{t('compliance.empty')}</p>
      ) : (
        <table className="grid compact compliance-obligation-table">
          <thead>
            <tr>
              <th scope="col">{t('compliance.col.incident')}</th>
              <th scope="col">{t('compliance.jurisdiction')}</th>
              <th scope="col">{t('compliance.col.kind')}</th>
              <th scope="col">{t('compliance.col.to')}</th>
              <th scope="col">{t('compliance.col.responsible')}</th>
              <th scope="col">{t('compliance.col.due')}</th>
              <th scope="col">{t('compliance.col.reportedAt')}</th>
              <th scope="col">{t('compliance.col.reportedBy')}</th>
              <th scope="col">{t('compliance.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((o) => (
              <tr
                key={`${o.incidentId}|${o.obligationId}`}
                data-testid="compliance-obligation"
                data-status={o.status}
                data-incident-id={o.incidentId}>
                <td className="wrap">
                  <a
                    href={`/incidents/${encodeURIComponent(o.incidentId)}`}
                    onClick={linkHandler(`/incidents/${encodeURIComponent(o.incidentId)}`)}
                    data-testid="compliance-incident-link">
                    {o.title}
                  </a>
                </td>
                <td>{jurisdictionName(tree, o.jurisdiction)}</td>
                <td title={o.basis}>{label('deadlineKind', o.kind, o.kindLabel)}</td>
                <td className="wrap">{to(o)}</td>
                <td>{t(`compliance.responsible.${o.responsible}`)}</td>
                <td>{formatTime(o.dueAt, false, { lang, zone })}</td>
                <td>{o.reportedAt ? formatTime(o.reportedAt, false, { lang, zone }) : '—'}</td>
                <td>{o.reportedByName ?? '—'}</td>
                <td>
                  <span className={`compliance-status compliance-status-${o.status}`} data-testid="compliance-status">
                    {t(`compliance.status.${o.status}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more.next ? (
        <button
          type="button"
          className="secondary"
          data-testid="compliance-more"
          disabled={more.loading}
          onClick={() => void loadMore()}>
          {t('compliance.more', { shown: lines.length, n: view.obligationsTotal })}
        </button>
      ) : null}
    </section>
  );
}

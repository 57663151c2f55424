import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { AccidentGrade, StatisticsGroupBy, StatisticsLineView, StatisticsView } from '@app/incidents/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import { get, getBlob } from '../../api';
import { useI18n, type Lang, type MessageKey, type Translate } from '../../i18n';
import { useStore } from '../../store';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { jurisdictionName, useLabels } from '../labels/labels';
import { StatisticsNav } from '../targets/StatisticsNav';
import { PeriodFilter, useReportScope } from './PeriodFilter';
import type { DateSpan } from './period';
import './statistics.css';

type Granularity = Extract<StatisticsGroupBy, 'day' | 'month' | 'year'>;
type Dimension = Granularity | 'jurisdiction' | 'category';

const GRADES: AccidentGrade[] = ['general', 'major', 'serious', 'especially_serious'];
const CHART = { width: 470, height: 280 };
const BAR_ORDER = ['incidents', 'deaths', 'injuries'] as const;

/** 统计分析 as routed: the jurisdiction tree comes from the console's store. */
export function StatisticsScreen({ session }: { session: Session }) {
  const { state } = useStore();
  return <Statistics session={session} jurisdictions={state.jurisdictions} />;
}

/** The query string of a statistics read (the server's own parameters, docs/api.md §11). */
export function statisticsPath(
  jurisdiction: string,
  instants: { from: string; to: string },
  groupBy: StatisticsGroupBy,
  format: 'json' | 'csv' = 'json',
): string {
  const query = new URLSearchParams({ from: instants.from, to: instants.to, jurisdiction, groupBy });
  if (format === 'csv') query.set('format', 'csv');
  return `/statistics?${query.toString()}`;
}

/**
 * 事故统计 (docs/domain.md rule 26): the four indicators of the chosen period and jurisdiction, the grades and the
 * share of 较大及以上 against its target, and charts by period, jurisdiction and category, each with its figures as a
 * table beneath (what a screen reader and the tests read) and the same figures as CSV.
 */
export function Statistics({ session, jurisdictions }: { session: Session; jurisdictions: JurisdictionNode[] }) {
  const { t } = useI18n();
  const { zone, places, jurisdiction, setJurisdiction, period, setPeriod, span, instants } = useReportScope(
    session,
    jurisdictions,
    'thisYear',
  );
  const [granularity, setGranularity] = useState<Granularity>('month');
  const placeName = jurisdictionName(jurisdictions, jurisdiction);

  const read = (groupBy: StatisticsGroupBy) => ({
    queryKey: ['statistics', jurisdiction, instants?.from, instants?.to, groupBy],
    queryFn: () => get<StatisticsView>(statisticsPath(jurisdiction, instants!, groupBy)),
    enabled: instants !== null,
  });
  const byPeriod = useQuery(read(granularity));
  const byJurisdiction = useQuery(read('jurisdiction'));
  const byCategory = useQuery(read('category'));
  // Every figure on screen is of the period and place chosen (what tests and walks wait for).
  const loaded = [byPeriod, byJurisdiction, byCategory].every((q) => q.isSuccess && !q.isFetching);

  return (
    <section
      className="screen statistics"
      data-testid="statistics-screen"
      aria-labelledby="statistics-heading"
      data-loaded={String(loaded)}>
      <StatisticsNav current="statistics" />
      <div className="screen-head">
        <h1 id="statistics-heading">{t('statistics.title')}</h1>
        <div className="filters">
          <label htmlFor="statistics-jurisdiction">{t('statistics.jurisdiction')}</label>
          <select
            id="statistics-jurisdiction"
            data-testid="statistics-place"
            value={jurisdiction}
            onChange={(e) => setJurisdiction(e.target.value)}>
            {(places.length > 0 ? places : [{ code: jurisdiction, name: placeName, depth: 0 }]).map((p) => (
              <option key={p.code} value={p.code}>
                {'\u3000'.repeat(p.depth)}
                {p.name}
              </option>
            ))}
          </select>
          <PeriodFilter idPrefix="statistics" value={period} zone={zone} onChange={setPeriod} />
        </div>
      </div>
      <p className="notice" data-testid="statistics-drill-note">
        {t('statistics.drillNote')}
      </p>
      {byPeriod.error && <ErrorMessage error={byPeriod.error} />}
      {byPeriod.isLoading && <p className="muted">{t('statistics.loading')}</p>}
      {byPeriod.data && <Headline view={byPeriod.data} />}
      {span && instants && (
        <div className="statistics-charts">
          <ChartSection
            dimension={granularity}
            title={t('statistics.byPeriod')}
            view={byPeriod.data}
            error={byPeriod.error}
            download={{ jurisdiction, placeName, span, instants }}
            tree={jurisdictions}
            extra={
              <span className="chips" role="group" aria-label={t('statistics.granularity')}>
                {(['day', 'month', 'year'] as const).map((g) => (
                  <button
                    key={g}
                    type="button"
                    className={granularity === g ? 'chip chip-on' : 'chip'}
                    aria-pressed={granularity === g}
                    data-testid={`statistics-granularity-${g}`}
                    onClick={() => setGranularity(g)}>
                    {t(`statistics.granularity.${g}`)}
                  </button>
                ))}
              </span>
            }
          />
          <ChartSection
            dimension="jurisdiction"
            title={t('statistics.byJurisdiction')}
            view={byJurisdiction.data}
            error={byJurisdiction.error}
            download={{ jurisdiction, placeName, span, instants }}
            tree={jurisdictions}
          />
          <ChartSection
            dimension="category"
            title={t('statistics.byCategory')}
            view={byCategory.data}
            error={byCategory.error}
            download={{ jurisdiction, placeName, span, instants }}
            tree={jurisdictions}
          />
        </div>
      )}
    </section>
  );
}

/** Whole numbers as the language groups them. */
const count = (n: number, lang: Lang) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN').format(n);

/** Yuan as 万元 with at most two decimals (the unit statistics reports use). */
export const tenThousandYuan = (yuan: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 }).format(yuan / 10_000);

const percent = (share: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { style: 'percent', maximumFractionDigits: 2 }).format(
    share,
  );

const majorOrAbove = (line: StatisticsLineView) =>
  line.grades.major + line.grades.serious + line.grades.especially_serious;

/** The four indicators as headline figures, the grades, and the share of 较大及以上 against the target. */
function Headline({ view }: { view: StatisticsView }) {
  const { t, lang } = useI18n();
  const { label } = useLabels();
  const totals = view.totals;
  const figure = (key: string, name: MessageKey, value: string, unit: MessageKey, detail?: string) => (
    <div className="indicator" data-testid={`indicator-${key}`}>
      <dt>{t(name)}</dt>
      <dd>
        <span className="indicator-value" data-testid={`indicator-${key}-value`}>
          {value}
        </span>{' '}
        <span className="indicator-unit">{t(unit)}</span>
        {detail && <span className="indicator-detail muted">{detail}</span>}
      </dd>
    </div>
  );
  const met = view.target.met;
  // The jurisdiction's own share target when one is set for the year, else the default ceiling (docs/domain.md rule 35).
  const source = view.target.source as 'set' | 'default' | undefined;
  return (
    <div className="statistics-headline">
      <dl className="indicators" data-testid="statistics-indicators">
        {figure(
          'incidents',
          'statistics.indicator.incidents',
          count(totals.incidents, lang),
          'statistics.unit.incidents',
        )}
        {figure(
          'deaths',
          'statistics.indicator.deaths',
          count(totals.deaths, lang),
          'statistics.unit.people',
          t('statistics.missingDetail', { missing: count(totals.missing, lang) }),
        )}
        {figure(
          'injuries',
          'statistics.indicator.injuries',
          count(totals.injuries, lang),
          'statistics.unit.people',
          t('statistics.injuriesDetail', {
            serious: count(totals.seriousInjuries, lang),
            minor: count(totals.minorInjuries, lang),
          }),
        )}
        {figure(
          'loss',
          'statistics.indicator.loss',
          tenThousandYuan(totals.directLossYuan, lang),
          'statistics.unit.tenThousandYuan',
        )}
      </dl>
      <div className="panel statistics-grades">
        <h2>{t('statistics.grades')}</h2>
        <table className="grid compact" data-testid="statistics-grades">
          <tbody>
            {GRADES.map((g) => (
              <tr key={g} data-grade={g}>
                <th scope="row">{label('grade', g)}</th>
                <td>
                  {count(totals.grades[g], lang)} {t('statistics.unit.incidents')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={met ? 'share share-met' : 'share share-missed'} data-testid="statistics-share">
          <span>{t('statistics.share')}</span> <strong>{percent(totals.majorOrAboveShare, lang)}</strong>{' '}
          <span className="muted">
            {t('statistics.shareTarget', { target: percent(view.target.majorOrAboveShareMax, lang) })}
            {source && (
              <span data-testid="statistics-share-source">
                {t(source === 'set' ? 'targets.shareSource.set' : 'targets.shareSource.default')}
              </span>
            )}
          </span>{' '}
          <span className={met ? 'ok-text' : 'warn-text'} data-testid="statistics-share-verdict">
            {met ? t('statistics.shareMet') : t('statistics.shareMissed')}
          </span>
        </p>
      </div>
    </div>
  );
}

/** A group's name as people read it: a period in words, a jurisdiction's or category's name, never a code. */
export function groupLabel(
  dimension: Dimension,
  line: StatisticsLineView,
  t: Translate,
  label: ReturnType<typeof useLabels>['label'],
  tree: readonly JurisdictionNode[],
): string {
  const parts = line.key.split('-');
  switch (dimension) {
    case 'year':
      return t('statistics.year', { y: parts[0] ?? line.key });
    case 'month':
      return t('statistics.month', { y: parts[0] ?? '', m: Number(parts[1]) });
    case 'day':
      return `${parts[0]}-${parts[1]}-${parts[2]}`;
    case 'jurisdiction':
      return jurisdictionName(tree, line.key, line.label);
    case 'category':
      return label('category', line.key, line.label);
  }
}

const AXIS: Record<Dimension, MessageKey> = {
  day: 'statistics.axis.period',
  month: 'statistics.axis.period',
  year: 'statistics.axis.period',
  jurisdiction: 'statistics.axis.jurisdiction',
  category: 'statistics.axis.category',
};

const GROUP_WORD: Record<Dimension, MessageKey> = {
  day: 'statistics.granularity.day',
  month: 'statistics.granularity.month',
  year: 'statistics.granularity.year',
  jurisdiction: 'statistics.group.jurisdiction',
  category: 'statistics.group.category',
};

interface Download {
  jurisdiction: string;
  placeName: string;
  span: DateSpan;
  instants: { from: string; to: string };
}

/** The file name of a CSV export: what it counts, where, and the dates it covers. */
export function csvFileName(t: Translate, download: Download, dimension: Dimension): string {
  const name = t('statistics.csvName', {
    jurisdiction: download.placeName,
    first: download.span.first,
    last: download.span.last,
    group: t(GROUP_WORD[dimension]),
  });
  // Characters file systems refuse are replaced (a jurisdiction's name never has them; a translation might).
  return `${name.replace(/[\\/:*?"<>|]/g, '_')}.csv`;
}

/** Saves a Blob under a name through a temporary link to an object URL (the download attribute names the file). */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function ChartSection({
  dimension,
  title,
  view,
  error,
  download,
  tree,
  extra,
}: {
  dimension: Dimension;
  title: string;
  view: StatisticsView | undefined;
  error: unknown;
  download: Download;
  tree: readonly JurisdictionNode[];
  extra?: React.ReactNode;
}) {
  const { t, lang } = useI18n();
  const { label } = useLabels();
  const [failed, setFailed] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const rows = view?.rows ?? [];
  const data = rows.map((line) => ({
    name: groupLabel(dimension, line, t, label, tree),
    incidents: line.incidents,
    deaths: line.deaths,
    injuries: line.injuries,
  }));
  const id = `statistics-${dimension === 'jurisdiction' || dimension === 'category' ? dimension : 'period'}`;
  const csv = async () => {
    setBusy(true);
    setFailed(null);
    try {
      const blob = await getBlob(
        statisticsPath(download.jurisdiction, download.instants, dimension, 'csv'),
        'text/csv',
      );
      save(blob, csvFileName(t, download, dimension));
    } catch (e) {
      setFailed(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel statistics-section" data-testid={id} aria-labelledby={`${id}-heading`}>
      <div className="statistics-section-head">
        <h2 id={`${id}-heading`}>{title}</h2>
        {extra}
        <button type="button" data-testid={`${id}-csv`} disabled={busy || !view} onClick={() => void csv()}>
          {t('statistics.csv')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {failed ? (
        <p className="form-error" role="alert">
          {t('statistics.csvFailed')}
        </p>
      ) : null}
      {view && rows.length === 0 && <p className="empty">{t('statistics.empty')}</p>}
      <div className="statistics-body">
        {rows.length > 0 && (
          <figure className="statistics-chart" data-testid={`${id}-chart`} aria-label={title}>
            <BarChart
              width={CHART.width}
              height={CHART.height}
              data={data}
              margin={{ top: 10, right: 20, bottom: 30, left: 20 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                dataKey="name"
                // Every group named while they fit; a year by day names only some days.
                interval={data.length > 12 ? 'preserveStartEnd' : 0}
                tick={{ fontSize: 11 }}
                label={{ value: t(AXIS[dimension]), position: 'insideBottom', offset: -18 }}
              />
              <YAxis
                yAxisId="count"
                allowDecimals={false}
                label={{ value: t('statistics.axis.incidents'), angle: -90, position: 'insideLeft', offset: 0 }}
              />
              <YAxis
                yAxisId="people"
                orientation="right"
                allowDecimals={false}
                label={{ value: t('statistics.axis.people'), angle: 90, position: 'insideRight', offset: 0 }}
              />
              <Tooltip />
              {/* In the order of the bars, not sorted by name. */}
              <Legend
                verticalAlign="top"
                height={24}
                itemSorter={(item) => BAR_ORDER.indexOf(String(item.dataKey) as (typeof BAR_ORDER)[number])}
              />
              <Bar
                yAxisId="count"
                dataKey="incidents"
                name={`${t('statistics.indicator.incidents')}（${t('statistics.unit.incidents')}）`}
                fill="#1d5fbf"
                isAnimationActive={false}
              />
              <Bar
                yAxisId="people"
                dataKey="deaths"
                name={`${t('statistics.indicator.deaths')}（${t('statistics.unit.people')}）`}
                fill="#c81e1e"
                isAnimationActive={false}
              />
              <Bar
                yAxisId="people"
                dataKey="injuries"
                name={`${t('statistics.indicator.injuries')}（${t('statistics.unit.people')}）`}
                fill="#e0641b"
                isAnimationActive={false}
              />
            </BarChart>
          </figure>
        )}
        {view && rows.length > 0 && (
          <table className="grid compact statistics-table" data-testid={`${id}-table`}>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t(AXIS[dimension])}</th>
                <th scope="col">{t('statistics.col.incidents')}</th>
                <th scope="col">{t('statistics.col.deaths')}</th>
                <th scope="col">{t('statistics.col.missing')}</th>
                <th scope="col">{t('statistics.col.injuries')}</th>
                <th scope="col">{t('statistics.col.loss')}</th>
                <th scope="col">{t('statistics.col.majorOrAbove')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((line, i) => (
                <tr key={line.key} data-testid="statistics-row" data-key={line.key}>
                  <th scope="row">{data[i]!.name}</th>
                  <td>{count(line.incidents, lang)}</td>
                  <td>{count(line.deaths, lang)}</td>
                  <td>{count(line.missing, lang)}</td>
                  <td>{count(line.injuries, lang)}</td>
                  <td>{tenThousandYuan(line.directLossYuan, lang)}</td>
                  <td>{count(majorOrAbove(line), lang)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="statistics-total">
                <th scope="row">{t('statistics.total')}</th>
                <td>{count(view.totals.incidents, lang)}</td>
                <td>{count(view.totals.deaths, lang)}</td>
                <td>{count(view.totals.missing, lang)}</td>
                <td>{count(view.totals.injuries, lang)}</td>
                <td>{tenThousandYuan(view.totals.directLossYuan, lang)}</td>
                <td>{count(majorOrAbove(view.totals), lang)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </div>
    </section>
  );
}

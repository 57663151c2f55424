import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { JurisdictionNode } from '@app/shared/contract';
import type { TargetDocumentView, TargetProgress, TargetsProgressView } from '@app/targets/contract';
import { activeTimeZone } from '../../app/locale';
import { ApiError, get } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { jurisdictionsWithin, useStore } from '../../store';
import { formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { jurisdictionName } from '../labels/labels';
import {
  changeWords,
  formatFigure,
  formatNumber,
  plainFigure,
  progressPath,
  targetKeys,
  targetsPath,
  targetWords,
  yearIn,
} from './model';
import { StatisticsNav } from './StatisticsNav';
import { TargetSplit } from './TargetSplit';
import { TargetsForm } from './TargetsForm';
import './targets.css';

const CHART = { width: 460, height: 220 };

/** Who may set targets: the `target.set` permission of libs/shared/src/auth/permissions.ts (commanders, admins). */
export const maySetTargets = (session: Session): boolean =>
  session.user.roles.includes('commander') || session.user.roles.includes('admin');

/** 考核目标 as routed: the jurisdiction tree comes from the console's store. */
export function TargetsScreen({ session }: { session: Session }) {
  const { state } = useStore();
  return <Targets session={session} jurisdictions={state.jurisdictions} />;
}

/** The target document of a jurisdiction and year; a jurisdiction without one reads as an empty document. */
export function useTargetDocument(jurisdiction: string, year: number, enabled = true) {
  return useQuery({
    queryKey: targetKeys.document(jurisdiction, year),
    queryFn: async () => {
      try {
        return await get<TargetDocumentView>(targetsPath(jurisdiction, year));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}

/** The place and year asked for in the address (`?jurisdiction=&year=`), so a link to a child's targets opens them. */
function fromAddress(places: { code: string }[], fallbackYear: number) {
  const query = new URLSearchParams(window.location.search);
  const code = query.get('jurisdiction');
  const year = Number(query.get('year'));
  return {
    jurisdiction: code && places.some((p) => p.code === code) ? code : null,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallbackYear,
    edit: query.get('edit') === '1',
  };
}

/**
 * 考核目标 (docs/domain.md rule 35): the targets of a jurisdiction and year with the value so far, the limit, the
 * baseline comparison, the status and the month-by-month trend; commanders and admins set them here, and see how the
 * count ceilings are split among the jurisdictions below.
 */
export function Targets({ session, jurisdictions }: { session: Session; jurisdictions: JurisdictionNode[] }) {
  const { t, lang } = useI18n();
  const zone = activeTimeZone();
  const thisYear = yearIn(zone);
  const places = useMemo(
    () => jurisdictionsWithin(jurisdictions, session.user.jurisdiction),
    [jurisdictions, session.user.jurisdiction],
  );
  const [initial] = useState(() => fromAddress(places, thisYear));
  const [jurisdiction, setJurisdiction] = useState(initial.jurisdiction ?? session.user.jurisdiction);
  const [year, setYear] = useState(initial.year);
  const mayEdit = maySetTargets(session);
  const [editing, setEditing] = useState(initial.edit && mayEdit);
  const placeName = jurisdictionName(jurisdictions, jurisdiction);

  const progress = useQuery({
    queryKey: targetKeys.progress(jurisdiction, year),
    queryFn: () => get<TargetsProgressView>(progressPath(jurisdiction, year)),
  });
  const doc = useTargetDocument(jurisdiction, year);

  /** Another place or year, kept in the address so the page can be reloaded or sent on. */
  const choose = (next: { jurisdiction?: string; year?: number; edit?: boolean }) => {
    const j = next.jurisdiction ?? jurisdiction;
    const y = next.year ?? year;
    setJurisdiction(j);
    setYear(y);
    setEditing(Boolean(next.edit) && mayEdit);
    const query = new URLSearchParams({ jurisdiction: j, year: String(y) });
    window.history.replaceState(null, '', `/statistics/targets?${query.toString()}`);
  };

  const years = useMemo(() => {
    const list = [];
    for (let y = thisYear + 1; y >= thisYear - 4; y--) list.push(y);
    if (!list.includes(year)) list.push(year);
    return list.sort((a, b) => b - a);
  }, [thisYear, year]);

  const view = progress.data;
  const loaded = progress.isSuccess && !progress.isFetching && doc.isFetched && !doc.isFetching;
  return (
    <section
      className="screen targets"
      data-testid="targets-screen"
      aria-labelledby="targets-heading"
      data-loaded={String(loaded)}>
      <StatisticsNav current="targets" />
      <div className="screen-head">
        <h1 id="targets-heading">{t('targets.title')}</h1>
        <div className="filters">
          <label htmlFor="targets-jurisdiction">{t('targets.jurisdiction')}</label>
          <select
            id="targets-jurisdiction"
            data-testid="targets-place"
            value={jurisdiction}
            onChange={(e) => choose({ jurisdiction: e.target.value })}>
            {(places.length > 0 ? places : [{ code: jurisdiction, name: placeName, depth: 0 }]).map((p) => (
              <option key={p.code} value={p.code}>
                {'\u3000'.repeat(p.depth)}
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor="targets-year">{t('targets.year')}</label>
          <select
            id="targets-year"
            data-testid="targets-year"
            value={year}
            onChange={(e) => choose({ year: Number(e.target.value) })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {t('targets.yearOption', { year: y })}
              </option>
            ))}
          </select>
          {mayEdit && !editing && (
            <button
              type="button"
              className="primary"
              data-testid="targets-edit"
              disabled={!doc.isFetched}
              onClick={() => setEditing(true)}>
              {t('targets.edit')}
            </button>
          )}
        </div>
      </div>
      {view && (
        <p className="notice" data-testid="targets-drill-note">
          {t('targets.drillNote', { asOf: formatTime(view.asOf, false, { lang, zone: view.timeZone }) })}
        </p>
      )}
      {editing && mayEdit && doc.isFetched && (
        <TargetsForm
          key={`${jurisdiction}/${year}`}
          jurisdiction={jurisdiction}
          jurisdictionName={placeName}
          year={year}
          document={doc.data ?? null}
          onClose={() => setEditing(false)}
        />
      )}
      {progress.error ? <ErrorMessage error={progress.error} /> : null}
      {progress.isLoading && <p className="muted">{t('targets.loading')}</p>}
      {view && !view.set && (
        <div className="empty" data-testid="targets-not-set">
          <p>{t('targets.notSet', { jurisdiction: view.jurisdictionName || placeName, year: view.year })}</p>
          {mayEdit && <p className="muted">{t('targets.notSetHint')}</p>}
        </div>
      )}
      {view && view.set && (
        <>
          <p className="muted" data-testid="targets-denominators">
            {t('targets.denominators', {
              year: view.year,
              gdp:
                view.denominators.gdp100mYuan === null
                  ? t('targets.denominator.none')
                  : `${formatNumber(view.denominators.gdp100mYuan, lang)} ${lang === 'en' ? '×100 million yuan' : '亿元'}`,
              vehicles:
                view.denominators.vehicles10k === null
                  ? t('targets.denominator.none')
                  : `${formatNumber(view.denominators.vehicles10k, lang)} ${lang === 'en' ? '×10,000' : '万辆'}`,
            })}
            {doc.data?.setAt && (
              <>
                {' · '}
                <span data-testid="targets-set-by">
                  {t('targets.setBy', { at: formatTime(doc.data.setAt), by: doc.data.setBy ?? '—' })}
                </span>
              </>
            )}
          </p>
          <div className="targets-cards" data-testid="targets-cards">
            {view.targets.map((target, i) => (
              <TargetCard key={`${target.indicator}-${target.kind}-${target.category ?? ''}-${i}`} target={target} />
            ))}
          </div>
        </>
      )}
      {doc.error ? <ErrorMessage error={doc.error} testId="targets-document-error" /> : null}
      {doc.data && (
        <TargetSplit
          document={doc.data}
          year={year}
          mayEdit={mayEdit}
          onOpen={(child) => choose({ jurisdiction: child, edit: true })}
        />
      )}
    </section>
  );
}

/** One target: what it asks in words, the figures, the verdict and the trend with its figures as a table. */
export function TargetCard({ target }: { target: TargetProgress }) {
  const { t, lang } = useI18n();
  const words = targetWords(target, t, lang, target.categoryLabel);
  const none = t('targets.card.noFigure');
  const figure = (v: number | null) => (v === null ? none : formatFigure(target.indicator, v, t, lang));
  const change = changeWords(target.changeFromBaseline, target.baselineYear, t, lang);
  const id = `target-${target.indicator}-${target.kind}-${target.category ?? 'all'}`;
  return (
    <article
      className="target-card"
      data-testid="target-card"
      data-indicator={target.indicator}
      data-status={target.status}
      aria-labelledby={`${id}-words`}>
      <div className="target-card-head">
        <h2 id={`${id}-words`} data-testid="target-words">
          {words}
        </h2>
        <span className={`target-status status-${target.status}`} data-testid="target-status">
          {t(`targets.status.${target.status}` as MessageKey)}
        </span>
      </div>
      <dl className="target-figures">
        <div>
          <dt>{t('targets.card.actual')}</dt>
          <dd data-testid="target-actual">{figure(target.actual)}</dd>
        </div>
        <div>
          <dt>{t('targets.card.limit')}</dt>
          <dd data-testid="target-limit">{figure(target.limit)}</dd>
        </div>
        {target.baselineYear !== null && (
          <div>
            <dt>{t('targets.card.baseline', { year: target.baselineYear })}</dt>
            <dd data-testid="target-baseline">{figure(target.baselineValue)}</dd>
          </div>
        )}
        {target.baselineSource !== null && (
          <div>
            <dt>{t('targets.card.baselineSourceLabel')}</dt>
            <dd data-testid="target-baseline-source" data-source={target.baselineSource}>
              {t(`targets.card.baselineSource.${target.baselineSource}` as MessageKey)}
            </dd>
          </div>
        )}
        {target.baselineYear !== null && (
          <div>
            <dt>{t('targets.card.change')}</dt>
            <dd data-testid="target-change">{change ?? none}</dd>
          </div>
        )}
      </dl>
      {target.deathsIncludeMissing && (
        <p className="muted small" data-testid="target-includes-missing">
          {t('targets.card.includesMissing')}
        </p>
      )}
      {target.missing.length > 0 && (
        <p className="warn-text" data-testid="target-missing">
          {t('targets.card.missing', { missing: target.missing.join(lang === 'en' ? '; ' : '；') })}
        </p>
      )}
      <Trend target={target} title={`${words} · ${t('targets.trend')}`} />
    </article>
  );
}

function Trend({ target, title }: { target: TargetProgress; title: string }) {
  const { t, lang } = useI18n();
  const unit = t(`targets.unit.${target.indicator}` as MessageKey);
  const valueHeading = t('targets.trend.value', { unit });
  const data = target.trend.map((p) => ({
    month: t('targets.trend.monthLabel', { m: Number(p.month.split('-')[1] ?? p.month) }),
    value: p.value === null ? null : plainFigure(target.indicator, p.value),
  }));
  if (data.length === 0) return <p className="muted">{t('targets.trend.none')}</p>;
  const limit = target.limit === null ? null : plainFigure(target.indicator, target.limit);
  return (
    <div className="target-trend">
      <figure className="target-chart" data-testid="target-trend-chart" aria-label={title}>
        <LineChart
          width={CHART.width}
          height={CHART.height}
          data={data}
          margin={{ top: 10, right: 20, bottom: 24, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="month"
            interval={0}
            tick={{ fontSize: 11 }}
            label={{ value: t('targets.trend.month'), position: 'insideBottom', offset: -14 }}
          />
          <YAxis
            allowDecimals={target.indicator !== 'deaths' && target.indicator !== 'incidents'}
            tick={{ fontSize: 11 }}
            label={{ value: valueHeading, angle: -90, position: 'insideLeft', offset: 4, style: { fontSize: 11 } }}
          />
          <Tooltip />
          {limit !== null && (
            <ReferenceLine
              y={limit}
              // The limit is drawn even above the figures so far (the axis stretches to it).
              ifOverflow="extendDomain"
              stroke="#c81e1e"
              strokeDasharray="6 3"
              label={{ value: t('targets.trend.limit'), position: 'insideBottomRight', fontSize: 11 }}
            />
          )}
          <Line
            type="linear"
            dataKey="value"
            name={valueHeading}
            stroke="#1d5fbf"
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </figure>
      {/* Months across, as a statistics table reads: the chart's figures for those who cannot see it. */}
      <div className="target-trend-table-wrap">
        <table className="grid compact target-trend-table" data-testid="target-trend-table">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('targets.trend.month')}</th>
              {data.map((row, i) => (
                <th scope="col" key={target.trend[i]!.month}>
                  {row.month}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{valueHeading}</th>
              {data.map((row, i) => (
                <td key={target.trend[i]!.month}>
                  {row.value === null ? t('targets.card.noFigure') : formatNumber(row.value, lang, 4)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}

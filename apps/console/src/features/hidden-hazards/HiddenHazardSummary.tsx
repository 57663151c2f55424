import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { HiddenHazardSummaryLine, HiddenHazardSummaryView } from '@app/hidden-hazards/contract';
import { useI18n } from '../../i18n';
import { ErrorMessage } from '../errors/ErrorMessage';
import { ratePercent, useHiddenHazardSummary } from './queries';

/**
 * 整改情况统计: per enterprise and per jurisdiction, the hidden hazards found, rectified, open, overdue and supervised,
 * and the 整改率 (rectified ÷ found), each a table a screen reader reads row by row, with the jurisdiction's total.
 */
export function HiddenHazardSummary() {
  const { t } = useI18n();
  return (
    <section className="supervision-panel" aria-labelledby="hh-summary-heading" data-testid="hh-summary">
      <h2 id="hh-summary-heading">{t('hiddenHazards.summary.title')}</h2>
      <SummaryTable groupBy="enterprise" />
      <SummaryTable groupBy="jurisdiction" />
    </section>
  );
}

function SummaryTable({ groupBy }: { groupBy: 'enterprise' | 'jurisdiction' }) {
  const { t } = useI18n();
  const summary = useHiddenHazardSummary(groupBy);
  const group = t(
    groupBy === 'enterprise' ? 'hiddenHazards.summary.byEnterprise' : 'hiddenHazards.summary.byJurisdiction',
  );
  const view = summary.data;
  const cells = (line: HiddenHazardSummaryLine) => (
    <>
      <td>{line.total}</td>
      <td>{line.major}</td>
      <td>{line.rectified}</td>
      <td>{line.open}</td>
      <td className={line.overdue > 0 ? 'hh-overdue' : ''}>{line.overdue}</td>
      <td>{line.supervised}</td>
      <td data-testid="hh-summary-rate">{ratePercent(line.rectificationRate)}</td>
      <td>{ratePercent(line.majorRectificationRate)}</td>
    </>
  );
  return (
    <div>
      <ErrorMessage error={summary.error} testId={`hh-summary-${groupBy}-error`} />
      {view && groupBy === 'enterprise' && view.rows.length > 0 && <RateChart view={view} />}
      {view && (
        <table className="grid hh-summary-table" data-testid={`hh-summary-${groupBy}`}>
          <caption className="small muted">{t('hiddenHazards.summary.caption', { group })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hiddenHazards.summary.col.name')}</th>
              <th scope="col">{t('hiddenHazards.summary.col.total')}</th>
              <th scope="col">{t('hiddenHazards.summary.col.major')}</th>
              <th scope="col">{t('hiddenHazards.summary.col.rectified')}</th>
              <th scope="col">{t('hiddenHazards.summary.col.open')}</th>
              <th scope="col">{t('hiddenHazards.summary.col.overdue')}</th>
              <th scope="col">{t('hiddenHazards.summary.col.supervised')}</th>
              <th scope="col">{t('hiddenHazards.summary.col.rate')}</th>
              <th scope="col">{t('hiddenHazards.summary.col.majorRate')}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.length === 0 && (
              <tr>
                <td colSpan={9} className="muted">
                  {t('hiddenHazards.summary.empty')}
                </td>
              </tr>
            )}
            {view.rows.map((line) => (
              <tr key={line.key} data-testid="hh-summary-row" data-key={line.key}>
                <th scope="row">{line.label}</th>
                {cells(line)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="hh-summary-total">
              <th scope="row">{t('hiddenHazards.summary.total', { name: view.jurisdictionName })}</th>
              {cells(view.totals)}
            </tr>
          </tfoot>
        </table>
      )}
    </div>
  );
}

/**
 * The 整改率 of each enterprise as bars (0–100 %), lowest first so the units to press stand out; the table below says
 * the same in rows for a screen reader, so the figure is labelled but not read out bar by bar.
 */
function RateChart({ view }: { view: HiddenHazardSummaryView }) {
  const { t } = useI18n();
  const data = view.rows
    .filter((r) => r.rectificationRate !== null)
    .map((r) => ({ name: r.label, rate: Math.round((r.rectificationRate ?? 0) * 1000) / 10 }))
    .sort((a, b) => a.rate - b.rate);
  return (
    <figure className="hh-chart" data-testid="hh-summary-chart" aria-label={t('hiddenHazards.summary.chart')}>
      <BarChart
        width={520}
        height={Math.max(120, 36 * data.length + 50)}
        data={data}
        layout="vertical"
        margin={{ left: 20, right: 30, bottom: 20 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          domain={[0, 100]}
          unit="%"
          label={{ value: t('hiddenHazards.summary.rateAxis'), position: 'insideBottom', offset: -10 }}
        />
        <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 11 }} />
        <Tooltip formatter={(value) => `${String(value)}%`} />
        <Bar dataKey="rate" name={t('hiddenHazards.summary.col.rate')} fill="#1d5fbf" isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}

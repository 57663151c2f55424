import type { HiddenHazardSummaryLine } from '@app/hidden-hazards/contract';
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
      <div className="supervision-columns">
        <SummaryTable groupBy="enterprise" />
        <SummaryTable groupBy="jurisdiction" />
      </div>
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
      {view && (
        <table className="grid" data-testid={`hh-summary-${groupBy}`}>
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

import type { TargetDocumentView } from '@app/targets/contract';
import { useI18n, type MessageKey } from '../../i18n';
import { categoryName, formatFigure } from './model';

/**
 * 目标分解: for each count ceiling of this jurisdiction, the targets the jurisdictions below have set and their sum
 * against it (docs/domain.md rule 35). A child's name opens its own targets (for editing, to those who may set them).
 */
export function TargetSplit({
  document,
  year,
  mayEdit,
  onOpen,
}: {
  document: TargetDocumentView;
  year: number;
  mayEdit: boolean;
  onOpen: (child: string) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <section className="targets-split" data-testid="targets-split" aria-labelledby="targets-split-heading">
      <h2 id="targets-split-heading">{t('targets.split.title')}</h2>
      <p className="muted">{t('targets.split.intro')}</p>
      {document.split.length === 0 && <p className="empty">{t('targets.split.none')}</p>}
      {document.split.map((line) => {
        const indicator = t(`targets.indicator.${line.indicator}` as MessageKey);
        const heading = line.category
          ? t('targets.words.withCategory', { category: categoryName(t, line.category), words: indicator })
          : indicator;
        const fig = (v: number) => formatFigure(line.indicator, v, t, lang);
        const over = line.parentValue !== null && line.childrenSum > line.parentValue;
        return (
          <table
            key={`${line.indicator}-${line.category ?? ''}`}
            className="grid compact"
            data-testid="targets-split-line"
            data-indicator={line.indicator}>
            <caption>{heading}</caption>
            <thead>
              <tr>
                <th scope="col">{t('targets.split.child')}</th>
                <th scope="col">{t('targets.split.childValue')}</th>
              </tr>
            </thead>
            <tbody>
              {line.children.map((child) => (
                <tr key={child.jurisdiction} data-testid="targets-split-child" data-jurisdiction={child.jurisdiction}>
                  <th scope="row">
                    <a
                      href={`/statistics/targets?jurisdiction=${encodeURIComponent(child.jurisdiction)}&year=${year}&edit=1`}
                      data-testid="targets-split-open"
                      onClick={(e) => {
                        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                        e.preventDefault();
                        onOpen(child.jurisdiction);
                      }}>
                      {t(mayEdit ? 'targets.split.setChild' : 'targets.split.viewChild', {
                        name: child.jurisdictionName,
                      })}
                    </a>
                  </th>
                  <td>{child.value === null ? t('targets.split.notSet') : fig(child.value)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('targets.split.sum')}</th>
                <td data-testid="targets-split-sum">{fig(line.childrenSum)}</td>
              </tr>
              <tr>
                <th scope="row">{t('targets.split.parent')}</th>
                <td data-testid="targets-split-parent">
                  {line.parentValue === null ? t('targets.split.notSet') : fig(line.parentValue)}
                </td>
              </tr>
              {line.parentValue !== null && (
                <tr>
                  <td colSpan={2} className={over ? 'split-over' : 'ok-text'} data-testid="targets-split-verdict">
                    {t(over ? 'targets.split.over' : 'targets.split.within')}
                  </td>
                </tr>
              )}
            </tfoot>
          </table>
        );
      })}
    </section>
  );
}

import { useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { StockLineView, WarehouseView } from '@app/warehouses/contract';
import { getAll } from '../../api';
import { useLiveMessages } from '../../app/live-events';
import { useI18n } from '../../i18n';
import { formatDate } from '../../time';
import { ErrorMessage } from '../errors/ErrorMessage';
import { useLabels } from '../labels/labels';

export const WAREHOUSES_KEY = ['warehouses'] as const;

/** A `stock.changed` delta: the one line it carries replaces the cached line of its warehouse and material. */
export function withStockLine(list: WarehouseView[] | undefined, line: StockLineView): WarehouseView[] | undefined {
  if (!list) return list;
  return list.map((w) => {
    if (w.id !== line.warehouseId) return w;
    const known = w.stock.some((l) => l.materialCode === line.materialCode);
    const stock = known
      ? w.stock.map((l) => (l.materialCode === line.materialCode ? line : l))
      : [...w.stock, line].sort((a, b) => a.materialCode.localeCompare(b.materialCode));
    return { ...w, stock };
  });
}

/**
 * 物资库存: every warehouse of the user's jurisdictions with its stock lines, from `GET /warehouses` in the query
 * cache, kept current by `stock.changed`. Material names, units, levels and reserve kinds are named from their codes
 * in the console's language; expiry dates carry their year.
 */
export function StockScreen() {
  const { t } = useI18n();
  const { label } = useLabels();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: WAREHOUSES_KEY, queryFn: () => getAll<WarehouseView>('/warehouses') });
  useLiveMessages(['stock.changed'], (m) =>
    queryClient.setQueryData<WarehouseView[]>(WAREHOUSES_KEY, (list) => withStockLine(list, m.data as StockLineView)),
  );
  const warehouses = useMemo(
    () =>
      [...(query.data ?? [])].sort(
        (a, b) =>
          a.jurisdictionName.localeCompare(b.jurisdictionName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'),
      ),
    [query.data],
  );
  return (
    <section aria-labelledby="stock-heading">
      <div className="screen-head">
        <h1 id="stock-heading">{t('stock.title')}</h1>
        <div className="chips">
          <span className="badge below">{t('stock.belowMinimum')}</span>
          <span className="badge near">{t('stock.nearExpiry')}</span>
        </div>
      </div>
      {query.isError && <ErrorMessage error={query.error} testId="stock-error" />}
      {warehouses.map((w) => (
        <section key={w.id} className="panel" data-testid="warehouse" data-warehouse-id={w.id}>
          <h2>
            {w.name}{' '}
            <span className="small muted" data-testid="warehouse-facts">
              {label('warehouseLevel', w.level, w.levelLabel)} ·{' '}
              {label('reserveKind', w.reserveKind, w.reserveKindLabel)} · {w.jurisdictionName} · {w.location.address}
            </span>
          </h2>
          {w.stock.length === 0 ? (
            <p className="muted">{t('stock.empty')}</p>
          ) : (
            <table className="grid compact">
              <thead>
                <tr>
                  <th scope="col">{t('stock.code')}</th>
                  <th scope="col">{t('stock.material')}</th>
                  <th scope="col">{t('stock.onHand')}</th>
                  <th scope="col">{t('stock.reserved')}</th>
                  <th scope="col">{t('stock.available')}</th>
                  <th scope="col">{t('stock.minimum')}</th>
                  <th scope="col">{t('stock.expiry')}</th>
                </tr>
              </thead>
              <tbody>
                {w.stock.map((l) => (
                  <tr
                    key={l.materialCode}
                    data-testid="stock-line"
                    data-material-code={l.materialCode}
                    data-below-minimum={l.belowMinimum ? 'true' : 'false'}
                    data-near-expiry={l.nearExpiry ? 'true' : 'false'}
                    className={[l.belowMinimum ? 'below' : '', l.nearExpiry ? 'near' : ''].join(' ')}>
                    <td>{l.materialCode}</td>
                    <td data-testid="stock-material">{label('material', l.materialCode, l.materialName)}</td>
                    <td data-testid="stock-on-hand">
                      {l.onHand} {label('unit', l.unit, l.unit)}
                    </td>
                    <td>{l.reserved}</td>
                    <td>
                      <strong data-testid="stock-available">{l.available}</strong>
                      {l.belowMinimum && <span className="badge below">{t('stock.belowMinimum')}</span>}
                    </td>
                    <td>{l.minimum}</td>
                    <td data-testid="stock-expiry">
                      {formatDate(l.nearestExpiry)}
                      {l.nearExpiry && <span className="badge near">{t('stock.nearExpiry')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </section>
  );
}

import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { useStore } from '../../store';
import { formatTime } from '../../time';

export function StockScreen() {
  const { t } = useI18n();
  const { state } = useStore();
  const warehouses = useMemo(
    () =>
      Object.values(state.warehouses).sort(
        (a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.name.localeCompare(b.name, 'zh-CN'),
      ),
    [state.warehouses],
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
      {warehouses.map((w) => (
        <section key={w.id} className="panel" data-testid="warehouse" data-warehouse-id={w.id}>
          <h2>
            {w.name}{' '}
            <span className="small muted">
              {w.levelLabel} · {w.reserveKindLabel} · {w.jurisdictionName} · {w.location.address}
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
                    <td>{l.materialName}</td>
                    <td>
                      {l.onHand} {l.unit}
                    </td>
                    <td>{l.reserved}</td>
                    <td>
                      <strong>{l.available}</strong>
                      {l.belowMinimum && <span className="badge below">{t('stock.belowMinimum')}</span>}
                    </td>
                    <td>{l.minimum}</td>
                    <td>
                      {formatTime(l.nearestExpiry)}
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

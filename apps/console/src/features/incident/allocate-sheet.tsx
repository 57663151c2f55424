import { useEffect, useState } from 'react';
import { commandPost } from '../../api';
import { useI18n } from '../../i18n';
import type { Recommendations } from '@app/dispatch/contract';
import type { WarehouseView } from '@app/warehouses/contract';
import { materialNameAny, type Act } from './shared';

/** What is still to allocate per material: "已调拨 4/10". */
export function MaterialNeeds({
  recs,
  warehouses,
}: {
  recs: Recommendations;
  warehouses: Record<string, WarehouseView>;
}) {
  const { t } = useI18n();
  if (recs.materialNeeds.length === 0) return null;
  return (
    <ul className="incident-needs" data-testid="material-needs" aria-label={t('incident.allocate.needs')}>
      {recs.materialNeeds.map((m) => (
        <li
          key={m.materialCode}
          data-testid="material-need"
          data-material={m.materialCode}
          data-remaining={m.remaining}
          className={m.remaining > 0 ? 'need-open' : 'need-met'}>
          {t('incident.allocate.needLine', {
            name: materialNameAny(warehouses, m.materialCode),
            allocated: m.allocated,
            needed: m.needed,
          })}
        </li>
      ))}
    </ul>
  );
}

/** How long a sent allocation holds the form back when the recommendations have not caught up with it. */
const SENT_HOLD_MS = 15_000;

interface Line {
  materialCode: string;
  quantity: string;
}

/** Why a line cannot be sent as typed, or a warning that it may be sent but leaves the warehouse short. */
export function lineProblem(
  quantity: string,
  line: { available: number; minimum: number } | undefined,
): { kind: 'error' | 'warning'; key: 'bad' | 'tooMany' | 'belowMinimum' } | null {
  if (!/^\d+$/.test(quantity.trim()) || Number(quantity) < 1) return { kind: 'error', key: 'bad' };
  const n = Number(quantity);
  const available = line?.available ?? 0;
  if (n > available) return { kind: 'error', key: 'tooMany' };
  if (line && line.minimum > 0 && available - n < line.minimum) return { kind: 'warning', key: 'belowMinimum' };
  return null;
}

/**
 * 调拨: what is still to allocate (the recommendations take off every allocation not cancelled), from a warehouse the
 * commander picks, each quantity editable before it is sent. When nothing is left to allocate nothing is offered.
 */
export function AllocateSheet({
  incidentId,
  recs,
  warehouses,
  busy,
  act,
}: {
  incidentId: string;
  recs: Recommendations | null;
  warehouses: Record<string, WarehouseView>;
  busy: boolean;
  act: Act;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  // The needs as they stood when an allocation was sent: until the recommendations show it taken off (or a while has
  // passed), the form is not offered again, so a second click cannot reserve the same supplies twice.
  const [sentFor, setSentFor] = useState<string | null>(null);
  const needsKey = recs ? recs.neededMaterials.map((m) => `${m.materialCode}=${m.quantity}`).join(',') : '';
  const held = sentFor !== null && sentFor === needsKey;
  useEffect(() => {
    if (!held) return;
    const timer = setTimeout(() => setSentFor(null), SENT_HOLD_MS);
    return () => clearTimeout(timer);
  }, [held]);
  if (!recs) return <p className="muted">{t('detail.loading')}</p>;
  if (held)
    return (
      <div data-testid="allocate-sheet">
        <MaterialNeeds recs={recs} warehouses={warehouses} />
        <p className="muted" data-testid="allocate-updating" role="status">
          {t('incident.allocate.updating')}
        </p>
      </div>
    );
  if (recs.neededMaterials.length === 0)
    return (
      <div data-testid="allocate-sheet">
        <MaterialNeeds recs={recs} warehouses={warehouses} />
        <p className="muted" data-testid="allocate-covered">
          {t('incident.allocate.covered')}
        </p>
      </div>
    );
  if (recs.warehouses.length === 0)
    return (
      <div data-testid="allocate-sheet">
        <MaterialNeeds recs={recs} warehouses={warehouses} />
        <p className="muted">{t('incident.allocate.none')}</p>
      </div>
    );
  const warehouseId =
    chosen && recs.warehouses.some((w) => w.warehouseId === chosen) ? chosen : recs.warehouses[0]!.warehouseId;
  return (
    <div data-testid="allocate-sheet" className="incident-allocate">
      <MaterialNeeds recs={recs} warehouses={warehouses} />
      <div className="incident-allocate-body">
        <fieldset className="incident-warehouses">
          <legend>{t('incident.allocate.warehouse')}</legend>
          {recs.warehouses.map((r) => (
            <label
              key={r.warehouseId}
              data-testid="recommended-warehouse"
              data-warehouse-id={r.warehouseId}
              data-sufficient={r.sufficient ? 'true' : 'false'}>
              <input
                type="radio"
                name="allocate-warehouse"
                data-testid="allocate-choose"
                checked={r.warehouseId === warehouseId}
                onChange={() => setChosen(r.warehouseId)}
              />{' '}
              <strong>{r.name}</strong>{' '}
              <span className={r.sufficient ? 'ok-text small' : 'warn-text small'}>
                {r.sufficient ? t('sufficient') : t('shortfall')}
              </span>
              <span className="small muted"> {r.reason}</span>
            </label>
          ))}
        </fieldset>
        <AllocationEditor
          // A new warehouse or new needs start the lines afresh from what is still to allocate.
          key={`${warehouseId}:${needsKey}`}
          incidentId={incidentId}
          warehouse={warehouses[warehouseId]}
          warehouseId={warehouseId}
          warehouseName={recs.warehouses.find((w) => w.warehouseId === warehouseId)!.name}
          needs={recs.neededMaterials}
          allWarehouses={warehouses}
          busy={busy}
          act={act}
          onSent={() => setSentFor(needsKey)}
        />
      </div>
    </div>
  );
}

function AllocationEditor({
  incidentId,
  warehouse,
  warehouseId,
  warehouseName,
  needs,
  allWarehouses,
  busy,
  act,
  onSent,
}: {
  incidentId: string;
  warehouse: WarehouseView | undefined;
  warehouseId: string;
  warehouseName: string;
  needs: { materialCode: string; quantity: number }[];
  allWarehouses: Record<string, WarehouseView>;
  busy: boolean;
  act: Act;
  onSent: () => void;
}) {
  const { t } = useI18n();
  const stockOf = (code: string) => warehouse?.stock.find((l) => l.materialCode === code);
  // Never more than the warehouse holds: the line starts at what is needed or what is there, whichever is less.
  const [lines, setLines] = useState<Line[]>(() =>
    needs
      .map((n) => ({ ...n, quantity: Math.min(n.quantity, stockOf(n.materialCode)?.available ?? n.quantity) }))
      .filter((n) => n.quantity > 0)
      .map((n) => ({ materialCode: n.materialCode, quantity: String(n.quantity) })),
  );
  const problems = lines.map((l) => (warehouse ? lineProblem(l.quantity, stockOf(l.materialCode)) : null));
  const blocked = lines.length === 0 || problems.some((p) => p?.kind === 'error');
  return (
    <form
      className="incident-allocate-lines"
      data-testid="allocate-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (blocked) return;
        const items = lines.map((l) => ({ materialCode: l.materialCode, quantity: Number(l.quantity) }));
        void act(
          `${t('btn.allocate')} ${warehouseName}`,
          () => commandPost(`/warehouses/${warehouseId}/allocations`, { incidentId, items }),
          onSent,
        );
      }}>
      <table className="small">
        <thead>
          <tr>
            <th scope="col">{t('incident.allocate.material')}</th>
            <th scope="col">{t('incident.allocate.quantity')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const stock = stockOf(l.materialCode);
            const problem = problems[i];
            const inputId = `allocate-qty-${l.materialCode}`;
            return (
              <tr key={l.materialCode} data-testid="allocate-line" data-material={l.materialCode}>
                <td>
                  <label htmlFor={inputId}>{materialNameAny(allWarehouses, l.materialCode)}</label>
                  {stock && (
                    <div className="muted">{t('incident.allocate.available', { available: stock.available })}</div>
                  )}
                </td>
                <td>
                  <input
                    id={inputId}
                    className="incident-qty"
                    data-testid="allocate-quantity"
                    inputMode="numeric"
                    value={l.quantity}
                    aria-invalid={problem?.kind === 'error' ? true : undefined}
                    onChange={(e) =>
                      setLines((all) => all.map((x, j) => (j === i ? { ...x, quantity: e.target.value } : x)))
                    }
                  />
                  {problem && (
                    <div
                      className={problem.kind === 'error' ? 'field-error' : 'warn-text'}
                      role={problem.kind === 'error' ? 'alert' : undefined}
                      data-testid="allocate-problem">
                      {problem.key === 'bad'
                        ? t('incident.allocate.badQuantity')
                        : problem.key === 'tooMany'
                          ? t('incident.allocate.tooMany', { available: stock?.available ?? 0 })
                          : t('incident.allocate.belowMinimum', { minimum: stock?.minimum ?? 0 })}
                    </div>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="linkish"
                    data-testid="allocate-remove"
                    onClick={() => setLines((all) => all.filter((_, j) => j !== i))}>
                    {t('incident.allocate.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {lines.length === 0 && <p className="field-error">{t('incident.allocate.nothing')}</p>}
      <button type="submit" className="primary" data-testid="allocate-submit" disabled={busy || blocked}>
        {t('incident.allocate.submit')}
      </button>
    </form>
  );
}

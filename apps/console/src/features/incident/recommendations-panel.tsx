import { commandPost } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import type { Recommendations } from '@app/dispatch/contract';
import type { WarehouseView } from '@app/warehouses/contract';
import { Panel, materialNameAny, type Act } from './shared';

/** What the incident needs, and the teams and warehouses suggested for it, each dispatched or allocated in one click. */
export function RecommendationsPanel({
  id,
  recs,
  warehouses,
  canAct,
  busy,
  act,
}: {
  id: string;
  recs: Recommendations | null;
  warehouses: Record<string, WarehouseView>;
  canAct: boolean;
  busy: boolean;
  act: Act;
}) {
  const { t, lang } = useI18n();
  return (
    <Panel title={t('detail.recommendations')} wide>
      {recs && (
        <>
          <p className="small muted">
            {t('detail.needs')}：
            {(lang === 'zh' ? (recs.neededSpecialtyLabels ?? recs.neededSpecialties) : recs.neededSpecialties).join(
              '、',
            ) || t('none')}
            （{t(`detail.needsFrom.${recs.needsFrom}` as MessageKey)}）；
            {t('detail.neededMaterials')}：
            {recs.neededMaterials
              .map((m) => `${materialNameAny(warehouses, m.materialCode)} × ${m.quantity}`)
              .join('，') || t('none')}
          </p>
          <div className="two-col">
            <div>
              <h3>{t('detail.recTeams')}</h3>
              <ul className="list">
                {recs.teams.map((r) => (
                  <li key={r.teamId} data-testid="recommended-team" data-team-id={r.teamId}>
                    <div>
                      <strong>{r.name}</strong>{' '}
                      <span className="small muted">
                        {r.distanceKm} {t('km')} · {t('eta')} {r.etaMinutes} {t('minutes')}
                      </span>
                    </div>
                    <div className="small">{r.reason}</div>
                    {canAct && (
                      <button
                        type="button"
                        data-testid="dispatch-team"
                        disabled={busy}
                        onClick={() =>
                          void act(`${t('btn.dispatch')} ${r.name}`, () =>
                            commandPost(`/teams/${r.teamId}/dispatch`, { incidentId: id }),
                          )
                        }>
                        {t('btn.dispatch')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h3>{t('detail.recWarehouses')}</h3>
              <ul className="list">
                {recs.warehouses.map((r) => (
                  <li
                    key={r.warehouseId}
                    data-testid="recommended-warehouse"
                    data-warehouse-id={r.warehouseId}
                    data-sufficient={r.sufficient ? 'true' : 'false'}>
                    <div>
                      <strong>{r.name}</strong>{' '}
                      <span className={r.sufficient ? 'ok-text small' : 'warn-text small'}>
                        {r.sufficient ? t('sufficient') : t('shortfall')}
                      </span>
                    </div>
                    <div className="small">{r.reason}</div>
                    {canAct && recs.neededMaterials.length > 0 && (
                      <button
                        type="button"
                        data-testid="allocate-warehouse"
                        disabled={busy}
                        onClick={() =>
                          void act(`${t('btn.allocate')} ${r.name}`, () =>
                            commandPost(`/warehouses/${r.warehouseId}/allocations`, {
                              incidentId: id,
                              items: recs.neededMaterials,
                            }),
                          )
                        }>
                        {t('btn.allocate')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </>
      )}
    </Panel>
  );
}

import { commandPost } from '../../api';
import { useI18n } from '../../i18n';
import { formatTime } from '../../time';
import type { IncidentView } from '@app/incidents/contract';
import type { TeamView } from '@app/teams/contract';
import type { WarehouseView } from '@app/warehouses/contract';
import { Panel, label, materialName, type Act } from './shared';

/** The teams sent to the incident, with their live status while they still work on it. */
export function AssignedTeamsPanel({ incident, teams }: { incident: IncidentView; teams: Record<string, TeamView> }) {
  const { t } = useI18n();
  return (
    <Panel title={t('detail.assigned')}>
      {incident.assignedTeams.length === 0 ? (
        <p className="muted">{t('detail.noneAssigned')}</p>
      ) : (
        <ul className="list">
          {incident.assignedTeams.map((a) => {
            const team = teams[a.teamId];
            const status = team && team.incidentId === incident.id ? team.status : a.status;
            return (
              <li key={a.teamId} data-testid="assigned-team" data-team-id={a.teamId} data-status={status}>
                <strong>{a.name}</strong>{' '}
                <span className={`badge team-${status}`}>{label(t, `teamStatus.${status}`, status)}</span>
                <span className="muted small">
                  {' '}
                  {formatTime(a.dispatchedAt)}
                  {a.task ? ` · ${a.task}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

/** Materials allocated from warehouses, and the commander's ship / deliver / cancel steps for each. */
export function AllocationsPanel({
  incident,
  warehouses,
  mayCommand,
  busy,
  act,
}: {
  incident: IncidentView;
  warehouses: Record<string, WarehouseView>;
  mayCommand: boolean;
  busy: boolean;
  act: Act;
}) {
  const { t } = useI18n();
  return (
    <Panel title={t('detail.allocations')}>
      {incident.allocations.length === 0 ? (
        <p className="muted">{t('detail.noAllocations')}</p>
      ) : (
        <ul className="list">
          {incident.allocations.map((al) => {
            const w = warehouses[al.warehouseId];
            return (
              <li
                key={al.allocationId}
                data-testid="allocation"
                data-allocation-id={al.allocationId}
                data-status={al.status}>
                <strong>{w?.name ?? t('alloc.unknownWarehouse')}</strong>{' '}
                <span className={`badge alloc-${al.status}`}>{label(t, `alloc.${al.status}`, al.status)}</span>
                <div className="small">
                  {al.items.map((it) => `${materialName(w, it.materialCode)} × ${it.quantity}`).join('，')}
                </div>
                {mayCommand && (al.status === 'reserved' || al.status === 'shipped') && (
                  <div className="actions">
                    {al.status === 'reserved' && (
                      <button
                        type="button"
                        data-testid="ship-allocation"
                        disabled={busy}
                        onClick={() =>
                          void act(t('btn.ship'), () =>
                            commandPost(`/warehouses/${al.warehouseId}/allocations/${al.allocationId}/ship`, {}),
                          )
                        }>
                        {t('btn.ship')}
                      </button>
                    )}
                    {al.status === 'shipped' && (
                      <button
                        type="button"
                        data-testid="deliver-allocation"
                        disabled={busy}
                        onClick={() =>
                          void act(t('btn.deliver'), () =>
                            commandPost(`/warehouses/${al.warehouseId}/allocations/${al.allocationId}/deliver`, {}),
                          )
                        }>
                        {t('btn.deliver')}
                      </button>
                    )}
                    <button
                      type="button"
                      data-testid="cancel-allocation"
                      disabled={busy}
                      onClick={() =>
                        void act(t('btn.cancelAllocation'), () =>
                          commandPost(`/warehouses/${al.warehouseId}/allocations/${al.allocationId}/cancel`, {}),
                        )
                      }>
                      {t('btn.cancelAllocation')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { DrillView } from '@app/drills/contract';
import type { IncidentView } from '@app/incidents/contract';
import type { TeamView } from '@app/teams/contract';
import type { WarehouseView } from '@app/warehouses/contract';
import { commandPost, currentSession, get, getAll } from '../../api';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { formatTime } from '../../time';
import { ErrorMessage } from '../errors/ErrorMessage';
import { useLabels } from '../labels/labels';
import { drillIncidentsKey, drillKey } from './drill-words';

type Feedback = { kind: 'ok'; text: string } | { kind: 'error'; error: unknown } | null;

/**
 * The actions a drill incident offers in the incident workspace: simulated dispatch (with its task), simulated
 * allocation and simulated arrival on scene, through the drill's own endpoints. Nothing real is touched: the team keeps
 * its status and the warehouse its stock (docs/domain.md rule 20). Offered only while the drill runs.
 */
export function DrillIncidentActions({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const drillId = incident.drillId ?? '';
  const queryClient = useQueryClient();
  const drill = useQuery({
    queryKey: drillKey(drillId),
    queryFn: () => get<DrillView>(`/drills/${drillId}`),
    enabled: drillId !== '',
  });
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const running = drill.data?.status === 'running' && incident.status === 'open';
  // Simulated actions are the drill's commanders' and coordinators' (permission `drill.act`); others only read.
  const mayAct = (currentSession()?.user.roles ?? []).some((r) => r === 'commander' || r === 'drill_coordinator');

  const act = async (done: string, path: string, body: unknown): Promise<boolean> => {
    setBusy(true);
    try {
      await commandPost(`/drills/${drillId}/${path}`, body);
      setFeedback({ kind: 'ok', text: done });
      // The incident itself comes back through its live delta (the workspace follows it); the drill page reads anew.
      void queryClient.invalidateQueries({ queryKey: drillIncidentsKey(drillId) });
      return true;
    } catch (error) {
      setFeedback({ kind: 'error', error });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="panel wide drill-actions"
      data-testid="drill-incident-actions"
      data-drill-id={drillId}
      aria-labelledby="drill-actions-title">
      <h2 id="drill-actions-title">{t('drills.actions.title')}</h2>
      <p className="muted small">
        {t('drills.actions.note')}{' '}
        {drill.data && (
          <a
            href={`/drills/${drillId}`}
            data-testid="drill-actions-open-drill"
            onClick={linkHandler(`/drills/${drillId}`)}>
            {t('drills.actions.openDrill')}：{drill.data.title}
          </a>
        )}
      </p>
      {drill.error && <ErrorMessage error={drill.error} testId="drill-actions-error" />}
      {/* A drill that is not running is said once, by the workspace (演练已结束…); here only a closed incident is. */}
      {drill.data?.status === 'running' && !running && (
        <p className="muted" data-testid="drill-actions-not-running">
          {t('drills.actions.notRunning')}
        </p>
      )}
      {feedback?.kind === 'ok' && (
        <p className="feedback ok" role="status" data-testid="drill-actions-feedback">
          {feedback.text}
        </p>
      )}
      {feedback?.kind === 'error' && <ErrorMessage error={feedback.error} testId="drill-actions-failed" />}
      {running && mayAct && (
        <div className="detail-grid">
          <SimulatedDispatch incident={incident} busy={busy} act={act} />
          <SimulatedAllocation incident={incident} busy={busy} act={act} />
          <SimulatedArrival incident={incident} busy={busy} act={act} />
        </div>
      )}
    </section>
  );
}

type Act = (done: string, path: string, body: unknown) => Promise<boolean>;

function SimulatedDispatch({ incident, busy, act }: { incident: IncidentView; busy: boolean; act: Act }) {
  const { t } = useI18n();
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => getAll<TeamView>('/teams') });
  const [teamId, setTeamId] = useState('');
  const [task, setTask] = useState('');
  const sent = new Set(incident.assignedTeams.map((a) => a.teamId));
  const choices = (teams.data ?? []).filter((team) => !sent.has(team.id));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const team = choices.find((x) => x.id === teamId);
    if (!team) return;
    const body = { incidentId: incident.id, teamId, ...(task.trim() ? { task: task.trim() } : {}) };
    if (await act(t('drills.actions.dispatched', { team: team.name }), 'dispatches', body)) {
      setTeamId('');
      setTask('');
    }
  };
  return (
    <form className="drill-form" data-testid="sim-dispatch" onSubmit={(e) => void submit(e)}>
      <h3>{t('drills.actions.dispatch')}</h3>
      <label className="field">
        <span>{t('drills.actions.team')}</span>
        <select data-testid="sim-dispatch-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          <option value="">{t('drills.actions.choose')}</option>
          {choices.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}（{team.jurisdictionName}）
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('drills.actions.task')}</span>
        <input data-testid="sim-dispatch-task" value={task} maxLength={500} onChange={(e) => setTask(e.target.value)} />
      </label>
      <div className="actions">
        <button type="submit" disabled={busy || !teamId} data-testid="sim-dispatch-submit">
          {t('drills.actions.dispatchSubmit')}
        </button>
      </div>
    </form>
  );
}

function SimulatedAllocation({ incident, busy, act }: { incident: IncidentView; busy: boolean; act: Act }) {
  const { t } = useI18n();
  const { label } = useLabels();
  const warehouses = useQuery({ queryKey: ['warehouses'], queryFn: () => getAll<WarehouseView>('/warehouses') });
  const [warehouseId, setWarehouseId] = useState('');
  const [materialCode, setMaterialCode] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [invalid, setInvalid] = useState(false);
  const warehouse = warehouses.data?.find((w) => w.id === warehouseId);
  const line = warehouse?.stock.find((s) => s.materialCode === materialCode);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!warehouse || !line) return;
    if (!/^[1-9]\d*$/.test(quantity.trim())) return setInvalid(true);
    setInvalid(false);
    const done = t('drills.actions.allocated', {
      material: label('material', line.materialCode, line.materialName),
      quantity: quantity.trim(),
      unit: label('unit', line.unit, line.unit),
    });
    const body = {
      incidentId: incident.id,
      warehouseId,
      items: [{ materialCode, quantity: Number(quantity.trim()) }],
    };
    if (await act(done, 'allocations', body)) setQuantity('1');
  };
  return (
    <form className="drill-form" data-testid="sim-allocate" onSubmit={(e) => void submit(e)}>
      <h3>{t('drills.actions.allocate')}</h3>
      <label className="field">
        <span>{t('drills.actions.warehouse')}</span>
        <select
          data-testid="sim-allocate-warehouse"
          value={warehouseId}
          onChange={(e) => {
            setWarehouseId(e.target.value);
            setMaterialCode('');
          }}>
          <option value="">{t('drills.actions.choose')}</option>
          {(warehouses.data ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('drills.actions.material')}</span>
        <select
          data-testid="sim-allocate-material"
          value={materialCode}
          onChange={(e) => setMaterialCode(e.target.value)}>
          <option value="">{t('drills.actions.choose')}</option>
          {(warehouse?.stock ?? []).map((s) => (
            <option key={s.materialCode} value={s.materialCode}>
              {label('material', s.materialCode, s.materialName)}
            </option>
          ))}
        </select>
      </label>
      <label className={`field${invalid ? ' invalid' : ''}`}>
        <span>
          {t('drills.actions.quantity')}
          {line ? `（${label('unit', line.unit, line.unit)}）` : ''}
        </span>
        <input
          data-testid="sim-allocate-quantity"
          inputMode="numeric"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
      </label>
      {invalid && <p className="field-error">{t('drills.actions.invalidQuantity')}</p>}
      <div className="actions">
        <button type="submit" disabled={busy || !line} data-testid="sim-allocate-submit">
          {t('drills.actions.allocateSubmit')}
        </button>
      </div>
    </form>
  );
}

function SimulatedArrival({ incident, busy, act }: { incident: IncidentView; busy: boolean; act: Act }) {
  const { t } = useI18n();
  return (
    <div className="drill-form" data-testid="sim-arrival">
      <h3>{t('drills.actions.arrival')}</h3>
      {incident.assignedTeams.length === 0 && <p className="muted small">{t('drills.actions.noTeams')}</p>}
      <ul className="list">
        {incident.assignedTeams.map((a) => (
          <li key={a.teamId} data-testid="sim-arrival-team" data-team-id={a.teamId} data-status={a.status}>
            <strong>{a.name}</strong>
            {a.task ? <span className="muted small"> · {a.task}</span> : null}{' '}
            {a.arrivedAt ? (
              <span className="small" data-testid="sim-arrived-at">
                {t('drills.actions.arrivedAt', { at: formatTime(a.arrivedAt, true) })}
              </span>
            ) : (
              <button
                type="button"
                disabled={busy}
                data-testid="sim-arrive"
                onClick={() =>
                  void act(t('drills.actions.arrived', { team: a.name }), 'arrivals', {
                    incidentId: incident.id,
                    teamId: a.teamId,
                  })
                }>
                {t('drills.actions.arrive')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

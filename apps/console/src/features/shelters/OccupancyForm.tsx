import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ShelterView } from '@app/shelters/contract';
import { commandPost } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { ErrorMessage } from '../errors/ErrorMessage';
import { shelterKeys, useOpenIncidents } from './queries';

/** Why a typed count cannot be sent, or null: a whole number from 0 to the shelter's capacity (docs/domain.md rule 34). */
export function occupancyProblem(text: string, capacity: number): { key: MessageKey; capacity?: number } | null {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return { key: 'shelters.occupancy.integer' };
  if (Number(value) > capacity) return { key: 'shelters.occupancy.overCapacity', capacity };
  return null;
}

/**
 * 记录安置人数: how many people the shelter holds now, for which incident. From the shelter's page the incident is
 * chosen from the real incidents in response; from an incident's workspace it is that incident (`incidentId`). A
 * count above the capacity is refused here as the server refuses it.
 */
export function OccupancyForm({
  shelter,
  incidentId,
  onDone,
  compact = false,
}: {
  shelter: Pick<ShelterView, 'id' | 'name' | 'capacity' | 'occupants'> & Partial<Pick<ShelterView, 'incident'>>;
  /** Fixed incident (the incident workspace); undefined lets the user choose among open incidents. */
  incidentId?: string;
  onDone?: () => void;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const choose = incidentId === undefined;
  const incidents = useOpenIncidents(choose);
  const [occupants, setOccupants] = useState(String(shelter.occupants));
  // The incident the shelter's people belong to now is the likeliest one for the next count.
  const [chosen, setChosen] = useState(shelter.incident?.id ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const problem = occupancyProblem(occupants, shelter.capacity);
  const open = (incidents.data ?? []).filter((i) => i.status === 'open' && !i.drillId);
  // An incident no longer in response is not offered, nor sent.
  const target = choose ? (open.some((i) => i.id === chosen) ? chosen : '') : incidentId;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (problem) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await commandPost(`/shelters/${shelter.id}/occupancy`, {
        occupants: Number(occupants.trim()),
        ...(target ? { incidentId: target } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setDone(true);
      setNote('');
      onDone?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      void client.invalidateQueries({ queryKey: shelterKeys.all });
      // The incident's timeline may carry the count as a line.
      if (target) void client.invalidateQueries({ queryKey: ['incident', target, 'timeline'] });
    }
  };

  return (
    <form
      className={compact ? 'resources-inline-form' : 'resources-panel'}
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label={`${t('shelters.occupancy.title')} ${shelter.name}`}
      data-testid="occupancy-form">
      {!compact && <h2>{t('shelters.occupancy.title')}</h2>}
      <div className="row">
        <label className={problem ? 'field invalid' : 'field'}>
          <span>{t('shelters.occupancy.occupants')}</span>
          <input
            inputMode="numeric"
            value={occupants}
            onChange={(e) => {
              setOccupants(e.target.value);
              setDone(false);
            }}
            aria-invalid={Boolean(problem)}
            data-testid="occupancy-occupants"
          />
          <span className="small muted">{t('shelters.occupancy.capacityHint', { capacity: shelter.capacity })}</span>
          {problem && (
            <span className="field-error" data-testid="occupancy-problem">
              {t(problem.key, { capacity: problem.capacity ?? shelter.capacity })}
            </span>
          )}
        </label>
        {choose && (
          <label className="field">
            <span>{t('shelters.occupancy.incident')}</span>
            <select value={target} onChange={(e) => setChosen(e.target.value)} data-testid="occupancy-incident">
              <option value="">{t('shelters.occupancy.noIncident')}</option>
              {open.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('shelters.occupancy.note')}</span>
          <input
            value={note}
            placeholder={t('shelters.occupancy.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
            data-testid="occupancy-note"
          />
        </label>
      </div>
      <ErrorMessage error={error} testId="occupancy-error" />
      {done && (
        <p className="feedback ok" role="status" data-testid="occupancy-recorded">
          {t('shelters.occupancy.recorded')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || problem !== null} data-testid="occupancy-submit">
          {busy ? t('shelters.occupancy.saving') : t('shelters.occupancy.submit')}
        </button>
      </div>
    </form>
  );
}

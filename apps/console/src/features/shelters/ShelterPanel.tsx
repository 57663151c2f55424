import { useState } from 'react';
import type { IncidentView } from '@app/incidents/contract';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { ErrorMessage } from '../errors/ErrorMessage';
import '../experts/resources.css';
import { OccupancyForm } from './OccupancyForm';
import { useShelterRecommendations, useShelterWords } from './queries';
import { useShelterDeltas } from './SheltersScreen';

/**
 * 避难场所 in the incident workspace: the shelters near the incident with free room, nearest first (as the server ranks
 * them). Open when an active plan's task calls for evacuation (疏散、撤离、转移安置), collapsed otherwise. The watch
 * (`mayRecord`: `shelter.occupancy`) records how many people a shelter holds for this incident from here while its
 * response goes on; never for a drill incident, which never changes a real shelter's occupancy (the server refuses
 * it, docs/domain.md rule 34).
 */
export function ShelterPanel({ incident, mayRecord: allowed }: { incident: IncidentView; mayRecord: boolean }) {
  const { t } = useI18n();
  const words = useShelterWords();
  const recs = useShelterRecommendations(incident.id);
  useShelterDeltas();
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const [recording, setRecording] = useState<string | null>(null);
  const [recorded, setRecorded] = useState(false);
  const called = recs.data?.evacuationCalledFor ?? false;
  const open = expanded ?? called;
  const drill = Boolean(incident.drillId);
  const mayRecord = allowed && incident.status === 'open' && !drill;
  return (
    <section
      className="panel"
      aria-labelledby="shelter-panel-heading"
      data-testid="shelter-panel"
      data-open={String(open)}>
      <h2 id="shelter-panel-heading">{t('shelters.panel.title')}</h2>
      <ErrorMessage error={recs.error} testId="shelter-recs-error" />
      {recs.data && (
        <p className={called ? 'small' : 'small muted'} data-testid="shelter-evacuation">
          {called
            ? t('shelters.panel.called', { tasks: recs.data.evacuationTasks.join('；') })
            : t('shelters.panel.notCalled')}
          {recs.data.peopleToShelter !== null && ` ${t('shelters.panel.people', { n: recs.data.peopleToShelter })}`}
        </p>
      )}
      {drill && <p className="small muted">{t('shelters.panel.drill')}</p>}
      {recorded && (
        <p className="feedback ok" role="status" data-testid="shelter-panel-recorded">
          {t('shelters.occupancy.recorded')}
        </p>
      )}
      <button
        type="button"
        className="linkish"
        aria-expanded={open}
        onClick={() => setExpanded(!open)}
        data-testid="shelter-panel-toggle">
        {open ? t('shelters.panel.hide') : t('shelters.panel.show')}
      </button>
      {open && recs.data && recs.data.shelters.length === 0 && <p className="muted">{t('shelters.panel.none')}</p>}
      {open && (
        <ul className="list" data-testid="shelter-recommendations">
          {(recs.data?.shelters ?? []).map((s) => (
            <li key={s.shelterId} data-testid="shelter-recommendation" data-shelter-id={s.shelterId}>
              <a href={`/shelters/${s.shelterId}`} onClick={linkHandler(`/shelters/${s.shelterId}`)}>
                <strong>{s.name}</strong>
              </a>{' '}
              <span className="muted small">
                {words('shelters.kind', s.kind, s.kindLabel)} ·{' '}
                {t('shelters.panel.distance', { km: Math.round(s.distanceKm * 10) / 10 })} ·{' '}
                <span data-testid="shelter-recommendation-free">{t('shelters.panel.free', { n: s.freeCapacity })}</span>
              </span>
              <div className="small">{s.reason}</div>
              {mayRecord && recording !== s.shelterId && (
                <button
                  type="button"
                  onClick={() => {
                    setRecording(s.shelterId);
                    setRecorded(false);
                  }}
                  data-testid="shelter-record">
                  {t('shelters.panel.record')}
                </button>
              )}
              {mayRecord && recording === s.shelterId && (
                <OccupancyForm
                  compact
                  incidentId={incident.id}
                  shelter={{
                    id: s.shelterId,
                    name: s.name,
                    capacity: s.capacity,
                    occupants: s.capacity - s.freeCapacity,
                  }}
                  onDone={() => {
                    setRecording(null);
                    setRecorded(true);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useState } from 'react';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { ResourcesNav } from '../experts/ResourcesNav';
import { OccupancyForm } from './OccupancyForm';
import {
  mayRecordOccupancy,
  mayRegisterShelters,
  percent,
  useOccupancyHistory,
  useShelter,
  useShelterWords,
} from './queries';
import { ShelterForm } from './ShelterForm';
import { useShelterDeltas } from './SheltersScreen';

/**
 * One shelter: its kind, capacity, people sheltered now, free room and occupancy rate, its facilities in words, and
 * every count recorded (local times, the incident by its title). Duty officers and commanders record a new count;
 * admins edit the registration.
 */
export function ShelterScreen({ id, session }: { id: string; session: Session }) {
  const { t } = useI18n();
  const words = useShelterWords();
  const shelter = useShelter(id);
  const history = useOccupancyHistory(id);
  useShelterDeltas();
  const [editing, setEditing] = useState(false);
  const admin = mayRegisterShelters(session);
  const s = shelter.data;
  return (
    <section aria-labelledby="shelter-heading" className="resources">
      <ResourcesNav current="shelters" />
      <a href="/shelters" className="back" onClick={linkHandler('/shelters')}>
        {t('shelters.back')}
      </a>
      {shelter.isLoading && <p className="muted">{t('shelters.loading')}</p>}
      <ErrorMessage error={shelter.error} testId="shelter-error" />
      {s && (
        <>
          <div className="screen-head">
            <h1 id="shelter-heading" data-testid="shelter-title">
              {s.name}
            </h1>
            {admin && !editing && (
              <button type="button" onClick={() => setEditing(true)} data-testid="shelter-edit">
                {t('shelters.edit')}
              </button>
            )}
          </div>
          {editing && (
            <ShelterForm
              shelter={s}
              defaultJurisdiction={s.jurisdiction}
              onCancel={() => setEditing(false)}
              onDone={() => {
                setEditing(false);
                void shelter.refetch();
              }}
            />
          )}
          <div className="resources-columns">
            <section className="resources-panel" aria-labelledby="shelter-profile">
              <h2 id="shelter-profile">{t('shelters.page.profile')}</h2>
              <dl className="resources-facts" data-testid="shelter-profile">
                <dt>{t('shelters.col.kind')}</dt>
                <dd>{words('shelters.kind', s.kind, s.kindLabel)}</dd>
                <dt>{t('shelters.col.capacity')}</dt>
                <dd data-testid="shelter-capacity-shown">{t('shelters.people', { n: s.capacity })}</dd>
                <dt>{t('shelters.col.occupants')}</dt>
                <dd data-testid="shelter-occupants-shown">{t('shelters.people', { n: s.occupants })}</dd>
                <dt>{t('shelters.col.free')}</dt>
                <dd data-testid="shelter-free-shown">{t('shelters.people', { n: s.freeCapacity })}</dd>
                <dt>{t('shelters.col.rate')}</dt>
                <dd data-testid="shelter-rate">
                  <meter min={0} max={1} high={0.9} optimum={0} value={s.occupancyRate} aria-hidden="true" />{' '}
                  {percent(s.occupancyRate)}
                </dd>
                <dt>{t('shelters.col.facilities')}</dt>
                <dd data-testid="shelter-facility-names">
                  {s.facilities.length === 0
                    ? t('shelters.noFacilities')
                    : s.facilities.map((f, i) => words('shelters.facility', f, s.facilityLabels[i])).join('、')}
                </dd>
                <dt>{t('shelters.page.address')}</dt>
                <dd>{s.address}</dd>
                <dt>{t('shelters.page.position')}</dt>
                <dd>{`${s.location.lat}, ${s.location.lng}`}</dd>
                <dt>{t('shelters.col.jurisdiction')}</dt>
                <dd>{s.jurisdictionName}</dd>
                <dt>{t('shelters.page.incident')}</dt>
                <dd data-testid="shelter-incident">
                  {s.incident ? (
                    <a href={`/incidents/${s.incident.id}`} onClick={linkHandler(`/incidents/${s.incident.id}`)}>
                      {s.incident.title}
                    </a>
                  ) : (
                    t('shelters.page.noIncident')
                  )}
                </dd>
                <dt>{t('shelters.page.occupancyUpdatedAt')}</dt>
                <dd>{s.occupancyUpdatedAt ? formatTime(s.occupancyUpdatedAt) : '—'}</dd>
                <dt>{t('shelters.page.registeredAt')}</dt>
                <dd>{formatTime(s.registeredAt)}</dd>
              </dl>
            </section>
            {mayRecordOccupancy(session) && s.active && <OccupancyForm key={s.revision} shelter={s} />}
          </div>
          <section className="resources-panel" aria-labelledby="shelter-history">
            <h2 id="shelter-history">{t('shelters.page.history')}</h2>
            <ErrorMessage error={history.error} testId="shelter-history-error" />
            {history.data && history.data.length === 0 && <p className="muted">{t('shelters.page.noHistory')}</p>}
            {history.data && history.data.length > 0 && (
              <table className="grid compact" data-testid="shelter-history">
                <thead>
                  <tr>
                    <th scope="col">{t('shelters.history.at')}</th>
                    <th scope="col">{t('shelters.history.occupants')}</th>
                    <th scope="col">{t('shelters.history.incident')}</th>
                    <th scope="col">{t('shelters.history.note')}</th>
                    <th scope="col">{t('shelters.history.by')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.data.map((h, i) => (
                    <tr key={`${h.at}-${i}`} data-testid="shelter-history-row">
                      <td>{formatTime(h.at)}</td>
                      <td>{h.occupants}</td>
                      <td>{h.incidentTitle ?? '—'}</td>
                      <td>{h.note ?? ''}</td>
                      <td>{h.by}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </section>
  );
}

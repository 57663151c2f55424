import { useState } from 'react';
import type { ShelterView } from '@app/shelters/contract';
import { useLiveMessages } from '../../app/live-events';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { linkHandler, navigate } from '../../router';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { ResourcesNav } from '../experts/ResourcesNav';
import { KINDS, mayRegisterShelters, percent, shelterKeys, useShelters, useShelterWords } from './queries';
import { ShelterForm } from './ShelterForm';

/** Reads the shelters again when another console records a count or an admin changes one. */
export function useShelterDeltas() {
  const client = useQueryClient();
  useLiveMessages(['shelter.changed'], () => void client.invalidateQueries({ queryKey: shelterKeys.all }));
}

/**
 * 应急避难场所: the shelters of the caller's jurisdictions with their kind, capacity, people sheltered now, free room and
 * occupancy rate, filtered by kind and by words in the name or address. Admins register a shelter from here.
 */
export function SheltersScreen({ session }: { session: Session }) {
  const { t } = useI18n();
  const words = useShelterWords();
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const [registering, setRegistering] = useState(false);
  const list = useShelters();
  useShelterDeltas();
  const admin = mayRegisterShelters(session);
  const needle = q.trim();
  const shown = (list.data ?? []).filter(
    (s: ShelterView) =>
      (!kind || s.kind === kind) && (!needle || s.name.includes(needle) || s.address.includes(needle)),
  );
  return (
    <section aria-labelledby="shelters-heading" className="resources">
      <ResourcesNav current="shelters" />
      <div className="screen-head">
        <h1 id="shelters-heading">{t('shelters.title')}</h1>
        <div className="filters">
          <label htmlFor="shelter-filter-kind">{t('shelters.filter.kind')}</label>
          <select
            id="shelter-filter-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            data-testid="shelter-filter-kind">
            <option value="">{t('shelters.filter.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`shelters.kind.${k}`)}
              </option>
            ))}
          </select>
          <label htmlFor="shelter-filter-q">{t('shelters.filter.q')}</label>
          <input
            id="shelter-filter-q"
            type="search"
            value={q}
            placeholder={t('shelters.filter.qPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
            data-testid="shelter-filter-q"
          />
          {admin && !registering && (
            <button
              type="button"
              className="primary"
              onClick={() => setRegistering(true)}
              data-testid="shelter-register">
              {t('shelters.register')}
            </button>
          )}
        </div>
      </div>
      {registering && (
        <ShelterForm
          shelter={null}
          defaultJurisdiction={session.user.jurisdiction ?? ''}
          onCancel={() => setRegistering(false)}
          onDone={(id) => {
            setRegistering(false);
            if (id) navigate(`/shelters/${id}`);
          }}
        />
      )}
      <ErrorMessage error={list.error} testId="shelters-error" />
      {list.isLoading ? (
        <p className="muted">{t('shelters.loading')}</p>
      ) : (
        <table className="grid" data-testid="shelters-table">
          <thead>
            <tr>
              <th scope="col">{t('shelters.col.name')}</th>
              <th scope="col">{t('shelters.col.kind')}</th>
              <th scope="col">{t('shelters.col.capacity')}</th>
              <th scope="col">{t('shelters.col.occupants')}</th>
              <th scope="col">{t('shelters.col.free')}</th>
              <th scope="col">{t('shelters.col.rate')}</th>
              <th scope="col">{t('shelters.col.facilities')}</th>
              <th scope="col">{t('shelters.col.jurisdiction')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.id} data-testid="shelter-row" data-shelter-id={s.id}>
                <td className="title-cell">
                  <a href={`/shelters/${s.id}`} onClick={linkHandler(`/shelters/${s.id}`)}>
                    {s.name}
                  </a>
                  {!s.active && <span className="muted small"> {t('shelters.inactive')}</span>}
                </td>
                <td>{words('shelters.kind', s.kind, s.kindLabel)}</td>
                <td>{s.capacity}</td>
                <td>{s.occupants}</td>
                <td>{s.freeCapacity}</td>
                <td>
                  <meter min={0} max={1} high={0.9} optimum={0} value={s.occupancyRate} aria-hidden="true" />{' '}
                  {percent(s.occupancyRate)}
                </td>
                <td>
                  {s.facilities.length === 0
                    ? t('shelters.noFacilities')
                    : s.facilities.map((f, i) => words('shelters.facility', f, s.facilityLabels[i])).join('、')}
                </td>
                <td>{s.jurisdictionName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && shown.length === 0 && (
        <p className="muted" data-testid="shelters-empty">
          {t('shelters.empty')}
        </p>
      )}
    </section>
  );
}

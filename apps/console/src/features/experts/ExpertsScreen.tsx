import { useState } from 'react';
import { useI18n } from '../../i18n';
import { linkHandler, navigate } from '../../router';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { ExpertForm } from './ExpertForm';
import { mayRegisterExperts, SPECIALTIES, useExperts, useSpecialtyName } from './queries';
import { ResourcesNav } from './ResourcesNav';

/**
 * 专家库: the experts of the caller's jurisdictions with their specialties, title, organisation and phone, filtered by
 * specialty and by words in the name, organisation or title. Admins register an expert from here.
 */
export function ExpertsScreen({ session }: { session: Session }) {
  const { t } = useI18n();
  const specialtyName = useSpecialtyName();
  const [specialty, setSpecialty] = useState('');
  const [q, setQ] = useState('');
  const [registering, setRegistering] = useState(false);
  const list = useExperts({ specialty, q });
  const admin = mayRegisterExperts(session);
  return (
    <section aria-labelledby="experts-heading" className="resources">
      <ResourcesNav current="experts" />
      <div className="screen-head">
        <h1 id="experts-heading">{t('experts.title')}</h1>
        <div className="filters">
          <label htmlFor="expert-filter-specialty">{t('experts.filter.specialty')}</label>
          <select
            id="expert-filter-specialty"
            value={specialty}
            onChange={(e) => setSpecialty(e.target.value)}
            data-testid="expert-filter-specialty">
            <option value="">{t('experts.filter.all')}</option>
            {SPECIALTIES.map((s) => (
              <option key={s} value={s}>
                {t(`experts.specialty.${s}`)}
              </option>
            ))}
          </select>
          <label htmlFor="expert-filter-q">{t('experts.filter.q')}</label>
          <input
            id="expert-filter-q"
            type="search"
            value={q}
            placeholder={t('experts.filter.qPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
            data-testid="expert-filter-q"
          />
          {admin && !registering && (
            <button
              type="button"
              className="primary"
              onClick={() => setRegistering(true)}
              data-testid="expert-register">
              {t('experts.register')}
            </button>
          )}
        </div>
      </div>
      {registering && (
        <ExpertForm
          expert={null}
          defaultJurisdiction={session.user.jurisdiction ?? ''}
          onCancel={() => setRegistering(false)}
          onDone={(id) => {
            setRegistering(false);
            if (id) navigate(`/experts/${id}`);
          }}
        />
      )}
      <ErrorMessage error={list.error} testId="experts-error" />
      {list.isLoading ? (
        <p className="muted">{t('experts.loading')}</p>
      ) : (
        <table className="grid" data-testid="experts-table">
          <thead>
            <tr>
              <th scope="col">{t('experts.col.name')}</th>
              <th scope="col">{t('experts.col.specialties')}</th>
              <th scope="col">{t('experts.col.title')}</th>
              <th scope="col">{t('experts.col.organization')}</th>
              <th scope="col">{t('experts.col.phone')}</th>
              <th scope="col">{t('experts.col.jurisdiction')}</th>
              <th scope="col">{t('experts.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((e) => (
              <tr key={e.id} data-testid="expert-row" data-expert-id={e.id} data-active={String(e.active)}>
                <td className="title-cell">
                  <a href={`/experts/${e.id}`} onClick={linkHandler(`/experts/${e.id}`)}>
                    {e.name}
                  </a>
                </td>
                <td>{e.specialties.map((s, i) => specialtyName(s, e.specialtyLabels[i])).join('、')}</td>
                <td>{e.title}</td>
                <td>{e.organization}</td>
                <td>{e.phone}</td>
                <td>{e.jurisdictionName}</td>
                <td>
                  {!e.active
                    ? t('experts.state.withdrawn')
                    : e.engagedIn > 0
                      ? t('experts.state.engaged', { n: e.engagedIn })
                      : t('experts.state.active')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && list.data.length === 0 && (
        <p className="muted" data-testid="experts-empty">
          {t('experts.empty')}
        </p>
      )}
    </section>
  );
}

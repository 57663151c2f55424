import { useState } from 'react';
import type { HazardSourceView } from '@app/enterprises/contract';
import { useI18n } from '../../i18n';
import { linkHandler, navigate } from '../../router';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { jurisdictionName } from '../labels/labels';
import { HazardGradeBadge } from './GradeBadge';
import { HazardSourceForm } from './HazardSourceForm';
import { figure, flatTree, isAdmin, useCodeNames, useHazardSources, useJurisdictionTree } from './queries';
import { SupervisionNav } from './SupervisionNav';

/** The register's table, also shown on an enterprise's page (without the enterprise column). */
export function HazardSourcesTable({
  sources,
  showEnterprise = true,
}: {
  sources: readonly HazardSourceView[];
  showEnterprise?: boolean;
}) {
  const { t } = useI18n();
  const nameOf = useCodeNames();
  const tree = useJurisdictionTree();
  return (
    <table className="grid" data-testid="hazard-sources-table">
      <thead>
        <tr>
          <th scope="col">{t('hazards.col.name')}</th>
          {showEnterprise && <th scope="col">{t('hazards.col.enterprise')}</th>}
          <th scope="col">{t('hazards.col.unitKind')}</th>
          <th scope="col">{t('hazards.col.sumRatio')}</th>
          <th scope="col">{t('hazards.col.r')}</th>
          <th scope="col">{t('hazards.col.grade')}</th>
          <th scope="col">{t('hazards.col.jurisdiction')}</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => (
          <tr key={s.id} data-testid="hazard-source-row" data-hazard-source-id={s.id}>
            <td className="title-cell">
              <a href={`/hazard-sources/${s.id}`} onClick={linkHandler(`/hazard-sources/${s.id}`)}>
                {s.name}
              </a>
            </td>
            {showEnterprise && (
              <td>
                <a href={`/enterprises/${s.enterpriseId}`} onClick={linkHandler(`/enterprises/${s.enterpriseId}`)}>
                  {s.enterpriseName}
                </a>
              </td>
            )}
            <td>{nameOf('hazards.unitKind', s.unitKind, s.unitKindLabel)}</td>
            <td data-testid="hazard-source-sum">{figure(s.sumRatio)}</td>
            <td data-testid="hazard-source-r">{s.isMajor ? figure(s.r) : '—'}</td>
            <td>
              <HazardGradeBadge grade={s.isMajor ? s.grade : null} testId="hazard-source-grade" />
            </td>
            <td>{jurisdictionName(tree.data ?? [], s.jurisdiction, s.jurisdictionName)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * 重大危险源登记: the hazard sources of the caller's jurisdictions with Σq/Q, R and grade (coloured as on the map),
 * filtered by grade, jurisdiction and whether they are major (Σq/Q ≥ 1). Admins register one from here.
 */
export function HazardSourcesScreen({ session }: { session: Session }) {
  const { t } = useI18n();
  const [grade, setGrade] = useState('');
  const [majorOnly, setMajorOnly] = useState(false);
  const [jurisdiction, setJurisdiction] = useState('');
  const [registering, setRegistering] = useState(false);
  const tree = useJurisdictionTree();
  const list = useHazardSources({ grade, major: majorOnly, jurisdiction });
  const admin = isAdmin(session);
  return (
    <section aria-labelledby="hazards-heading" className="supervision">
      <SupervisionNav current="hazardSources" />
      <div className="screen-head">
        <h1 id="hazards-heading">{t('hazards.title')}</h1>
        <div className="filters">
          <label htmlFor="hazard-filter-grade">{t('hazards.filter.grade')}</label>
          <select
            id="hazard-filter-grade"
            value={grade}
            onChange={(e) => setGrade(e.target.value)}
            data-testid="hazard-filter-grade">
            <option value="">{t('enterprises.filter.all')}</option>
            {([1, 2, 3, 4] as const).map((g) => (
              <option key={g} value={String(g)}>
                {t(`hazards.grade.${g}`)}
              </option>
            ))}
          </select>
          <label htmlFor="hazard-filter-jurisdiction">{t('enterprises.filter.jurisdiction')}</label>
          <select
            id="hazard-filter-jurisdiction"
            value={jurisdiction}
            onChange={(e) => setJurisdiction(e.target.value)}
            data-testid="hazard-filter-jurisdiction">
            <option value="">{t('enterprises.filter.all')}</option>
            {flatTree(tree.data ?? []).map((j) => (
              <option key={j.code} value={j.code}>
                {`${'　'.repeat(j.depth)}${j.name}`}
              </option>
            ))}
          </select>
          <label>
            <input
              type="checkbox"
              checked={majorOnly}
              onChange={(e) => setMajorOnly(e.target.checked)}
              data-testid="hazard-filter-major"
            />{' '}
            {t('hazards.filter.majorOnly')}
          </label>
          {admin && !registering && (
            <button
              type="button"
              className="primary"
              onClick={() => setRegistering(true)}
              data-testid="hazard-register">
              {t('hazards.register')}
            </button>
          )}
        </div>
      </div>
      {registering && (
        <HazardSourceForm
          source={null}
          onCancel={() => setRegistering(false)}
          onDone={(id) => {
            setRegistering(false);
            if (id) navigate(`/hazard-sources/${id}`);
          }}
        />
      )}
      <ErrorMessage error={list.error} testId="hazard-sources-error" />
      {list.isLoading && <p className="muted">{t('enterprises.loading')}</p>}
      {list.data && list.data.length > 0 && <HazardSourcesTable sources={list.data} />}
      {list.data && list.data.length === 0 && (
        <p className="muted" data-testid="hazard-sources-empty">
          {t('hazards.empty')}
        </p>
      )}
    </section>
  );
}

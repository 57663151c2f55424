import { useState } from 'react';
import { useI18n } from '../../i18n';
import { linkHandler, navigate } from '../../router';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { jurisdictionName } from '../labels/labels';
import { EnterpriseForm } from './EnterpriseForm';
import { HazardGradeBadge } from './GradeBadge';
import { flatTree, INDUSTRIES, isAdmin, useCodeNames, useEnterprises, useJurisdictionTree } from './queries';
import { SupervisionNav } from './SupervisionNav';

/**
 * 企业登记: the registered units of the caller's jurisdictions with their 统一社会信用代码, industry and highest hazard
 * grade, filtered by jurisdiction, industry and words in the name or code. Admins register a unit from here.
 */
export function EnterprisesScreen({ session }: { session: Session }) {
  const { t } = useI18n();
  const nameOf = useCodeNames();
  const [jurisdiction, setJurisdiction] = useState('');
  const [industry, setIndustry] = useState('');
  const [q, setQ] = useState('');
  const [registering, setRegistering] = useState(false);
  const tree = useJurisdictionTree();
  const list = useEnterprises({ jurisdiction, industry, q });
  const admin = isAdmin(session);
  return (
    <section aria-labelledby="enterprises-heading" className="supervision">
      <SupervisionNav current="enterprises" />
      <div className="screen-head">
        <h1 id="enterprises-heading">{t('enterprises.title')}</h1>
        <div className="filters">
          <label htmlFor="enterprise-filter-jurisdiction">{t('enterprises.filter.jurisdiction')}</label>
          <select
            id="enterprise-filter-jurisdiction"
            value={jurisdiction}
            onChange={(e) => setJurisdiction(e.target.value)}
            data-testid="enterprise-filter-jurisdiction">
            <option value="">{t('enterprises.filter.all')}</option>
            {flatTree(tree.data ?? []).map((j) => (
              <option key={j.code} value={j.code}>
                {`${'　'.repeat(j.depth)}${j.name}`}
              </option>
            ))}
          </select>
          <label htmlFor="enterprise-filter-industry">{t('enterprises.filter.industry')}</label>
          <select
            id="enterprise-filter-industry"
            value={industry}
            onChange={(e) => setIndustry(e.target.value)}
            data-testid="enterprise-filter-industry">
            <option value="">{t('enterprises.filter.all')}</option>
            {INDUSTRIES.map((i) => (
              <option key={i} value={i}>
                {t(`enterprises.industry.${i}`)}
              </option>
            ))}
          </select>
          <label htmlFor="enterprise-filter-q">{t('enterprises.filter.q')}</label>
          <input
            id="enterprise-filter-q"
            type="search"
            value={q}
            placeholder={t('enterprises.filter.qPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
            data-testid="enterprise-filter-q"
          />
          {admin && !registering && (
            <button
              type="button"
              className="primary"
              onClick={() => setRegistering(true)}
              data-testid="enterprise-register">
              {t('enterprises.register')}
            </button>
          )}
        </div>
      </div>
      {registering && (
        <EnterpriseForm
          enterprise={null}
          defaultJurisdiction={session.user.jurisdiction ?? ''}
          onCancel={() => setRegistering(false)}
          onDone={(id) => {
            setRegistering(false);
            if (id) navigate(`/enterprises/${id}`);
          }}
        />
      )}
      <ErrorMessage error={list.error} testId="enterprises-error" />
      {list.isLoading ? (
        <p className="muted">{t('enterprises.loading')}</p>
      ) : (
        <table className="grid" data-testid="enterprises-table">
          <thead>
            <tr>
              <th scope="col">{t('enterprises.col.name')}</th>
              <th scope="col">{t('enterprises.col.creditCode')}</th>
              <th scope="col">{t('enterprises.col.industry')}</th>
              <th scope="col">{t('enterprises.col.jurisdiction')}</th>
              <th scope="col">{t('enterprises.col.highestGrade')}</th>
              <th scope="col">{t('enterprises.col.hazardSources')}</th>
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((e) => (
              <tr key={e.id} data-testid="enterprise-row" data-enterprise-id={e.id}>
                <td className="title-cell">
                  <a href={`/enterprises/${e.id}`} onClick={linkHandler(`/enterprises/${e.id}`)}>
                    {e.name}
                  </a>
                </td>
                <td>{e.creditCode}</td>
                <td data-testid="enterprise-industry-cell">
                  {nameOf('enterprises.industry', e.industry, e.industryLabel)}
                </td>
                <td>{jurisdictionName(tree.data ?? [], e.jurisdiction, e.jurisdictionName)}</td>
                <td>
                  {e.highestHazardGrade === null ? (
                    <span className="muted">{t('enterprises.noMajor')}</span>
                  ) : (
                    <HazardGradeBadge grade={e.highestHazardGrade} testId="enterprise-grade" />
                  )}
                </td>
                <td>{e.hazardSourceCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && list.data.length === 0 && (
        <p className="muted" data-testid="enterprises-empty">
          {t('enterprises.empty')}
        </p>
      )}
    </section>
  );
}

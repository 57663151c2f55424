import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { EnterpriseView } from '@app/enterprises/contract';
import type { IncidentView } from '@app/incidents/contract';
import { get } from '../../api';
import { GradeBadge, StatusBadge } from '../../components';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { jurisdictionName } from '../labels/labels';
import { DeviceKeysPanel } from './DeviceKeysPanel';
import { EnterpriseForm } from './EnterpriseForm';
import { HazardSourcesTable } from './HazardSourcesScreen';
import { isAdmin, useCodeNames, useEnterprise, useHazardSources, useJurisdictionTree } from './queries';
import { SupervisionNav } from './SupervisionNav';

/** Rows read when looking for the enterprise's incidents (the board's largest page). */
const INCIDENT_LIMIT = 500;

/**
 * The enterprise's incidents. The incident board has no filter by registered enterprise: it is asked for incidents
 * whose words match the enterprise's name (`q` searches title, place and enterprise), and only those that name this
 * enterprise — by its id, or, typed as free text, by exactly its name — are kept; the screen says so under the list.
 */
export function useEnterpriseIncidents(enterprise: Pick<EnterpriseView, 'id' | 'name'> | undefined) {
  return useQuery({
    queryKey: ['enterprises', 'incidents', enterprise?.id ?? '', enterprise?.name ?? ''],
    enabled: Boolean(enterprise),
    staleTime: 0,
    queryFn: async () => {
      const params = new URLSearchParams({ q: enterprise!.name, limit: String(INCIDENT_LIMIT) });
      const list = await get<IncidentView[]>(`/incidents?${params.toString()}`);
      const named = (i: IncidentView) =>
        i.enterpriseId === enterprise!.id ||
        (i.enterpriseId === null && (i.enterprise ?? '').trim() === enterprise!.name.trim());
      return list.filter(named);
    },
  });
}

/**
 * 企业 page: the unit's profile and contacts (主要负责人, 安全负责人), its hazard sources, the incidents that name it as
 * the unit where they occurred, and (admins) its device keys and an edit form.
 */
export function EnterpriseScreen({ id, session }: { id: string; session: Session }) {
  const { t } = useI18n();
  const nameOf = useCodeNames();
  const enterprise = useEnterprise(id);
  const tree = useJurisdictionTree();
  const sources = useHazardSources({ enterpriseId: id });
  const incidents = useEnterpriseIncidents(enterprise.data);
  const [editing, setEditing] = useState(false);
  const admin = isAdmin(session);
  const e = enterprise.data;
  return (
    <section aria-labelledby="enterprise-heading" className="supervision">
      <SupervisionNav current="enterprises" />
      <a href="/enterprises" className="back" onClick={linkHandler('/enterprises')}>
        {t('enterprises.back')}
      </a>
      {enterprise.isLoading && <p className="muted">{t('enterprises.loading')}</p>}
      <ErrorMessage error={enterprise.error} testId="enterprise-error" />
      {e && (
        <>
          <div className="screen-head">
            <h1 id="enterprise-heading" data-testid="enterprise-title">
              {e.name}
            </h1>
            {admin && !editing && (
              <button type="button" onClick={() => setEditing(true)} data-testid="enterprise-edit">
                {t('enterprises.edit')}
              </button>
            )}
          </div>
          {editing && (
            <EnterpriseForm
              enterprise={e}
              defaultJurisdiction={e.jurisdiction}
              onCancel={() => setEditing(false)}
              onDone={() => {
                setEditing(false);
                void enterprise.refetch();
              }}
            />
          )}
          <div className="supervision-columns">
            <section className="supervision-panel" aria-labelledby="enterprise-profile">
              <h2 id="enterprise-profile">{t('enterprises.page.profile')}</h2>
              <dl className="supervision-facts" data-testid="enterprise-profile">
                <dt>{t('enterprises.col.creditCode')}</dt>
                <dd data-testid="enterprise-credit-code">{e.creditCode}</dd>
                <dt>{t('enterprises.col.industry')}</dt>
                <dd>{nameOf('enterprises.industry', e.industry, e.industryLabel)}</dd>
                <dt>{t('enterprises.col.jurisdiction')}</dt>
                <dd>{jurisdictionName(tree.data ?? [], e.jurisdiction, e.jurisdictionName)}</dd>
                <dt>{t('enterprises.page.address')}</dt>
                <dd>{e.address}</dd>
                <dt>{t('enterprises.page.position')}</dt>
                <dd>{`${e.location.lat}, ${e.location.lng}`}</dd>
                <dt>{t('enterprises.col.highestGrade')}</dt>
                <dd>
                  {e.highestHazardGrade === null
                    ? t('enterprises.noMajor')
                    : t('hazards.gradeFull', { grade: t(`hazards.grade.${e.highestHazardGrade}`) })}
                </dd>
                <dt>{t('enterprises.page.registeredAt')}</dt>
                <dd>{formatTime(e.registeredAt)}</dd>
                <dt>{t('enterprises.page.updatedAt')}</dt>
                <dd>{formatTime(e.updatedAt)}</dd>
              </dl>
            </section>
            <section className="supervision-panel" aria-labelledby="enterprise-contacts">
              <h2 id="enterprise-contacts">{t('enterprises.page.contacts')}</h2>
              <dl className="supervision-facts" data-testid="enterprise-contacts">
                <dt>{t('enterprises.form.principal')}</dt>
                <dd data-testid="enterprise-principal">{`${e.contacts.principal.name} ${e.contacts.principal.phone}`}</dd>
                <dt>{t('enterprises.page.safety')}</dt>
                <dd data-testid="enterprise-safety">
                  {e.contacts.safety
                    ? `${e.contacts.safety.name} ${e.contacts.safety.phone}`
                    : t('enterprises.page.none')}
                </dd>
              </dl>
            </section>
          </div>
          <section className="supervision-panel" aria-labelledby="enterprise-sources">
            <h2 id="enterprise-sources">{t('enterprises.page.hazardSources')}</h2>
            <ErrorMessage error={sources.error} testId="enterprise-sources-error" />
            {sources.data && sources.data.length === 0 && (
              <p className="muted">{t('enterprises.page.noHazardSources')}</p>
            )}
            {sources.data && sources.data.length > 0 && (
              <HazardSourcesTable sources={sources.data} showEnterprise={false} />
            )}
          </section>
          <section className="supervision-panel" aria-labelledby="enterprise-incidents">
            <h2 id="enterprise-incidents">{t('enterprises.page.incidents')}</h2>
            <ErrorMessage error={incidents.error} testId="enterprise-incidents-error" />
            {incidents.data && incidents.data.length === 0 && (
              <p className="muted" data-testid="enterprise-no-incidents">
                {t('enterprises.page.noIncidents')}
              </p>
            )}
            {incidents.data && incidents.data.length > 0 && (
              <table className="grid compact" data-testid="enterprise-incidents">
                <thead>
                  <tr>
                    <th scope="col">{t('enterprises.page.incidentTitle')}</th>
                    <th scope="col">{t('enterprises.page.incidentGrade')}</th>
                    <th scope="col">{t('enterprises.page.incidentOccurred')}</th>
                    <th scope="col">{t('enterprises.page.incidentStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {incidents.data.map((i) => (
                    <tr key={i.id} data-testid="enterprise-incident-row">
                      <td>
                        <a href={`/incidents/${i.id}`} onClick={linkHandler(`/incidents/${i.id}`)}>
                          {i.title}
                        </a>
                      </td>
                      <td>
                        <GradeBadge grade={i.grade} />
                      </td>
                      <td>{formatTime(i.occurredAt)}</td>
                      <td>
                        <StatusBadge status={i.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="small muted">{t('enterprises.page.incidentsNote')}</p>
          </section>
          {admin && <DeviceKeysPanel enterpriseId={e.id} />}
        </>
      )}
    </section>
  );
}

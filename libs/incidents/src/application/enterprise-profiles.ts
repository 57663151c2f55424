import { domainError } from '@app/shared';

/**
 * What the incidents context needs to know of a registered enterprise (企业登记): enough to check that an incident
 * may name it and to write 条例493 第十二条's 事故发生单位概况. The enterprise register lives in a context that
 * depends on this one, so this context declares the port and that one provides it (ENTERPRISE_PROFILES); without a
 * provider no enterprise can be named and free text is all there is.
 */
export interface EnterpriseProfile {
  id: string;
  name: string;
  /** 统一社会信用代码 */
  creditCode: string;
  industryLabel: string;
  jurisdiction: string;
  address: string;
  /** 主要负责人 */
  principal: { name: string; phone: string };
}

export interface EnterpriseProfiles {
  find(enterpriseId: string): Promise<EnterpriseProfile | null>;
}

export const ENTERPRISE_PROFILES = Symbol('ENTERPRISE_PROFILES');

export const NO_ENTERPRISE_PROFILES: EnterpriseProfiles = { find: () => Promise.resolve(null) };

/** Unknown, or outside the reporter's jurisdictions: one answer for both, so existence does not leak. */
export const IncidentEnterpriseUnknownError = domainError({
  code: 'INCIDENT_ENTERPRISE_UNKNOWN',
  kind: 'rule',
  message: '所选企业不存在或不在本辖区；未登记的单位请直接填写单位名称（enterprise）',
  details: () => ({ errors: [{ path: 'enterpriseId', message: '企业不存在或不在本辖区' }] }),
});

/** The enterprise lies outside the incident's jurisdiction (and the jurisdictions below it). */
export const IncidentEnterpriseOutsideJurisdictionError = domainError({
  code: 'INCIDENT_ENTERPRISE_OUTSIDE_JURISDICTION',
  kind: 'rule',
  message: (enterpriseJurisdiction: string, incidentJurisdiction: string) =>
    `所选企业属辖区 ${enterpriseJurisdiction}，不在事故所属辖区 ${incidentJurisdiction} 及其下级辖区内`,
  details: (enterpriseJurisdiction, incidentJurisdiction) => ({
    enterpriseJurisdiction,
    incidentJurisdiction,
    errors: [{ path: 'enterpriseId', message: '企业不在事故所属辖区内' }],
  }),
});

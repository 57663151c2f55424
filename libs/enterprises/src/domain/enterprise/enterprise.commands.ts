import type { EnterpriseIndustry } from '../../contract';
import type { EnterpriseProfile } from './enterprise.events';
import type { EnterpriseContactData, EnterpriseContactsData, GeoPointData } from './enterprise.types';

export interface RegisterEnterprise {
  type: 'RegisterEnterprise';
  enterpriseId: string;
  name: string;
  /** As typed; the decider normalises and checks it (GB 32100-2015). */
  creditCode: string;
  industry: EnterpriseIndustry;
  jurisdiction: string;
  address: string;
  location: GeoPointData;
  contacts: EnterpriseContactsData;
  now: Date;
}

/** Proposed changes: either person may change alone; `safety: null` removes the 安全负责人. */
export interface UpdateEnterprise {
  type: 'UpdateEnterprise';
  changes: Partial<Omit<EnterpriseProfile, 'contacts'>> & {
    principal?: EnterpriseContactData;
    safety?: EnterpriseContactData | null;
  };
  now: Date;
}

export interface IssueDeviceKey {
  type: 'IssueDeviceKey';
  keyId: string;
  label: string;
  secretHash: string;
  issuedBy: string;
  now: Date;
}

export interface RevokeDeviceKey {
  type: 'RevokeDeviceKey';
  keyId: string;
  revokedBy: string;
  now: Date;
}

export type EnterpriseCommand = RegisterEnterprise | UpdateEnterprise | IssueDeviceKey | RevokeDeviceKey;

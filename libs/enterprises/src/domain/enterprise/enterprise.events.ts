import { EventRegistry } from '@app/event-sourcing/events';
import type { EnterpriseIndustry } from '../../contract';
import type { EnterpriseContactsData, GeoPointData } from './enterprise.types';

/** What the register holds of a unit besides its identity (name and code) and jurisdiction. */
export interface EnterpriseProfile {
  name: string;
  industry: EnterpriseIndustry;
  address: string;
  location: GeoPointData;
  contacts: EnterpriseContactsData;
}

/** 企业登记: the unit enters the register under its 统一社会信用代码, in one jurisdiction. */
export interface EnterpriseRegistered {
  type: 'EnterpriseRegistered';
  data: EnterpriseProfile & {
    enterpriseId: string;
    creditCode: string;
    jurisdiction: string;
    registeredAt: string;
  };
}

/** 变更: only the fields that really changed; the code and the jurisdiction never change. */
export interface EnterpriseProfileUpdated {
  type: 'EnterpriseProfileUpdated';
  data: { enterpriseId: string; changes: Partial<EnterpriseProfile>; updatedAt: string };
}

/**
 * A gateway credential. Only the SHA-256 of the secret is recorded: the secret is 256 random bits, so a fast hash is
 * enough (nothing to guess), and the event log never holds anything that authenticates.
 */
export interface DeviceKeyIssued {
  type: 'DeviceKeyIssued';
  data: {
    enterpriseId: string;
    keyId: string;
    label: string;
    secretHash: string;
    issuedAt: string;
    issuedBy: string;
  };
}

export interface DeviceKeyRevoked {
  type: 'DeviceKeyRevoked';
  data: { enterpriseId: string; keyId: string; revokedAt: string; revokedBy: string };
}

export type EnterpriseEvent = EnterpriseRegistered | EnterpriseProfileUpdated | DeviceKeyIssued | DeviceKeyRevoked;

export const enterpriseEvents = EventRegistry.of<EnterpriseEvent>({
  EnterpriseRegistered: {},
  EnterpriseProfileUpdated: {},
  DeviceKeyIssued: {},
  DeviceKeyRevoked: {},
});

import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import { checkCreditCode, normaliseCreditCode } from './credit-code';
import type { IssueDeviceKey, RegisterEnterprise, RevokeDeviceKey, UpdateEnterprise } from './enterprise.commands';
import type { EnterpriseCommand } from './enterprise.commands';
import {
  DeviceKeyIdTakenError,
  DeviceKeyNotFoundError,
  DeviceKeyRevokedError,
  EnterpriseAlreadyRegisteredError,
  EnterpriseFieldError,
  EnterpriseNotFoundError,
  InvalidCreditCodeError,
  TooManyDeviceKeysError,
} from './enterprise.errors';
import { enterpriseEvents, type EnterpriseEvent, type EnterpriseProfile } from './enterprise.events';
import { evolveEnterprise, initialEnterpriseState, type EnterpriseState } from './enterprise.state';
import { ENTERPRISE_INDUSTRIES, ENTERPRISE_LIMITS, type EnterpriseContactData } from './enterprise.types';

type Registered = Exclude<EnterpriseState, { status: 'none' }>;

export function decideEnterprise(command: EnterpriseCommand, state: EnterpriseState): EnterpriseEvent[] {
  if (command.type === 'RegisterEnterprise') return register(command, state);
  if (state.status === 'none') throw new EnterpriseNotFoundError();
  switch (command.type) {
    case 'UpdateEnterprise':
      return update(command, state);
    case 'IssueDeviceKey':
      return issueKey(command, state);
    case 'RevokeDeviceKey':
      return revokeKey(command, state);
    default:
      return unknownCase(command);
  }
}

function register(command: RegisterEnterprise, state: EnterpriseState): EnterpriseEvent[] {
  if (state.status !== 'none') throw new EnterpriseAlreadyRegisteredError();
  const creditCode = normaliseCreditCode(command.creditCode);
  const checked = checkCreditCode(creditCode);
  if (!checked.valid) throw new InvalidCreditCodeError(checked.problem, checked.position);
  const profile: EnterpriseProfile = {
    name: command.name,
    industry: command.industry,
    address: command.address,
    location: { lat: command.location.lat, lng: command.location.lng },
    contacts: {
      principal: { ...command.contacts.principal },
      safety: command.contacts.safety ? { ...command.contacts.safety } : null,
    },
  };
  assertProfile(profile);
  return [
    {
      type: 'EnterpriseRegistered',
      data: {
        enterpriseId: command.enterpriseId,
        creditCode,
        jurisdiction: command.jurisdiction,
        ...profile,
        registeredAt: command.now.toISOString(),
      },
    },
  ];
}

/** Only what really changes goes into the event; a change to nothing appends nothing. */
function update(command: UpdateEnterprise, state: Registered): EnterpriseEvent[] {
  const { principal, safety, ...rest } = command.changes;
  const proposed: Partial<EnterpriseProfile> = {
    ...rest,
    ...(principal !== undefined || safety !== undefined
      ? {
          contacts: {
            principal: principal ? { ...principal } : state.contacts.principal,
            safety: safety === undefined ? state.contacts.safety : safety === null ? null : { ...safety },
          },
        }
      : {}),
  };
  assertProfile(proposed);
  const changes = Object.fromEntries(
    Object.entries(proposed).filter(
      ([key, value]) =>
        value !== undefined && JSON.stringify(value) !== JSON.stringify(state[key as keyof EnterpriseProfile]),
    ),
  ) as Partial<EnterpriseProfile>;
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'EnterpriseProfileUpdated',
      data: { enterpriseId: state.enterpriseId, changes, updatedAt: command.now.toISOString() },
    },
  ];
}

function issueKey(command: IssueDeviceKey, state: Registered): EnterpriseEvent[] {
  if (state.keys.some((k) => k.keyId === command.keyId)) throw new DeviceKeyIdTakenError();
  if (state.keys.filter((k) => !k.revoked).length >= ENTERPRISE_LIMITS.activeKeys) {
    throw new TooManyDeviceKeysError(ENTERPRISE_LIMITS.activeKeys);
  }
  if (command.label.length > ENTERPRISE_LIMITS.keyLabel) {
    throw new EnterpriseFieldError('label', `最多 ${ENTERPRISE_LIMITS.keyLabel} 个字符`);
  }
  return [
    {
      type: 'DeviceKeyIssued',
      data: {
        enterpriseId: state.enterpriseId,
        keyId: command.keyId,
        label: command.label,
        secretHash: command.secretHash,
        issuedAt: command.now.toISOString(),
        issuedBy: command.issuedBy,
      },
    },
  ];
}

function revokeKey(command: RevokeDeviceKey, state: Registered): EnterpriseEvent[] {
  const key = state.keys.find((k) => k.keyId === command.keyId);
  if (!key) throw new DeviceKeyNotFoundError();
  if (key.revoked) throw new DeviceKeyRevokedError();
  return [
    {
      type: 'DeviceKeyRevoked',
      data: {
        enterpriseId: state.enterpriseId,
        keyId: command.keyId,
        revokedAt: command.now.toISOString(),
        revokedBy: command.revokedBy,
      },
    },
  ];
}

function assertProfile(profile: Partial<EnterpriseProfile>): void {
  if (profile.name !== undefined) assertText('name', profile.name, ENTERPRISE_LIMITS.name);
  if (profile.address !== undefined) assertText('address', profile.address, ENTERPRISE_LIMITS.address);
  if (profile.industry !== undefined && !ENTERPRISE_INDUSTRIES.includes(profile.industry)) {
    throw new EnterpriseFieldError('industry', '未知的行业类别');
  }
  if (profile.location !== undefined) {
    const { lat, lng } = profile.location;
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw new EnterpriseFieldError('location.lat', '纬度无效');
    if (!Number.isFinite(lng) || lng < -180 || lng > 180) throw new EnterpriseFieldError('location.lng', '经度无效');
  }
  if (profile.contacts !== undefined) {
    assertContact('contacts.principal', profile.contacts.principal);
    if (profile.contacts.safety) assertContact('contacts.safety', profile.contacts.safety);
  }
}

function assertContact(path: string, contact: EnterpriseContactData): void {
  assertText(`${path}.name`, contact.name, ENTERPRISE_LIMITS.contactName);
  assertText(`${path}.phone`, contact.phone, ENTERPRISE_LIMITS.contactPhone);
}

function assertText(path: string, value: string, max: number): void {
  if (value.trim().length === 0) throw new EnterpriseFieldError(path, '不能为空');
  if (value.length > max) throw new EnterpriseFieldError(path, `最多 ${max} 个字符`);
}

export const enterpriseDecider = defineDecider<EnterpriseCommand, EnterpriseEvent, EnterpriseState>({
  events: enterpriseEvents,
  initialState: initialEnterpriseState,
  evolve: evolveEnterprise,
  decide: decideEnterprise,
  notFound: () => new EnterpriseNotFoundError(),
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
});

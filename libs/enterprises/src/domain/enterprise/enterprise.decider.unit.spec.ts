import { spec } from '@app/event-sourcing/testing';
import { CLAIM_STALE_AFTER_MS, creditCodeClaimDecider } from '../credit-code-claim/credit-code-claim';
import type { EnterpriseCommand, RegisterEnterprise } from './enterprise.commands';
import { enterpriseDecider } from './enterprise.decider';
import {
  CreditCodeTakenError,
  DeviceKeyIdTakenError,
  DeviceKeyNotFoundError,
  DeviceKeyRevokedError,
  EnterpriseAlreadyRegisteredError,
  EnterpriseFieldError,
  EnterpriseNotFoundError,
  InvalidCreditCodeError,
  TooManyDeviceKeysError,
} from './enterprise.errors';
import type { EnterpriseEvent } from './enterprise.events';
import { ENTERPRISE_LIMITS } from './enterprise.types';

const now = new Date('2026-12-06T02:00:00Z');
const enterpriseId = '7a1e5c2d-3b4f-4a6e-9c8d-0e1f2a3b4c5d';
const CODE = '91350100M000100Y43';
const principal = { name: '王建国', phone: '0955-7012345' };
const safety = { name: '李安全', phone: '13995512345' };

const register: RegisterEnterprise = {
  type: 'RegisterEnterprise',
  enterpriseId,
  name: '中卫某化工有限公司（演示数据）',
  creditCode: ' 91350100m000100y43 ',
  industry: 'hazardous_chemicals',
  jurisdiction: '640571',
  address: '中卫工业园区纬三路（虚构地址）',
  location: { lat: 37.533, lng: 105.146 },
  contacts: { principal, safety },
  now,
};

const registered: EnterpriseEvent = {
  type: 'EnterpriseRegistered',
  data: {
    enterpriseId,
    creditCode: CODE,
    jurisdiction: '640571',
    name: register.name,
    industry: 'hazardous_chemicals',
    address: register.address,
    location: { lat: 37.533, lng: 105.146 },
    contacts: { principal, safety },
    registeredAt: now.toISOString(),
  },
};
const keyIssued = (keyId: string): EnterpriseEvent => ({
  type: 'DeviceKeyIssued',
  data: { enterpriseId, keyId, label: '', secretHash: 'ab'.repeat(32), issuedAt: now.toISOString(), issuedBy: 'admin' },
});
const keyRevoked = (keyId: string): EnterpriseEvent => ({
  type: 'DeviceKeyRevoked',
  data: { enterpriseId, keyId, revokedAt: now.toISOString(), revokedBy: 'admin' },
});
const update = (changes: Extract<EnterpriseCommand, { type: 'UpdateEnterprise' }>['changes']): EnterpriseCommand => ({
  type: 'UpdateEnterprise',
  changes,
  now,
});
const issue = (keyId: string, label = ''): EnterpriseCommand => ({
  type: 'IssueDeviceKey',
  keyId,
  label,
  secretHash: 'cd'.repeat(32),
  issuedBy: 'admin',
  now,
});
const revoke = (keyId: string): EnterpriseCommand => ({ type: 'RevokeDeviceKey', keyId, revokedBy: 'admin', now });

const enterprise = spec(enterpriseDecider);

describe('an enterprise not yet registered', () => {
  it('is registered under its normalised credit code', () => {
    const { state } = enterprise.when(register).then([registered]);
    expect(state).toMatchObject({ status: 'registered', creditCode: CODE, jurisdiction: '640571', keys: [] });
  });

  it('is refused with a code that fails its check, naming the problem', () => {
    const error = enterprise
      .when({ ...register, creditCode: CODE.slice(0, 17) + '4' })
      .thenThrows(InvalidCreditCodeError, 'ENTERPRISE_CREDIT_CODE_INVALID');
    expect(error.details).toMatchObject({ problem: 'check', position: 18 });
    expect(error.kind).toBe('rule');
  });

  it('is refused with an empty or oversized name, address or contact, an unknown industry or a bad position', () => {
    const bad: Partial<RegisterEnterprise>[] = [
      { name: '   ' },
      { name: 'x'.repeat(ENTERPRISE_LIMITS.name + 1) },
      { address: '' },
      { industry: 'piracy' as RegisterEnterprise['industry'] },
      { location: { lat: 91, lng: 105 } },
      { location: { lat: 37, lng: Number.NaN } },
      { contacts: { principal: { name: '', phone: '1' }, safety: null } },
      { contacts: { principal, safety: { name: '李', phone: 'x'.repeat(ENTERPRISE_LIMITS.contactPhone + 1) } } },
    ];
    for (const change of bad) {
      enterprise.when({ ...register, ...change }).thenThrows(EnterpriseFieldError, 'VALIDATION_FAILED');
    }
  });

  it('cannot be changed, get keys or have keys revoked (404)', () => {
    enterprise.when(update({ name: '新名' })).thenThrows(EnterpriseNotFoundError, 'ENTERPRISE_NOT_FOUND');
    enterprise.when(issue('dk_0000000000000001')).thenThrows(EnterpriseNotFoundError, 'ENTERPRISE_NOT_FOUND');
    enterprise.when(revoke('dk_0000000000000001')).thenThrows(EnterpriseNotFoundError, 'ENTERPRISE_NOT_FOUND');
  });
});

describe('a registered enterprise', () => {
  const given = enterprise.given([registered]);

  it('is not registered twice', () => {
    given.when(register).thenThrows(EnterpriseAlreadyRegisteredError, 'ENTERPRISE_ALREADY_REGISTERED');
  });

  it('records only what really changes; a change to nothing appends nothing', () => {
    given.when(update({ name: register.name, address: '中卫工业园区纬五路（虚构地址）' })).then([
      {
        type: 'EnterpriseProfileUpdated',
        data: { enterpriseId, changes: { address: '中卫工业园区纬五路（虚构地址）' }, updatedAt: now.toISOString() },
      },
    ]);
    given.when(update({ name: register.name, principal })).thenNothing();
  });

  it('changes one person alone, and removes the 安全负责人 with null', () => {
    const { state } = given.when(update({ safety: null })).then([
      {
        type: 'EnterpriseProfileUpdated',
        data: { enterpriseId, changes: { contacts: { principal, safety: null } }, updatedAt: now.toISOString() },
      },
    ]);
    expect(state).toMatchObject({ contacts: { principal, safety: null } });
    const newPrincipal = { name: '赵新', phone: '0955-2222222' };
    given.when(update({ principal: newPrincipal })).then([
      expect.objectContaining({
        data: expect.objectContaining({ changes: { contacts: { principal: newPrincipal, safety } } }),
      }),
    ]);
  });

  it('refuses a change to an empty name or an impossible position', () => {
    given.when(update({ name: '' })).thenThrows(EnterpriseFieldError, 'VALIDATION_FAILED');
    given.when(update({ location: { lat: 0, lng: 181 } })).thenThrows(EnterpriseFieldError, 'VALIDATION_FAILED');
    given.when(update({ principal: { name: '赵', phone: ' ' } })).thenThrows(EnterpriseFieldError, 'VALIDATION_FAILED');
  });

  it('issues device keys (the event holds the hash only), refusing a taken id, a long label and a 21st active key', () => {
    const { events } = given.when(issue('dk_00000000000000a1', '1 号罐区网关')).decided();
    expect(events).toEqual([
      {
        type: 'DeviceKeyIssued',
        data: {
          enterpriseId,
          keyId: 'dk_00000000000000a1',
          label: '1 号罐区网关',
          secretHash: 'cd'.repeat(32),
          issuedAt: now.toISOString(),
          issuedBy: 'admin',
        },
      },
    ]);
    enterprise
      .given([registered, keyIssued('dk_00000000000000a1')])
      .when(issue('dk_00000000000000a1'))
      .thenThrows(DeviceKeyIdTakenError, 'DEVICE_KEY_ID_TAKEN');
    given
      .when(issue('dk_00000000000000a2', 'x'.repeat(ENTERPRISE_LIMITS.keyLabel + 1)))
      .thenThrows(EnterpriseFieldError, 'VALIDATION_FAILED');
    const full = Array.from({ length: ENTERPRISE_LIMITS.activeKeys }, (_, i) =>
      keyIssued(`dk_${String(i).padStart(16, '0')}`),
    );
    enterprise
      .given([registered, ...full])
      .when(issue('dk_ffffffffffffffff'))
      .thenThrows(TooManyDeviceKeysError, 'DEVICE_KEY_LIMIT');
    // A revoked key no longer counts against the limit.
    enterprise
      .given([registered, ...full, keyRevoked('dk_0000000000000000')])
      .when(issue('dk_ffffffffffffffff'))
      .then([expect.objectContaining({ type: 'DeviceKeyIssued' })]);
  });

  it('revokes a key once; an unknown or revoked key is refused', () => {
    const withKey = enterprise.given([registered, keyIssued('dk_00000000000000a1')]);
    const { state } = withKey.when(revoke('dk_00000000000000a1')).then([keyRevoked('dk_00000000000000a1')]);
    expect(state).toMatchObject({ keys: [{ keyId: 'dk_00000000000000a1', revoked: true }] });
    withKey.when(revoke('dk_00000000000000b2')).thenThrows(DeviceKeyNotFoundError, 'DEVICE_KEY_NOT_FOUND');
    enterprise
      .given([registered, keyIssued('dk_00000000000000a1'), keyRevoked('dk_00000000000000a1')])
      .when(revoke('dk_00000000000000a1'))
      .thenThrows(DeviceKeyRevokedError, 'DEVICE_KEY_REVOKED');
  });

  it('declares its jurisdiction as its scope (commands from outside it are not found)', () => {
    expect(enterpriseDecider.scopeOf?.(enterprise.given([registered]).state())).toEqual({ jurisdiction: '640571' });
  });
});

describe('the claim on a credit code', () => {
  const claim = spec(creditCodeClaimDecider);
  const claimBy = (id: string, at = now, holderMissing = false) =>
    ({ type: 'ClaimCreditCode', creditCode: CODE, enterpriseId: id, holderMissing, now: at }) as const;
  const claimed = (id: string, at = now, supersedes: string | null = null) => ({
    type: 'CreditCodeClaimed' as const,
    data: { creditCode: CODE, enterpriseId: id, claimedAt: at.toISOString(), supersedes },
  });
  const other = '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f';

  it('goes to the first registration; the same registration retried is already its holder', () => {
    claim.when(claimBy(enterpriseId)).then([claimed(enterpriseId)]);
    claim
      .given([claimed(enterpriseId)])
      .when(claimBy(enterpriseId))
      .thenNothing();
  });

  it('refuses another enterprise (409 ENTERPRISE_CREDIT_CODE_TAKEN), even when its holder is missing but recent', () => {
    const given = claim.given([claimed(enterpriseId)]);
    given.when(claimBy(other)).thenThrows(CreditCodeTakenError, 'ENTERPRISE_CREDIT_CODE_TAKEN');
    given
      .when(claimBy(other, new Date(now.getTime() + CLAIM_STALE_AFTER_MS), true))
      .thenThrows(CreditCodeTakenError, 'ENTERPRISE_CREDIT_CODE_TAKEN');
    // An existing holder keeps its code however old the claim.
    given
      .when(claimBy(other, new Date(now.getTime() + 10 * CLAIM_STALE_AFTER_MS), false))
      .thenThrows(CreditCodeTakenError, 'ENTERPRISE_CREDIT_CODE_TAKEN');
  });

  it('passes an orphaned claim (its enterprise never registered) on once the claim is stale', () => {
    const later = new Date(now.getTime() + CLAIM_STALE_AFTER_MS + 1);
    claim
      .given([claimed(enterpriseId)])
      .when(claimBy(other, later, true))
      .then([claimed(other, later, enterpriseId)]);
  });
});

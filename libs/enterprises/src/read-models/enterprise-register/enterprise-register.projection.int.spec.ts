import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import type { EnterpriseEvent } from '../../domain/enterprise/enterprise.events';
import { DeviceKeys, hashSecret, newDeviceKey } from './device-keys';
import { EnterpriseDeviceKeyRow, EnterpriseRegisterRow } from './enterprise-register.entity';
import { EnterpriseRegisterProjection, GAZETTEER_SOURCE } from './enterprise-register.projection';

const at = '2026-12-06T02:00:00.000Z';
const registered = (
  enterpriseId: string,
  creditCode: string,
  name = '中卫某化工有限公司（测试）',
): EnterpriseEvent => ({
  type: 'EnterpriseRegistered',
  data: {
    enterpriseId,
    creditCode,
    jurisdiction: '640571',
    name,
    industry: 'hazardous_chemicals',
    address: '中卫工业园区纬三路（虚构地址）',
    location: { lat: 37.533, lng: 105.146 },
    contacts: { principal: { name: '王建国', phone: '0955-7012345' }, safety: null },
    registeredAt: at,
  },
});
const issued = (enterpriseId: string, keyId: string, secretHash: string): EnterpriseEvent => ({
  type: 'DeviceKeyIssued',
  data: { enterpriseId, keyId, label: '网关', secretHash, issuedAt: at, issuedBy: 'admin' },
});
const revoked = (enterpriseId: string, keyId: string): EnterpriseEvent => ({
  type: 'DeviceKeyRevoked',
  data: { enterpriseId, keyId, revokedAt: at, revokedBy: 'admin' },
});
let codes = 0;
/** Distinct codes for the read model (the projection does not check them; the decider does). */
const code = () => `9164057100000${String(++codes).padStart(5, '0')}`;

describe('enterprise register projection and device-key verification', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new EnterpriseRegisterProjection()],
      entities: [EnterpriseRegisterRow, EnterpriseDeviceKeyRow],
    });
  }, 60_000);
  afterAll(() => spec?.stop());
  const stream = (id: string) => `enterprise-${id}`;
  const sql = <R>(text: string, params: unknown[] = []) => spec.dataSource.query<R[]>(text, params);

  it('registers a row with empty hazard columns and a gazetteer entry; keeps columns it does not own', async () => {
    const id = randomUUID();
    await spec.given(stream(id), [registered(id, code())]);
    const [row] = await spec.rows(EnterpriseRegisterRow, { id });
    expect(row).toMatchObject({ hazardSourceCount: 0, highestHazardGrade: null, revision: 0, jurisdiction: '640571' });
    const entries = await sql<{ kind: string; name: string; source: string; approximate: boolean }>(
      `select kind, name, source, approximate from gazetteer_entries where enterprise_id = $1`,
      [id],
    );
    expect(entries).toEqual([
      { kind: 'enterprise', name: '中卫某化工有限公司（测试）', source: GAZETTEER_SOURCE, approximate: false },
    ]);
    // The hazard source register writes its two columns; a later change of the profile leaves them alone.
    await sql(`update enterprise_register set hazard_source_count = 3, highest_hazard_grade = 2 where id = $1`, [id]);
    await spec.given(stream(id), [
      {
        type: 'EnterpriseProfileUpdated',
        data: { enterpriseId: id, changes: { name: '新名称（测试）' }, updatedAt: at },
      },
    ]);
    const [after] = await spec.rows(EnterpriseRegisterRow, { id });
    expect(after).toMatchObject({ name: '新名称（测试）', hazardSourceCount: 3, highestHazardGrade: 2, revision: 1 });
    const renamed = await sql<{ name: string }>(`select name from gazetteer_entries where enterprise_id = $1`, [id]);
    expect(renamed).toEqual([{ name: '新名称（测试）' }]);
  });

  it('a rebuild empties its own gazetteer rows only', async () => {
    const before = await sql<{ n: number }>(`select count(*)::int as n from gazetteer_entries where source = 'demo'`);
    expect(before[0]!.n).toBeGreaterThan(0);
    await spec.dataSource.transaction((manager) => new EnterpriseRegisterProjection().reset(manager));
    const after = await sql<{ source: string; n: number }>(
      `select source, count(*)::int as n from gazetteer_entries group by source`,
    );
    expect(after).toEqual([{ source: 'demo', n: before[0]!.n }]);
  });

  it('verifies a key with one read per cache period; a revocation made elsewhere counts once the cache expires', async () => {
    const id = randomUUID();
    const fresh = newDeviceKey();
    const creditCode = code();
    await spec.given(stream(id), [registered(id, creditCode), issued(id, fresh.keyId, fresh.secretHash)]);
    // A long cache period for the counting part: a loaded machine may take longer than a short one for 50 calls.
    const keys = new DeviceKeys(spec.dataSource, spec.clock, { cacheTtlMs: 60_000 });
    const reads = jest.spyOn(spec.dataSource, 'query');
    try {
      for (let i = 0; i < 50; i++) {
        expect(await keys.verify(fresh.key)).toEqual({
          keyId: fresh.keyId,
          enterpriseId: id,
          creditCode,
          jurisdiction: '640571',
        });
      }
      const selects = reads.mock.calls.filter(([text]) => String(text).includes('select'));
      expect(selects).toHaveLength(1);
    } finally {
      reads.mockRestore();
    }
    // A wrong secret for the right key id, a key of the wrong shape, anything not a string: refused.
    expect(await keys.verify(`${fresh.keyId}.${'x'.repeat(43)}`)).toBeNull();
    expect(await keys.verify(fresh.key + 'x')).toBeNull();
    expect(await keys.verify(`${fresh.keyId}.`)).toBeNull();
    expect(await keys.verify(42)).toBeNull();
    expect(await keys.verify(`dk_${'0'.repeat(16)}.${'A'.repeat(43)}`)).toBeNull();

    // Revoked through the event log (as another instance would): trusted from the cache until it expires, no longer.
    const short = new DeviceKeys(spec.dataSource, spec.clock, { cacheTtlMs: 400 });
    expect(await short.verify(fresh.key)).not.toBeNull();
    await spec.given(stream(id), [revoked(id, fresh.keyId)]);
    expect(await keys.verify(fresh.key)).not.toBeNull(); // the 60 s cache still trusts it
    const revokedAt = Date.now();
    let stillValid = true;
    while (stillValid) {
      stillValid = (await short.verify(fresh.key)) !== null;
      if (stillValid) await new Promise((r) => setTimeout(r, 20));
      // Only a bound against hanging: the cache period is 400 ms.
      expect(Date.now() - revokedAt).toBeLessThan(20_000);
    }
    // `forget` drops a key at once (the instance that revoked it).
    const other = newDeviceKey();
    const otherId = randomUUID();
    await spec.given(stream(otherId), [registered(otherId, code()), issued(otherId, other.keyId, other.secretHash)]);
    const slow = new DeviceKeys(spec.dataSource, spec.clock, { cacheTtlMs: 60_000 });
    expect(await slow.verify(other.key)).not.toBeNull();
    await spec.given(stream(otherId), [revoked(otherId, other.keyId)]);
    expect(await slow.verify(other.key)).not.toBeNull();
    slow.forget(other.keyId);
    expect(await slow.verify(other.key)).toBeNull();
  });

  it('writes last_used_at at most once a minute per key', async () => {
    const id = randomUUID();
    const fresh = newDeviceKey();
    await spec.given(stream(id), [registered(id, code()), issued(id, fresh.keyId, fresh.secretHash)]);
    const keys = new DeviceKeys(spec.dataSource, spec.clock, { cacheTtlMs: 0 });
    const lastUsed = async () => (await spec.rows(EnterpriseDeviceKeyRow, { keyId: fresh.keyId }))[0]!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const start = spec.clock.now();
    await keys.verify(fresh.key);
    expect(await lastUsed()).toEqual(start);
    spec.clock.advance(59_000);
    await keys.verify(fresh.key);
    expect(await lastUsed()).toEqual(start);
    spec.clock.advance(2_000);
    await keys.verify(fresh.key);
    expect(await lastUsed()).toEqual(new Date(start.getTime() + 61_000));
  });

  it('stores a hash that is the SHA-256 of the secret, never the secret', () => {
    const fresh = newDeviceKey();
    const secret = fresh.key.slice(fresh.keyId.length + 1);
    expect(fresh.secretHash).toBe(hashSecret(secret));
    expect(fresh.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(fresh.secretHash).not.toContain(secret);
    expect(newDeviceKey().key).not.toBe(fresh.key);
  });
});

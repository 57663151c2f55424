import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@app/event-store';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry } from '@app/shared';
import { assessHazardSource } from '../../domain/gb18218/assess-hazard-source';
import { EnterpriseDeviceKeyRow, EnterpriseRegisterRow } from '../enterprise-register/enterprise-register.entity';
import { EnterpriseRegisterProjection } from '../enterprise-register/enterprise-register.projection';
import { HazardSourceHistoryRow, HazardSourceRow } from './hazard-source-register.entity';
import { HazardSourceRegisterProjection } from './hazard-source-register.projection';

const at = '2026-12-06T02:00:00.000Z';
const ammonia = {
  casNo: '7664-41-7',
  name: '液氨',
  category: null,
  tableEntry: null,
  quantityTonnes: 300,
  criticalQuantityTonnes: null,
  beta: null,
};

/**
 * The enterprise register and the hazard source register both write an enterprise's hazard counts, each in a
 * transaction of its own. Run side by side (as two projections do, a rebuild of one or a lagging one), the later of
 * the two must see what the earlier committed: the counts never stay 0 for an enterprise with a major hazard source.
 */
describe('enterprise hazard counts under concurrent projections', () => {
  let spec: ProjectionSpec;
  const enterprises = new EnterpriseRegisterProjection();
  const hazards = new HazardSourceRegisterProjection(new JurisdictionRegistry());
  beforeAll(async () => {
    // No projection in the runner: the test applies them itself, in transactions it holds open.
    spec = await ProjectionSpec.start({
      projections: () => [],
      entities: [EnterpriseRegisterRow, EnterpriseDeviceKeyRow, HazardSourceRow, HazardSourceHistoryRow],
    });
  }, 60_000);
  afterAll(() => spec?.stop());

  const recorded = async (stream: string, type: string, data: unknown): Promise<RecordedEvent[]> => {
    const metadata = { correlationId: 'c', causationId: 'c', actorId: 'test', occurredAt: at, schemaVersion: 1 };
    await spec.store.append(stream, [{ id: randomUUID(), type, data, metadata }], 'any');
    return spec.store.readStream(stream);
  };

  it('counts the hazard source whichever projection commits first, while the other waits', async () => {
    const enterpriseId = randomUUID();
    const hazardSourceId = randomUUID();
    const registered = await recorded(`enterprise-${enterpriseId}`, 'EnterpriseRegistered', {
      enterpriseId,
      creditCode: `91640571${randomUUID().replace(/\D/g, '').padEnd(10, '0').slice(0, 10)}`,
      jurisdiction: '640571',
      name: '中卫某化工有限公司（并发测试）',
      industry: 'hazardous_chemicals',
      address: '中卫工业园区（虚构地址）',
      location: { lat: 37.533, lng: 105.146 },
      contacts: { principal: { name: '王建国', phone: '0955-7012345' }, safety: null },
      registeredAt: at,
    });
    const unit = await recorded(`hazardsource-${hazardSourceId}`, 'HazardSourceRegistered', {
      hazardSourceId,
      enterpriseId,
      enterpriseName: '中卫某化工有限公司（并发测试）',
      jurisdiction: '640571',
      name: '液氨储罐区',
      unitKind: 'storage',
      location: { lat: 37.5, lng: 105.2 },
      exposedPopulation: 120,
      substances: [ammonia],
      assessment: assessHazardSource({ unitKind: 'storage', exposedPopulation: 120, substances: [ammonia] }),
      registeredAt: at,
    });

    // The enterprise's batch writes its row and stays uncommitted.
    const first = spec.dataSource.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    await enterprises.apply(enterprises.events.readAll(registered), first.manager);
    // The hazard source's batch runs meanwhile: it must wait for the first instead of counting past it.
    let secondDone = false;
    const second = spec.dataSource
      .transaction((manager) => hazards.apply(hazards.events.readAll(unit), manager))
      .then(() => (secondDone = true));
    const waiting = async (): Promise<boolean> =>
      (
        await spec.dataSource.query<{ n: number }[]>(
          `select count(*)::int as n from pg_locks
            where locktype = 'advisory' and not granted
              and database = (select oid from pg_database where datname = current_database())
              and objid = (hashtext('enterprise_register.hazard_counts')::bigint & 4294967295)::oid`,
        )
      )[0]!.n > 0;
    for (let tries = 0; tries < 200 && !secondDone && !(await waiting()); tries++)
      await new Promise((r) => setTimeout(r, 25));
    expect(secondDone).toBe(false);
    await first.commitTransaction();
    await first.release();
    await second;

    const [row] = await spec.rows(EnterpriseRegisterRow, { id: enterpriseId });
    expect(row).toMatchObject({ hazardSourceCount: 1, highestHazardGrade: 1 });
  });
});

import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry, type Actor } from '@app/shared';
import { chemicalPlan } from '../../domain/plan/plan-fixtures';
import type { PlanEvent } from '../../domain/plan/plan.events';
import { planStream } from '../../domain/plan/plan.types';
import { PlanRow, PlanVersionRow } from './plan-register.entities';
import { PlanRegisterProjection } from './plan-register.projection';
import { PlanRegisterQueries } from './plan-register.queries';

const at = '2026-11-20T02:00:00.000Z';
const drafted = (planId: string, jurisdiction: string): PlanEvent => ({
  type: 'PlanDrafted',
  data: { planId, version: 1, content: chemicalPlan({ jurisdiction }), draftedBy: '管理员', draftedAt: at },
});
const published = (planId: string): PlanEvent => ({
  type: 'PlanPublished',
  data: { planId, version: 1, publishedBy: '管理员', publishedAt: at },
});
const actor = (jurisdiction: string, scope: string[]): Actor => ({
  userId: 'u',
  username: 'u',
  roles: ['commander'],
  jurisdiction,
  scope,
});

/** The plan register's read port: a county reads its city's plans but may not change them; other counties' are hidden. */
describe('plan register queries', () => {
  let spec: ProjectionSpec;
  let queries: PlanRegisterQueries;
  const cityPlan = randomUUID();
  const cityDraft = randomUUID();
  const otherCountyPlan = randomUUID();
  const county = actor('640521', ['640521', '640521100']);
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new PlanRegisterProjection()],
      entities: [PlanRow, PlanVersionRow],
    });
    queries = new PlanRegisterQueries(spec.dataSource, new JurisdictionRegistry());
    await spec.given(planStream(cityPlan), [drafted(cityPlan, '640500'), published(cityPlan)]);
    await spec.given(planStream(cityDraft), [drafted(cityDraft, '640500')]);
    await spec.given(planStream(otherCountyPlan), [drafted(otherCountyPlan, '640522'), published(otherCountyPlan)]);
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());

  it('a county lists and reads its city’s plans, not another county’s (404 there)', async () => {
    const listed = (await queries.list({}, county)).map((p) => p.id);
    expect(listed).toEqual(expect.arrayContaining([cityPlan, cityDraft]));
    expect(listed).not.toContain(otherCountyPlan);
    expect((await queries.get(cityPlan, county)).inForceVersion).toBe(1);
    await expect(queries.get(otherCountyPlan, county)).rejects.toMatchObject({ code: 'PLAN_NOT_FOUND' });
    await expect(queries.version(cityPlan, '2', county)).rejects.toMatchObject({ code: 'PLAN_VERSION_NOT_FOUND' });
    await expect(queries.version(cityPlan, 'x', county)).rejects.toMatchObject({ code: 'INVALID_VERSION' });
    expect((await queries.version(cityPlan, '1', county)).status).toBe('published');
  });

  it('the version in force: pinned by an activation, refused (409) while only a draft exists', async () => {
    expect(await queries.inForce(cityPlan, county)).toMatchObject({
      planId: cityPlan,
      jurisdiction: '640500',
      version: 1,
    });
    await expect(queries.inForce(cityDraft, county)).rejects.toMatchObject({ code: 'PLAN_NOT_IN_FORCE' });
    expect(await queries.versionInForce(cityPlan, county)).toBe(1);
    expect(await queries.versionInForce(cityDraft, county)).toBeNull();
    await expect(queries.versionInForce(otherCountyPlan, county)).rejects.toMatchObject({ code: 'PLAN_NOT_FOUND' });
  });

  it('a higher level’s plan is read-only for the county; its own level changes it', async () => {
    expect(await queries.isReadOnlyFor(cityPlan, county)).toBe('640500');
    expect(await queries.isReadOnlyFor(cityPlan, actor('640500', ['640500', '640521', '640522']))).toBeNull();
    // Another county's plan is not readable at all: that is for the command to answer (404), not a 403.
    expect(await queries.isReadOnlyFor(otherCountyPlan, county)).toBeNull();
    expect(await queries.find(randomUUID())).toBeUndefined();
  });
});

import { randomUUID } from 'node:crypto';
import { ProjectionSpec, type GivenScope } from '@app/event-sourcing/testing/projections';
import { chemicalPlan } from '../../domain/plan/plan-fixtures';
import type { PlanEvent } from '../../domain/plan/plan.events';
import { planStream } from '../../domain/plan/plan.types';
import { PlanRow, PlanVersionRow } from './plan-register.entities';
import { PlanSuggestionRow } from '../plan-suggestions/plan-suggestion.entity';
import { PlanRegisterProjection } from './plan-register.projection';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;
const drafted = (planId: string): PlanEvent => ({
  type: 'PlanDrafted',
  data: { planId, version: 1, content: chemicalPlan(), draftedBy: '管理员', draftedAt: at(1) },
});
const published = (planId: string, version: number, day: number): PlanEvent => ({
  type: 'PlanPublished',
  data: { planId, version, publishedBy: '管理员', publishedAt: at(day) },
});
const revised = (planId: string, version: number, day: number, title: string): PlanEvent => ({
  type: 'PlanRevised',
  data: { planId, version, content: chemicalPlan({ title }), revisedBy: '编制人', revisedAt: at(day) },
});

describe('plan register projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new PlanRegisterProjection()],
      entities: [PlanRow, PlanVersionRow, PlanSuggestionRow],
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());
  const plan = async (id: string) => (await spec.rows(PlanRow, { id }))[0];
  const versions = async (planId: string) =>
    (await spec.rows(PlanVersionRow, { planId })).sort((a, b) => a.version - b.version);

  it('a drafted plan is on the register as a draft, its version 1 kept, nothing in force', async () => {
    const planId = randomUUID();
    await spec.given(planStream(planId), [drafted(planId)], { jurisdiction: '640500' });
    expect(await plan(planId)).toMatchObject({
      id: planId,
      title: '中卫市危险化学品事故应急预案',
      kind: 'special',
      jurisdiction: '640500',
      categories: ['hazardous_chemicals'],
      status: 'draft',
      latestVersion: 1,
      inForceVersion: null,
      inForceContent: null,
      openFindings: [],
      updatedAt: new Date(at(1)),
      revision: 0,
    });
    expect(await versions(planId)).toEqual([
      expect.objectContaining({ version: 1, status: 'draft', createdBy: '管理员', publishedAt: null, filing: null }),
    ]);
  });

  it('a plan stored for 矿山 before the split (schema version 1) is on the register for coal and non-coal mines', async () => {
    const planId = randomUUID();
    const old: PlanEvent = {
      type: 'PlanDrafted',
      data: {
        planId,
        version: 1,
        content: chemicalPlan({ title: '旧矿山预案', categories: ['mining', 'fire'] }),
        draftedBy: '管理员',
        draftedAt: at(1),
      },
    };
    // As an earlier release stored it: version 1, read through the upcaster of docs/adr/0016.
    await spec.given(planStream(planId), [old], { jurisdiction: '640500', schemaVersion: 1 } as GivenScope);
    expect((await plan(planId))?.categories).toEqual(['coal_mine', 'non_coal_mine', 'fire']);
    expect((await versions(planId))[0]?.content.categories).toEqual(['coal_mine', 'non_coal_mine', 'fire']);
  });

  it('a revision is a new draft version while the published one stays in force; publishing it supersedes the old one', async () => {
    const planId = randomUUID();
    const stream = planStream(planId);
    await spec.given(stream, [drafted(planId), published(planId, 1, 2)]);
    expect(await plan(planId)).toMatchObject({
      status: 'published',
      inForceVersion: 1,
      inForceContent: chemicalPlan(),
    });
    await spec.given(stream, [revised(planId, 2, 3, '第二版')]);
    expect(await plan(planId)).toMatchObject({
      status: 'draft',
      latestVersion: 2,
      inForceVersion: 1,
      title: '第二版',
      inForceContent: expect.objectContaining({ title: '中卫市危险化学品事故应急预案' }),
    });
    await spec.given(stream, [published(planId, 2, 4)]);
    expect(await plan(planId)).toMatchObject({
      status: 'published',
      inForceVersion: 2,
      inForceContent: expect.objectContaining({ title: '第二版' }),
      revision: 3,
    });
    expect(
      (await versions(planId)).map((v) => [v.version, v.status, v.createdBy, v.publishedAt?.toISOString()]),
    ).toEqual([
      [1, 'superseded', '管理员', at(2)],
      [2, 'published', '编制人', at(4)],
    ]);
  });

  it('records the filing on the version, a finding on the plan, and the finding as addressed by the next version', async () => {
    const planId = randomUUID();
    const stream = planStream(planId);
    const finding = {
      findingId: 'f1',
      drillId: randomUUID(),
      text: '警戒区划定责任不清',
      recordedBy: '演练组织者',
      recordedAt: at(6),
    };
    await spec.given(stream, [
      drafted(planId),
      published(planId, 1, 2),
      {
        type: 'PlanFiled',
        data: {
          planId,
          version: 1,
          filing: { authority: '自治区应急管理厅', filedAt: '2026-11-05' },
          recordedBy: '管理员',
          recordedAt: at(5),
        },
      },
      { type: 'PlanFindingRecorded', data: { planId, finding } },
    ]);
    expect(await plan(planId)).toMatchObject({ status: 'filed', openFindings: [finding] });
    expect((await versions(planId))[0]).toMatchObject({
      status: 'filed',
      filing: { authority: '自治区应急管理厅', filedAt: '2026-11-05' },
    });
    await spec.given(stream, [
      {
        type: 'PlanRevised',
        data: {
          planId,
          version: 2,
          content: chemicalPlan(),
          revisedBy: '编制人',
          revisedAt: at(7),
          addressedFindings: [finding],
        },
      },
    ]);
    expect(await plan(planId)).toMatchObject({ status: 'draft', openFindings: [] });
    expect((await versions(planId))[1]).toMatchObject({ version: 2, addressedFindings: [finding] });
  });

  it('a retired plan has nothing in force', async () => {
    const planId = randomUUID();
    await spec.given(planStream(planId), [
      drafted(planId),
      published(planId, 1, 2),
      { type: 'PlanRetired', data: { planId, reason: '机构调整', retiredBy: '管理员', retiredAt: at(9) } },
    ]);
    expect(await plan(planId)).toMatchObject({
      status: 'retired',
      inForceVersion: null,
      inForceContent: null,
      updatedAt: new Date(at(9)),
    });
  });

  it('keeps the governance facts: the newest review, the publication and filing of the version in force, the last evaluation', async () => {
    const planId = randomUUID();
    const review = {
      kind: 'review' as const,
      reviewedOn: '2026-11-02',
      experts: ['张立'],
      organisation: null,
      conclusion: 'passed' as const,
      document: '评审纪要',
      recordedBy: '管理员',
      recordedAt: at(2),
    };
    const stream = planStream(planId);
    await spec.given(stream, [drafted(planId), { type: 'PlanReviewed', data: { planId, version: 1, review } }]);
    expect(await plan(planId)).toMatchObject({ status: 'reviewed', review, publishedAt: null });
    expect((await versions(planId))[0]).toMatchObject({ status: 'reviewed', review });
    const filing = {
      authority: '厅',
      filedAt: '2026-11-04',
      filedOn: '2026-11-04',
      deadline: '2026-12-01',
      late: false,
    };
    await spec.given(stream, [
      published(planId, 1, 3),
      { type: 'PlanFiled', data: { planId, version: 1, filing, recordedBy: '管理员', recordedAt: at(4) } },
    ]);
    expect(await plan(planId)).toMatchObject({
      status: 'filed',
      publishedAt: new Date(at(3)),
      firstPublishedAt: new Date(at(3)),
      inForceFiling: filing,
    });
    // A revision has no review yet; once published, the new version in force is owed its own filing.
    await spec.given(stream, [revised(planId, 2, 5, '第二版')]);
    expect(await plan(planId)).toMatchObject({ status: 'draft', review: null, inForceFiling: filing });
    await spec.given(stream, [
      { type: 'PlanReviewed', data: { planId, version: 2, review: { ...review, recordedAt: at(6) } } },
      published(planId, 2, 7),
    ]);
    expect(await plan(planId)).toMatchObject({
      status: 'published',
      publishedAt: new Date(at(7)),
      firstPublishedAt: new Date(at(3)),
      inForceFiling: null,
    });
    const evaluation = {
      evaluatedOn: '2026-11-08',
      conclusion: 'no_revision' as const,
      summary: '继续有效',
      evaluators: ['预案科'],
      document: null,
      recordedBy: '管理员',
      recordedAt: at(8),
    };
    await spec.given(stream, [{ type: 'PlanEvaluated', data: { planId, version: 2, evaluation } }]);
    expect(await plan(planId)).toMatchObject({ lastEvaluation: evaluation });
  });

  it('a stream written before reviews and filing deadlines were recorded replays as it was: published, filed, no review', async () => {
    const planId = randomUUID();
    await spec.given(planStream(planId), [
      drafted(planId),
      published(planId, 1, 3),
      {
        type: 'PlanFiled',
        data: {
          planId,
          version: 1,
          filing: { authority: '厅', filedAt: '2026-11-20' },
          recordedBy: '管理员',
          recordedAt: at(20),
        },
      },
    ]);
    expect(await plan(planId)).toMatchObject({
      status: 'filed',
      review: null,
      inForceVersion: 1,
      publishedAt: new Date(at(3)),
      inForceFiling: { authority: '厅', filedAt: '2026-11-20' },
    });
  });
});

import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { incidentStream, type IncidentEvent } from '@app/incidents';
import { JurisdictionRegistry } from '@app/shared';
import { chemicalPlan } from '../../domain/plan/plan-fixtures';
import { planStream } from '../../domain/plan/plan.types';
import { PlanRow, PlanVersionRow } from '../plan-register/plan-register.entities';
import { PlanSuggestionRow } from './plan-suggestion.entity';
import { incidentReported, NO_CASUALTIES } from '../../../../../test/support/incident-fixtures';
import { PlanRegisterProjection } from '../plan-register/plan-register.projection';
import { PlanSuggestionProjection } from './plan-suggestion.projection';

const at = (minute: number) => `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`;
const reported = (incidentId: string, casualties = NO_CASUALTIES, drillId: string | null = null): IncidentEvent =>
  incidentReported(incidentId, { jurisdiction: '640521', casualties, drillId });

/** One city plan in force for the whole suite (suggestions look at every plan in force). */
describe('plan suggestion projection', () => {
  const planId = randomUUID();
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new PlanRegisterProjection(), new PlanSuggestionProjection(new JurisdictionRegistry())],
      entities: [PlanRow, PlanVersionRow, PlanSuggestionRow],
    });
    await spec.given(planStream(planId), [
      {
        type: 'PlanDrafted',
        data: { planId, version: 1, content: chemicalPlan(), draftedBy: '管理员', draftedAt: at(1) },
      },
      { type: 'PlanPublished', data: { planId, version: 1, publishedBy: '管理员', publishedAt: at(1) } },
    ]);
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());
  const row = async (incidentId: string) => (await spec.rows(PlanSuggestionRow, { incidentId }))[0];
  const suggested = (incidentId: string) =>
    spec.deltas.filter(
      (d) => d.name === 'plan.suggested' && (d.data as { incidentId: string }).incidentId === incidentId,
    );

  it('an incident below every threshold is tracked with no suggestion and nothing sent', async () => {
    const incidentId = randomUUID();
    await spec.given(incidentStream(incidentId), [reported(incidentId)]);
    expect(await row(incidentId)).toMatchObject({
      jurisdiction: '640521',
      status: 'open',
      suggestions: [],
      facts: expect.objectContaining({ grade: 'general' }),
    });
    expect(suggested(incidentId)).toEqual([]);
  });

  it('suggests activating the plan at the level a follow-up reaches, and tells the console once', async () => {
    const incidentId = randomUUID();
    const stream = incidentStream(incidentId);
    await spec.given(stream, [reported(incidentId, { ...NO_CASUALTIES, trapped: 1 })], { jurisdiction: '640521' });
    expect((await row(incidentId))!.suggestions).toEqual([
      expect.objectContaining({ planId, version: 1, level: 'IV', action: 'activate' }),
    ]);
    expect(suggested(incidentId)).toHaveLength(1);
    await spec.given(stream, [
      {
        type: 'SituationUpdated',
        data: {
          incidentId,
          updatedAt: at(10),
          casualties: { ...NO_CASUALTIES, trapped: 1, deaths: 1 },
          directLossYuan: null,
          description: null,
          measures: null,
        },
      },
    ]);
    expect((await row(incidentId))!.suggestions).toEqual([
      expect.objectContaining({ planId, level: 'III', action: 'activate' }),
    ]);
    expect(suggested(incidentId)).toHaveLength(2);
    expect(suggested(incidentId)[1]).toMatchObject({ scope: { jurisdiction: '640521', incidentId } });
  });

  it('once the plan is active, suggests raising the level only when the criteria ask for more', async () => {
    const incidentId = randomUUID();
    const stream = incidentStream(incidentId);
    await spec.given(stream, [
      reported(incidentId, { ...NO_CASUALTIES, trapped: 1 }),
      {
        type: 'ResponseLevelSet',
        data: { incidentId, from: null, level: 'IV', reason: '研判', decidedBy: '指挥长', decidedAt: at(6) },
      },
      {
        type: 'PlanActivated',
        data: {
          incidentId,
          plan: { planId, version: 1, title: '预案', groups: [], requirements: { teams: [], materials: [] } },
          level: 'IV',
          activatedBy: '指挥长',
          activatedAt: at(6),
        },
      },
    ]);
    expect(await row(incidentId)).toMatchObject({
      responseLevel: 'IV',
      activated: { [planId]: 'IV' },
      suggestions: [],
    });
    await spec.given(stream, [
      {
        type: 'AccidentGradeChanged',
        data: { incidentId, from: 'general', to: 'major', rose: true, changedAt: at(12) },
      },
    ]);
    expect((await row(incidentId))!.suggestions).toEqual([
      expect.objectContaining({ planId, level: 'II', action: 'raise_level' }),
    ]);
  });

  it('a closed incident has no suggestions', async () => {
    const incidentId = randomUUID();
    await spec.given(incidentStream(incidentId), [
      reported(incidentId, { ...NO_CASUALTIES, trapped: 1 }),
      { type: 'IncidentClosed', data: { incidentId, summary: '结案', closedAt: at(20) } },
    ]);
    expect(await row(incidentId)).toMatchObject({ status: 'closed', suggestions: [] });
  });

  it('keeps a drill incident’s suggestions to its drill', async () => {
    const incidentId = randomUUID();
    const drillId = randomUUID();
    await spec.given(incidentStream(incidentId), [reported(incidentId, { ...NO_CASUALTIES, trapped: 1 }, drillId)], {
      jurisdiction: '640521',
      drillId,
    });
    expect(await row(incidentId)).toMatchObject({ drillId });
    expect(suggested(incidentId)).toEqual([
      expect.objectContaining({ scope: { jurisdiction: '640521', incidentId, drillId } }),
    ]);
  });
});

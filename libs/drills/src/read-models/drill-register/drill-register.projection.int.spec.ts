import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { drillPlanned } from '../../domain/drill/drill-fixtures';
import type { DrillEvent } from '../../domain/drill/drill.events';
import { drillStream, type Scenario } from '../../domain/drill/drill.types';
import { scenarioStream } from '../../domain/scenario/scenario.events';
import { DrillRow, DrillScenarioRow } from './drill-register.entities';
import { DrillRegisterProjection } from './drill-register.projection';

const T0 = '2026-11-23T02:00:00.000Z';
const iso = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const scenario: Scenario = {
  injects: [
    { atSecond: 0, kind: 'report_incident', payload: { title: '演练：储罐泄漏' } },
    { atSecond: 60, kind: 'message', payload: { text: '风向转为东南风' } },
  ],
};
const planned = (drillId: string): DrillEvent => drillPlanned(drillId, scenario, T0);

describe('drill register projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new DrillRegisterProjection()],
      entities: [DrillRow, DrillScenarioRow],
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());
  const row = async (id: string) => (await spec.rows(DrillRow, { id }))[0];

  it('a planned drill is on the register, with nothing run and nothing due yet', async () => {
    const drillId = randomUUID();
    await spec.given(drillStream(drillId), [planned(drillId)], { jurisdiction: '640500', drillId });
    expect(await row(drillId)).toMatchObject({
      id: drillId,
      title: '危化品泄漏综合演练',
      form: 'tabletop',
      jurisdiction: '640500',
      status: 'planned',
      scenario,
      executed: [],
      injects: [],
      startedAt: null,
      nextDueAt: null,
      revision: 0,
    });
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({ name: 'drill.changed', scope: { jurisdiction: '640500', drillId } }),
    );
  });

  it('follows the run: start, the injects executed and the next one due, then the end', async () => {
    const drillId = randomUUID();
    const stream = drillStream(drillId);
    await spec.given(stream, [
      planned(drillId),
      { type: 'DrillStarted', data: { drillId, startedAt: T0, startedBy: '总指挥' } },
    ]);
    expect(await row(drillId)).toMatchObject({
      status: 'running',
      startedAt: new Date(T0),
      startedBy: '总指挥',
      nextDueAt: new Date(T0),
    });
    await spec.given(stream, [
      {
        type: 'InjectExecuted',
        data: { drillId, index: 0, kind: 'report_incident', payload: {}, executedAt: iso(1), incidentId: randomUUID() },
      },
    ]);
    expect(await row(drillId)).toMatchObject({
      executed: [0],
      injects: [expect.objectContaining({ index: 0, kind: 'report_incident' })],
      nextDueAt: new Date(iso(60)),
    });
    await spec.given(stream, [
      {
        type: 'InjectExecuted',
        data: {
          drillId,
          index: 1,
          kind: 'message',
          payload: { text: '风向转为东南风' },
          executedAt: iso(61),
          incidentId: null,
        },
      },
    ]);
    expect(spec.deltas).toContainEqual({
      name: 'drill.message',
      position: expect.any(String),
      scope: { jurisdiction: '640500', drillId },
      data: { drillId, index: 1, text: '风向转为东南风', executedAt: iso(61) },
    });
    expect(await row(drillId)).toMatchObject({ executed: [0, 1], nextDueAt: null });
    await spec.given(stream, [{ type: 'DrillEnded', data: { drillId, endedAt: iso(90), endedBy: '总指挥' } }]);
    expect(await row(drillId)).toMatchObject({
      status: 'ended',
      endedAt: new Date(iso(90)),
      endedBy: '总指挥',
      nextDueAt: null,
      revision: 4,
    });
  });

  it('a manual inject is listed but marks no scripted one as run', async () => {
    const drillId = randomUUID();
    await spec.given(drillStream(drillId), [
      planned(drillId),
      { type: 'DrillStarted', data: { drillId, startedAt: T0, startedBy: '总指挥' } },
      {
        type: 'InjectExecuted',
        data: {
          drillId,
          index: null,
          kind: 'message',
          payload: { text: '手动' },
          executedAt: iso(5),
          incidentId: null,
        },
      },
    ]);
    expect(await row(drillId)).toMatchObject({
      executed: [],
      injects: [expect.objectContaining({ index: null, payload: { text: '手动' } })],
      nextDueAt: new Date(T0),
    });
  });

  it('a saved scenario goes to the library', async () => {
    const scenarioId = randomUUID();
    await spec.given(scenarioStream(scenarioId), [
      {
        type: 'ScenarioSaved',
        data: {
          scenarioId,
          name: '储罐泄漏',
          description: null,
          jurisdiction: '640500',
          injects: scenario.injects,
          savedBy: '演练组织者',
          savedAt: T0,
        },
      },
    ]);
    expect(await spec.rows(DrillScenarioRow, { id: scenarioId })).toEqual([
      expect.objectContaining({ name: '储罐泄漏', injects: scenario.injects, savedAt: new Date(T0) }),
    ]);
  });
});

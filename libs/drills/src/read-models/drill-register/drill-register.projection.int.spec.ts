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

  it('lists a failing inject with its attempts, and once given up the next inject is the one due', async () => {
    const drillId = randomUUID();
    const stream = drillStream(drillId);
    const failed = (attempt: number, skipped: boolean): DrillEvent => ({
      type: 'InjectFailed',
      data: {
        drillId,
        index: 0,
        attempt,
        reason: '只能对本次演练的演练事故注入或模拟处置',
        code: 'NOT_A_DRILL_INCIDENT',
        failedAt: iso(attempt),
        skipped,
      },
    });
    await spec.given(stream, [
      planned(drillId),
      { type: 'DrillStarted', data: { drillId, startedAt: T0, startedBy: '总指挥' } },
      failed(1, false),
    ]);
    expect(await row(drillId)).toMatchObject({
      failedInjects: [expect.objectContaining({ index: 0, attempts: 1, skipped: false })],
      nextDueAt: new Date(T0),
    });
    await spec.given(stream, [failed(2, false), failed(3, true)]);
    expect(await row(drillId)).toMatchObject({
      failedInjects: [
        {
          index: 0,
          attempts: 3,
          reason: '只能对本次演练的演练事故注入或模拟处置',
          code: 'NOT_A_DRILL_INCIDENT',
          lastFailedAt: iso(3),
          skipped: true,
        },
      ],
      executed: [],
      nextDueAt: new Date(iso(60)),
    });
  });

  it('lists the teams taken into a live drill by name, recalled, and released at the end', async () => {
    const drillId = randomUUID();
    await spec.given(drillStream(drillId), [
      drillPlanned(drillId, scenario, T0, 'live'),
      { type: 'DrillStarted', data: { drillId, startedAt: T0, startedBy: '总指挥' } },
      { type: 'TeamJoinedDrill', data: { drillId, teamId: 't1', at: iso(5), teamName: '特勤站' } },
      { type: 'TeamJoinedDrill', data: { drillId, teamId: 't2', at: iso(6), teamName: '危化品救援队' } },
      { type: 'TeamRecalledFromDrill', data: { drillId, teamId: 't2', at: iso(9), recalledBy: '指挥员' } },
      { type: 'DrillEnded', data: { drillId, endedAt: iso(20), endedBy: '总指挥' } },
    ]);
    expect((await row(drillId))!.teams).toEqual([
      { teamId: 't1', name: '特勤站', since: iso(5), status: 'released', until: iso(20) },
      { teamId: 't2', name: '危化品救援队', since: iso(6), status: 'recalled', until: iso(9) },
    ]);
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

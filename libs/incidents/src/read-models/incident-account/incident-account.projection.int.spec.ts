import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import type { ActorDirectory } from '@app/shared';
import { incidentReported, NO_CASUALTIES } from '../../../../../test/support/incident-fixtures';
import { incidentStream } from '../../domain/incident/incident.types';
import { IncidentAccountRow } from './incident-account.entity';
import { IncidentAccountProjection } from './incident-account.projection';

const dutyId = randomUUID();
const directory: ActorDirectory = {
  displayNames: async (ids) =>
    new Map(ids.filter((id) => id === dutyId).map((id): [string, string] => [id, '王值班员'])),
};
const asDuty = { actorId: dutyId, actorName: 'duty', actorRoles: ['duty_officer'] };

describe('incident account projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new IncidentAccountProjection(directory)],
      entities: [IncidentAccountRow],
    });
  }, 60_000);
  afterAll(() => spec?.stop());
  const account = async (incidentId: string) =>
    (await spec.rows(IncidentAccountRow, { incidentId })).sort((a, b) => a.revision - b.revision);

  it('keeps the account as received at intake after follow-ups that give another, each with its time and author', async () => {
    const incidentId = randomUUID();
    await spec.given(
      incidentStream(incidentId),
      [incidentReported(incidentId, { description: '储罐泄漏，气味刺鼻', measures: '关闭阀门' })],
      { jurisdiction: '640571', ...asDuty },
    );
    await spec.given(
      incidentStream(incidentId),
      [
        {
          type: 'SituationUpdated',
          data: {
            incidentId,
            updatedAt: '2026-11-23T02:30:00.000Z',
            casualties: { ...NO_CASUALTIES, deaths: 1 },
            directLossYuan: 200_000,
            description: '一人经抢救无效死亡',
            measures: null,
          },
        },
        // Another follow-up with figures only: it does not blank the account given before it.
        {
          type: 'SituationUpdated',
          data: {
            incidentId,
            updatedAt: '2026-11-23T03:00:00.000Z',
            casualties: { ...NO_CASUALTIES, deaths: 1, seriousInjuries: 2 },
            directLossYuan: null,
            description: null,
            measures: null,
            outsideWindow: true,
          },
        },
      ],
      { jurisdiction: '640571', actorId: 'drill-seed', actorName: '演示数据' },
    );
    const rows = await account(incidentId);
    expect(rows.map((r) => [r.kind, r.description, r.measures, r.author, r.authorId, r.at.toISOString()])).toEqual([
      ['initial', '储罐泄漏，气味刺鼻', '关闭阀门', '王值班员', dutyId, '2026-11-23T02:05:00.000Z'],
      ['follow_up', '一人经抢救无效死亡', null, '演示数据', 'drill-seed', '2026-11-23T02:30:00.000Z'],
      ['follow_up', null, null, '演示数据', 'drill-seed', '2026-11-23T03:00:00.000Z'],
    ]);
    expect(rows.map((r) => [r.casualties.deaths, r.directLossYuan, r.outsideWindow])).toEqual([
      [0, null, false],
      [1, 200_000, false],
      [1, null, true],
    ]);
  });

  it('cannot record a report twice when an event is handed to it again', async () => {
    const incidentId = randomUUID();
    const recorded = await spec.given(incidentStream(incidentId), [incidentReported(incidentId)]);
    await expect(spec.reapply('incident-accounts', recorded)).rejects.toThrow(/duplicate key/);
    expect(await account(incidentId)).toHaveLength(1);
  });
});

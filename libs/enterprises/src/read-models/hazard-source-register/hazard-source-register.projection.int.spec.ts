import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry } from '@app/shared';
import { assessHazardSource } from '../../domain/gb18218/assess-hazard-source';
import type { HazardSourceEvent } from '../../domain/hazard-source/hazard-source.events';
import { HazardSourceHistoryRow, HazardSourceRow } from './hazard-source-register.entity';
import { HazardSourceRegisterProjection } from './hazard-source-register.projection';

const at = (minute: number) => `2026-12-01T02:${String(minute).padStart(2, '0')}:00.000Z`;
const ammonia = (q: number) => ({
  casNo: '7664-41-7',
  name: '液氨',
  category: null,
  tableEntry: null,
  quantityTonnes: q,
  criticalQuantityTonnes: null,
  beta: null,
});
const registered = (id: string): HazardSourceEvent => ({
  type: 'HazardSourceRegistered',
  data: {
    hazardSourceId: id,
    enterpriseId: randomUUID(),
    enterpriseName: '中卫示范化工有限公司（虚构）',
    jurisdiction: '640502',
    name: '液氨储罐区',
    unitKind: 'storage',
    location: { lat: 37.5, lng: 105.2 },
    exposedPopulation: 120,
    substances: [ammonia(300)],
    assessment: assessHazardSource({ unitKind: 'storage', exposedPopulation: 120, substances: [ammonia(300)] }),
    registeredAt: at(0),
  },
});

describe('hazard source register projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new HazardSourceRegisterProjection(new JurisdictionRegistry())],
      entities: [HazardSourceRow, HazardSourceHistoryRow],
    });
  }, 60_000);
  afterAll(() => spec?.stop());

  it('keeps the latest assessment on the row and one history row per event, with who acted', async () => {
    const id = randomUUID();
    const stream = `hazardsource-${id}`;
    const lower = assessHazardSource({ unitKind: 'storage', exposedPopulation: 20, substances: [ammonia(300)] });
    await spec.given(stream, [registered(id)], { actorId: 'u-1', actorName: 'admin' });
    await spec.given(stream, [
      {
        type: 'HazardExposedPopulationChanged',
        data: { hazardSourceId: id, exposedPopulation: 20, previous: 120, assessment: lower, at: at(5) },
      },
      { type: 'HazardSourceRetired', data: { hazardSourceId: id, reason: '装置拆除', at: at(9) } },
    ]);
    const [row] = await spec.rows(HazardSourceRow, { id });
    expect(row).toMatchObject({
      name: '液氨储罐区',
      exposedPopulation: 20,
      isMajor: true,
      alpha: 1,
      r: 60,
      grade: 2,
      rExact: '60',
      revision: 2,
      retiredAt: new Date(at(9)),
    });
    const history = await spec.rows(HazardSourceHistoryRow, { hazardSourceId: id });
    expect(history.sort((a, b) => a.revision - b.revision).map((h) => [h.revision, h.grade, h.r, h.what])).toEqual([
      [0, 1, 120, '登记储存单元「液氨储罐区」：液氨 300 t；厂外暴露人员 120 人'],
      [1, 2, 60, '500米范围内厂外暴露人员由 120 人改为 20 人'],
      [2, 2, 60, '核销：装置拆除'],
    ]);
    expect(history.find((h) => h.revision === 0)).toMatchObject({ actorId: 'u-1', actorName: 'admin' });
    // Consoles of the unit's jurisdiction hear of every change, with the unit as the register shows it.
    const pushed = spec.deltas.flatMap((d) =>
      d.name === 'hazard_source.changed' && d.data.id === id ? [{ scope: d.scope, data: d.data }] : [],
    );
    expect(pushed.map((d) => d.scope)).toEqual([{ jurisdiction: '640502' }, { jurisdiction: '640502' }]);
    expect(pushed.at(-1)!.data).toMatchObject({ grade: 2, gradeLabel: '二级' });
    expect(pushed.at(-1)!.data.retiredAt).not.toBeNull();
  });
});

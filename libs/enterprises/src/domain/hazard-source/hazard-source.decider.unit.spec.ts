import { DomainError } from '@app/shared';
import type { RegisterHazardSource } from './hazard-source.commands';
import { decideHazardSource } from './hazard-source.decider';
import type { HazardSourceEvent } from './hazard-source.events';
import { evolveHazardSource, initialHazardSourceState, type HazardSourceState } from './hazard-source.state';

const now = new Date('2026-12-01T02:00:00Z');
const register: RegisterHazardSource = {
  type: 'RegisterHazardSource',
  hazardSourceId: 'a0000000-0000-4000-8000-000000000001',
  enterpriseId: 'e0000000-0000-4000-8000-000000000001',
  enterpriseName: '中卫示范化工有限公司',
  jurisdiction: '640502',
  name: ' 液氨储罐区 ',
  unitKind: 'storage',
  location: { lat: 37.5, lng: 105.2 },
  exposedPopulation: 120,
  substances: [{ casNo: '7664-41-7', name: '液氨', quantityTonnes: 300 }],
  now,
};

const replay = (events: HazardSourceEvent[]): HazardSourceState =>
  events.reduce(evolveHazardSource, initialHazardSourceState);

describe('hazard source decider', () => {
  it('registers with the assessment of the moment: 300 t ammonia, 120 people → R = 2·2·30 = 120, 一级', () => {
    const [event] = decideHazardSource(register, initialHazardSourceState);
    expect(event!.type).toBe('HazardSourceRegistered');
    if (event!.type !== 'HazardSourceRegistered') return;
    expect(event.data.name).toBe('液氨储罐区');
    expect(event.data.assessment).toMatchObject({ isMajor: true, alpha: 2, r: 120, grade: 1, sumRatio: 30 });
    expect(event.data.substances[0]).toEqual({
      casNo: '7664-41-7',
      name: '液氨',
      category: null,
      tableEntry: null,
      quantityTonnes: 300,
      criticalQuantityTonnes: null,
      beta: null,
    });
    expect(() => decideHazardSource(register, replay([event!]))).toThrow(DomainError);
  });

  it('a smaller exposed population recomputes α and the grade; the same population appends nothing', () => {
    const state = replay(decideHazardSource(register, initialHazardSourceState));
    const [changed] = decideHazardSource({ type: 'ReviseHazardSource', exposedPopulation: 20, now }, state);
    expect(changed!.type).toBe('HazardExposedPopulationChanged');
    if (changed!.type !== 'HazardExposedPopulationChanged') return;
    expect(changed.data).toMatchObject({ exposedPopulation: 20, previous: 120 });
    expect(changed.data.assessment).toMatchObject({ alpha: 1, r: 60, grade: 2 });
    expect(decideHazardSource({ type: 'ReviseHazardSource', exposedPopulation: 120, now }, state)).toEqual([]);
  });

  it('population and substances in one revision: the substances’ assessment already uses the new population', () => {
    const state = replay(decideHazardSource(register, initialHazardSourceState));
    const events = decideHazardSource(
      {
        type: 'ReviseHazardSource',
        name: '液氨储罐区（扩建）',
        exposedPopulation: 40,
        substances: [{ casNo: '7664-41-7', name: '液氨', quantityTonnes: 9 }],
        now,
      },
      state,
    );
    expect(events.map((e) => e.type)).toEqual([
      'HazardSourceRenamed',
      'HazardExposedPopulationChanged',
      'HazardSubstancesChanged',
    ]);
    const last = events[2]!;
    if (last.type !== 'HazardSubstancesChanged') throw new Error('unexpected');
    expect(last.data.assessment).toMatchObject({ isMajor: false, alpha: 1.2, grade: null });
    expect(replay([...decideHazardSource(register, initialHazardSourceState), ...events])).toMatchObject({
      name: '液氨储罐区（扩建）',
      exposedPopulation: 40,
    });
  });

  it('refuses a declaration the standard refuses, and stores nothing', () => {
    const state = replay(decideHazardSource(register, initialHazardSourceState));
    expect(() =>
      decideHazardSource(
        { type: 'ReviseHazardSource', substances: [{ casNo: '110-86-1', name: '吡啶', quantityTonnes: 3 }], now },
        state,
      ),
    ).toThrow(expect.objectContaining({ code: 'HAZARD_SUBSTANCE_UNCLASSIFIED' }));
  });

  it('a retired unit accepts no change; an unknown one is not found', () => {
    const registered = decideHazardSource(register, initialHazardSourceState);
    const retired = decideHazardSource({ type: 'RetireHazardSource', reason: '装置拆除', now }, replay(registered));
    const state = replay([...registered, ...retired]);
    expect(state).toMatchObject({ status: 'retired', retiredAt: now.toISOString() });
    expect(() => decideHazardSource({ type: 'ReviseHazardSource', exposedPopulation: 1, now }, state)).toThrow(
      expect.objectContaining({ code: 'HAZARD_SOURCE_RETIRED' }),
    );
    expect(() =>
      decideHazardSource({ type: 'RetireHazardSource', reason: 'x', now }, initialHazardSourceState),
    ).toThrow(expect.objectContaining({ code: 'HAZARD_SOURCE_NOT_FOUND' }));
  });
});

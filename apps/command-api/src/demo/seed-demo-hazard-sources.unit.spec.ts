import { assessHazardSource } from '@app/enterprises';
import { DEMO_HAZARD_SOURCES } from './seed-demo-hazard-sources';

describe('demo hazard sources', () => {
  it.each(DEMO_HAZARD_SOURCES.map((u) => [u.name, u] as const))('%s gets the grade its figures give', (_, unit) => {
    const a = assessHazardSource(unit);
    expect(a.isMajor).toBe(true);
    expect(a.grade).toBe(unit.expectedGrade);
  });

  it('cover 一级 to 三级 (and 四级), storage and production units', () => {
    expect(new Set(DEMO_HAZARD_SOURCES.map((u) => u.expectedGrade))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(DEMO_HAZARD_SOURCES.map((u) => u.unitKind))).toEqual(new Set(['storage', 'production']));
  });
});

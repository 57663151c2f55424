import { assessHazardSource } from '@app/enterprises';
import { DEMO_ENTERPRISES } from './demo-enterprises';
import { DEMO_HAZARD_SOURCES } from './seed-demo-hazard-sources';

describe('demo hazard sources', () => {
  it.each(DEMO_HAZARD_SOURCES.map((u) => [u.name, u] as const))('%s gets the grade its figures give', (_, unit) => {
    const a = assessHazardSource(unit);
    expect(a.isMajor).toBe(unit.expectedGrade !== null);
    expect(a.grade).toBe(unit.expectedGrade);
  });

  it('cover 一级 to 四级 and a unit that is not major, storage and production, on existing demo enterprises', () => {
    expect(new Set(DEMO_HAZARD_SOURCES.map((u) => u.expectedGrade))).toEqual(new Set([1, 2, 3, 4, null]));
    expect(new Set(DEMO_HAZARD_SOURCES.map((u) => u.unitKind))).toEqual(new Set(['storage', 'production']));
    const names = new Set(DEMO_ENTERPRISES.map((e) => e.name));
    for (const unit of DEMO_HAZARD_SOURCES) expect(names.has(unit.enterprise)).toBe(true);
    expect(new Set(DEMO_HAZARD_SOURCES.map((u) => u.key)).size).toBe(DEMO_HAZARD_SOURCES.length);
  });
});

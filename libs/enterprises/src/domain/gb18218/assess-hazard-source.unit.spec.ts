import { DomainError } from '@app/shared';
import { assessHazardSource, type SubstanceInput } from './assess-hazard-source';

const ammonia = (q: number): SubstanceInput => ({ casNo: '7664-41-7', name: '液氨', quantityTonnes: q }); // Q 10, β 2
const methanol = (q: number): SubstanceInput => ({ casNo: '67-56-1', name: '甲醇', quantityTonnes: q }); // Q 500, β 1
const phosgene = (q: number): SubstanceInput => ({ casNo: '75-44-5', name: '光气', quantityTonnes: q }); // Q 0.3, β 20

const assess = (substances: SubstanceInput[], exposedPopulation = 10) =>
  assessHazardSource({ unitKind: 'storage', exposedPopulation, substances });

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('assessHazardSource: identification (Σ q/Q ≥ 1)', () => {
  it.each([
    [9.999, false, 0.9999],
    [10, true, 1],
    [10.001, true, 1.0001],
  ])('ammonia %p t against Q = 10 t: major %p (Σ %p)', (q, major, sum) => {
    const a = assess([ammonia(q)]);
    expect(a.isMajor).toBe(major);
    expect(a.sumRatio).toBe(sum);
    expect(a.grade === null).toBe(!major);
  });

  it('a hair below 1 is not major and is never shown as 1', () => {
    const a = assess([ammonia(9.99999999)]);
    expect(a.isMajor).toBe(false);
    expect(a.sumRatio).toBe(0.9999);
    expect(a.grade).toBeNull();
    expect(a.gradeLabel).toBeNull();
  });

  it('7 t + 2 t + 1 t of ammonia is exactly Q (floating point sums 0.7 + 0.2 + 0.1 to 0.9999999999999999)', () => {
    expect(7 / 10 + 2 / 10 + 1 / 10).toBeLessThan(1);
    const a = assess([ammonia(7), ammonia(2), ammonia(1)]);
    expect(a.sumRatioExact).toBe('1');
    expect(a.isMajor).toBe(true);
  });

  it('a mixture sums its substances: 5 t ammonia (0.5) + 250 t methanol (0.5) is major, 249.9 t is not', () => {
    const major = assess([ammonia(5), methanol(250)]);
    expect(major.sumRatioExact).toBe('1');
    expect(major.isMajor).toBe(true);
    expect(major.substances.map((s) => s.ratio)).toEqual([0.5, 0.5]);
    const minor = assess([ammonia(5), methanol(249.9)]);
    expect(minor.isMajor).toBe(false);
    expect(minor.sumRatio).toBe(0.9998);
  });

  it('sums four different substances, named and by category', () => {
    const a = assess([
      ammonia(1), // 0.1, β 2
      methanol(50), // 0.1, β 1
      phosgene(0.03), // 0.1, β 20
      { name: '某易燃液体', category: 'W5.3', quantityTonnes: 700 }, // 0.7, β 1
    ]);
    expect(a.sumRatioExact).toBe('1');
    expect(a.isMajor).toBe(true);
    // R = α(1.0) · (0.2 + 0.1 + 2 + 0.7) = 3
    expect(a.rExact).toBe('3');
    expect(a.grade).toBe(4);
  });
});

describe('assessHazardSource: α by exposed population', () => {
  it.each([
    [0, 0.5],
    [1, 1.0],
    [29, 1.0],
    [30, 1.2],
    [49, 1.2],
    [50, 1.5],
    [99, 1.5],
    [100, 2.0],
    [100000, 2.0],
  ])('%p people → α %p, and R = α · Σ β·q/Q', (people, alpha) => {
    const a = assess([ammonia(10)], people); // Σ β·q/Q = 2
    expect(a.alpha).toBe(alpha);
    expect(a.r).toBe(alpha * 2);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 10_000_001])('refuses %p people', (people) => {
    expect(refusal(() => assess([ammonia(10)], people)).code).toBe('HAZARD_EXPOSED_POPULATION_INVALID');
  });
});

describe('assessHazardSource: grade by R', () => {
  // Methanol alone with α = 1: R = q / 500.
  it.each([
    [4999.999, 4],
    [5000, 3],
    [24999.999, 3],
    [25000, 2],
    [49999.999, 2],
    [50000, 1],
    [500, 4],
  ])('methanol %p t, α 1 → grade %p', (q, grade) => {
    const a = assess([methanol(q)]);
    expect(a.isMajor).toBe(true);
    expect(a.grade).toBe(grade);
    expect(a.gradeLabel).toBe(['一级', '二级', '三级', '四级'][grade - 1]);
  });

  it('R just below 100 is shown cut (99.99), not rounded up to 100, and stays 二级', () => {
    const a = assess([methanol(49999.99)]);
    expect(a.r).toBe(99.99);
    expect(a.grade).toBe(2);
  });

  it('R exactly 100 where floating point gives 99.99999999999999: 1.2 · (2·375/10 + 20·0.125/0.3)', () => {
    expect(1.2 * ((2 * 375) / 10 + (20 * 0.125) / 0.3)).toBeLessThan(100);
    const a = assess([ammonia(375), phosgene(0.125)], 30);
    expect(a.rExact).toBe('100');
    expect(a.grade).toBe(1);
  });

  it('a unit that is not major has an R but no grade', () => {
    const a = assess([phosgene(0.29)], 200);
    expect(a.isMajor).toBe(false);
    expect(a.r).toBeGreaterThan(0);
    expect(a.grade).toBeNull();
  });
});

describe('assessHazardSource: named substances and their β', () => {
  it.each([
    ['630-08-0', '一氧化碳', 2],
    ['7446-09-5', '二氧化硫', 2],
    ['7664-41-7', '氨', 2],
    ['75-21-8', '环氧乙烷', 2],
    ['7647-01-0', '氯化氢', 3],
    ['74-83-9', '溴甲烷', 3],
    ['7782-50-5', '氯', 4],
    ['7783-06-4', '硫化氢', 5],
    ['7664-39-3', '氟化氢', 5],
    ['10102-44-0', '二氧化氮', 10],
    ['74-90-8', '氰化氢', 10],
    ['75-44-5', '碳酰氯', 20],
    ['7803-51-2', '磷化氢', 20],
    ['624-83-9', '异氰酸甲酯', 20],
  ])('%s (%s) has β %p from Table 3', (casNo, name, beta) => {
    // Carbon monoxide is not in Table 1: it takes its Q from its category (J3) and its β from Table 3.
    const category = casNo === '630-08-0' ? ('J3' as const) : undefined;
    const [s] = assess([{ casNo, name, category, quantityTonnes: 0.1 }]).substances;
    expect(s!.beta).toBe(beta);
    expect(s!.basis).toBe(casNo === '630-08-0' ? 'category' : 'named');
    expect(s!.basisNote).toContain(`表3（${name}）`);
  });

  it('the CAS number decides, whatever the name says', () => {
    const [s] = assess([{ casNo: '7782-50-5', name: '甲醇', quantityTonnes: 1 }]).substances;
    expect(s).toMatchObject({ criticalQuantityTonnes: 5, beta: 4, tableEntry: 12, basis: 'named', name: '甲醇' });
  });

  it('a named substance by category (flammable gas LPG: β 1.5 from Table 4)', () => {
    const [s] = assess([{ casNo: '74-98-6', name: '丙烷', quantityTonnes: 25 }]).substances;
    expect(s).toMatchObject({ criticalQuantityTonnes: 50, beta: 1.5, hazardClass: 'W2', category: 'flammable_gas' });
    expect(s!.ratio).toBe(0.5);
  });

  it('煤气 (no CAS) is taken by its Table 1 number, with the β of carbon monoxide', () => {
    const [s] = assess([{ name: '焦炉煤气', tableEntry: 13, quantityTonnes: 20 }]).substances;
    expect(s).toMatchObject({ criticalQuantityTonnes: 20, beta: 2, basis: 'named', casNo: null });
  });

  it('a CAS number with several Table 1 entries needs the entry number', () => {
    const e = refusal(() => assess([{ casNo: '6484-52-2', name: '硝酸铵', quantityTonnes: 10 }]));
    expect(e.code).toBe('HAZARD_CAS_AMBIGUOUS');
    expect(e.message).toContain('第43项');
    expect(e.message).toContain('第44项');
    const [s] = assess([{ casNo: '6484-52-2', name: '硝酸铵', tableEntry: 44, quantityTonnes: 10 }]).substances;
    expect(s).toMatchObject({ criticalQuantityTonnes: 50, tableEntry: 44 });
    expect(refusal(() => assess([{ casNo: '7664-41-7', name: '氨', tableEntry: 44, quantityTonnes: 1 }])).code).toBe(
      'HAZARD_TABLE_ENTRY_MISMATCH',
    );
    expect(refusal(() => assess([{ name: '某物', tableEntry: 86, quantityTonnes: 1 }])).code).toBe(
      'HAZARD_TABLE_ENTRY_MISMATCH',
    );
  });

  it('a name of Table 1 without a CAS number or entry is refused rather than counted by a category', () => {
    const e = refusal(() => assess([{ name: '液氯', category: 'J3', quantityTonnes: 1 }]));
    expect(e.code).toBe('HAZARD_NAMED_WITHOUT_CAS');
    expect(e.message).toContain('7782-50-5');
  });

  it('an entered Q or β that differs from a named substance’s is refused; the same value is accepted', () => {
    const q = refusal(() => assess([{ ...ammonia(1), criticalQuantityTonnes: 100 }]));
    expect(q.code).toBe('HAZARD_VALUE_CONFLICTS_STANDARD');
    expect(q.details).toMatchObject({ entered: 100, standard: 10 });
    expect(refusal(() => assess([{ ...ammonia(1), beta: 1 }])).code).toBe('HAZARD_VALUE_CONFLICTS_STANDARD');
    expect(refusal(() => assess([{ ...ammonia(1), beta: 5 }])).code).toBe('HAZARD_VALUE_CONFLICTS_STANDARD');
    const [s] = assess([{ ...ammonia(1), criticalQuantityTonnes: 10, beta: 2 }]).substances;
    expect(s!.basis).toBe('named');
  });
});

describe('assessHazardSource: substances not named (category rule)', () => {
  it('takes Q and β from Tables 2 and 4', () => {
    const [gas, liquid, toxic] = assess([
      { name: '某易燃气体', category: 'W2', quantityTonnes: 5 },
      { name: '某易燃液体', category: 'W5.1', quantityTonnes: 5 },
      { name: '某剧毒气体', category: 'J1', quantityTonnes: 5 },
    ]).substances;
    expect(gas).toMatchObject({ criticalQuantityTonnes: 10, beta: 1.5, basis: 'category', category: 'flammable_gas' });
    expect(liquid).toMatchObject({ criticalQuantityTonnes: 10, beta: 1.5, category: 'flammable_liquid' });
    expect(toxic).toMatchObject({ criticalQuantityTonnes: 5, beta: 4, category: 'toxic_gas', ratio: 1 });
  });

  it('an unknown CAS number with no category is refused in Chinese', () => {
    const e = refusal(() => assess([{ casNo: '110-86-1', name: '吡啶', quantityTonnes: 3 }]));
    expect(e.code).toBe('HAZARD_SUBSTANCE_UNCLASSIFIED');
    expect(e.kind).toBe('rule');
    expect(e.message).toContain('吡啶');
    expect(e.message).toContain('表2');
  });

  it('an entered value stricter than the rule is taken and marked entered; a laxer one is refused', () => {
    const [s] = assess([
      { name: '某易燃液体', category: 'W5.3', quantityTonnes: 100, criticalQuantityTonnes: 500 },
    ]).substances;
    expect(s).toMatchObject({ criticalQuantityTonnes: 500, basis: 'entered', ratio: 0.2 });
    expect(s!.basisNote).toContain('严于');
    expect(
      refusal(() => assess([{ name: '某易燃液体', category: 'W5.3', quantityTonnes: 1, criticalQuantityTonnes: 2000 }]))
        .code,
    ).toBe('HAZARD_VALUE_LESS_STRICT');
    expect(refusal(() => assess([{ name: '某易燃气体', category: 'W2', quantityTonnes: 1, beta: 1 }])).code).toBe(
      'HAZARD_VALUE_LESS_STRICT',
    );
    const [b] = assess([{ name: '某易燃气体', category: 'W2', quantityTonnes: 1, beta: 2 }]).substances;
    expect(b).toMatchObject({ beta: 2, basis: 'entered' });
  });
});

describe('assessHazardSource: hostile numbers', () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e8])('refuses a quantity of %p t', (q) => {
    expect(refusal(() => assess([ammonia(q)])).code).toBe('HAZARD_QUANTITY_INVALID');
  });

  it('refuses a malformed CAS number, a zero Q, and an empty list', () => {
    expect(refusal(() => assess([{ casNo: '7664-41-8', name: '氨', quantityTonnes: 1 }])).code).toBe(
      'HAZARD_CAS_INVALID',
    );
    expect(
      refusal(() => assess([{ name: '某', category: 'W2', quantityTonnes: 1, criticalQuantityTonnes: 0 }])).code,
    ).toBe('HAZARD_QUANTITY_INVALID');
    expect(refusal(() => assess([])).code).toBe('HAZARD_NO_SUBSTANCES');
  });

  it('the largest accepted figures stay exact', () => {
    const a = assess([phosgene(10_000_000)], 10_000_000);
    expect(a.grade).toBe(1);
    expect(a.rExact).toBe('4000000000/3'); // 2 · 20 · 10 000 000 / 0.3
  });
});

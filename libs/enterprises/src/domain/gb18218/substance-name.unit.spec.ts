import { DomainError } from '@app/shared';
import { assessHazardSource } from './assess-hazard-source';
import { namedSubstanceByName, stripStateWords, tidySubstanceName } from './substance-name';

describe('the name guard of Table 1', () => {
  it('folds brackets, spaces, full-width forms and state words', () => {
    expect(tidySubstanceName('氯气（液态）')).toBe('氯气');
    expect(tidySubstanceName(' 液　氯 ')).toBe('液氯');
    expect(tidySubstanceName('硝化纤维素［干的或含水（或乙醇）<25%］')).toBe('硝化纤维素');
    expect(tidySubstanceName('ｌｐｇ')).toBe('LPG');
    expect(stripStateWords('无水氨气')).toBe('氨');
    expect(stripStateWords('工业甲醇')).toBe('甲醇');
    expect(stripStateWords('气')).toBe('气');
  });

  it.each([
    ['氯气（液态）', 12],
    ['液 氯', 12],
    ['氯（液化的）', 12],
    ['液态氯', 12],
    ['液氨', 1],
    ['无水氨', 1],
    ['氨气', 1],
    ['液化气', 52],
    ['液化石油气', 52],
    ['ＬＰＧ', 52],
    ['液化天然气', 49],
    ['天然气', 49],
    ['煤气', 13],
    ['焦炉煤气', 13],
    ['氢气', 51],
    ['工业甲醇', 65],
    ['无水乙醇', 67],
    ['电石', 83],
    ['电石气', 54],
    ['氟气', 5],
  ])('%s is Table 1 entry %p', (name, no) => {
    expect(namedSubstanceByName(name)?.no).toBe(no);
  });

  it.each([
    '氯化钠',
    '氢氧化钠',
    '氨基磺酸',
    '氨溶液',
    '次氯酸钠溶液',
    '苯酚',
    '硝酸钠',
    '某易燃液体',
    '液体石蜡',
    '气',
  ])('%s names no entry (a Table 1 name inside another name is another chemical)', (name) => {
    expect(namedSubstanceByName(name)).toBeUndefined();
  });

  it('chlorine written 氯气（液态） without CAS is refused, naming the entry, not counted as W5.4 with Q 5000 t', () => {
    let refused: unknown;
    try {
      assessHazardSource({
        unitKind: 'storage',
        exposedPopulation: 10,
        substances: [{ name: '氯气（液态）', category: 'W5.4', quantityTonnes: 10 }],
      });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    const e = refused as DomainError;
    expect(e.code).toBe('HAZARD_NAMED_WITHOUT_CAS');
    expect(e.message).toContain('表1第12项');
    expect(e.message).toContain('（氯）');
    expect(e.message).toContain('7782-50-5');
    // With its CAS number the same declaration is assessed by Table 1: Q 5 t, β 4 (Table 3).
    const a = assessHazardSource({
      unitKind: 'storage',
      exposedPopulation: 10,
      substances: [{ casNo: '7782-50-5', name: '氯气（液态）', quantityTonnes: 10 }],
    });
    expect(a.substances[0]).toMatchObject({ criticalQuantityTonnes: 5, beta: 4, tableEntry: 12 });
  });
});

import { isValidCasNumber } from './cas-number';
import {
  ALPHA_BANDS,
  GRADE_BANDS,
  HAZARD_CLASSES,
  HAZARD_CLASS_CODES,
  NAMED_SUBSTANCES,
  TOXIC_GAS_BETA,
} from './gb18218.data';

describe('GB 18218-2018 data', () => {
  it('checks CAS numbers by their check digit', () => {
    expect(isValidCasNumber('7664-41-7')).toBe(true); // ammonia
    expect(isValidCasNumber('7782-50-5')).toBe(true); // chlorine
    expect(isValidCasNumber('7664-41-8')).toBe(false); // one digit off
    expect(isValidCasNumber('7664-14-7')).toBe(false); // two digits swapped
    expect(isValidCasNumber('7664417')).toBe(false);
    expect(isValidCasNumber('0064-41-7')).toBe(false);
    expect(isValidCasNumber(' 7664-41-7')).toBe(false);
  });

  it('Table 1: 85 entries numbered 1…85, every CAS well formed with its check digit, every Q > 0', () => {
    expect(NAMED_SUBSTANCES.map((e) => e.no)).toEqual(Array.from({ length: 85 }, (_, i) => i + 1));
    for (const entry of NAMED_SUBSTANCES) {
      for (const cas of entry.casNos)
        expect({ no: entry.no, cas, valid: isValidCasNumber(cas) }).toEqual({ no: entry.no, cas, valid: true });
      expect(entry.criticalQuantityTonnes).toBeGreaterThan(0);
      expect(HAZARD_CLASS_CODES).toContain(entry.hazardClass);
    }
  });

  it('Table 1: a CAS number is shared only by the variants of one substance (硝化纤维素, 硝酸铵), never by two substances', () => {
    const byCas = new Map<string, number[]>();
    for (const e of NAMED_SUBSTANCES) for (const cas of e.casNos) byCas.set(cas, [...(byCas.get(cas) ?? []), e.no]);
    const shared = [...byCas].filter(([, nos]) => nos.length > 1);
    expect(Object.fromEntries(shared)).toEqual({ '9004-70-0': [37, 38, 39, 40, 41, 42], '6484-52-2': [43, 44] });
    // Within one entry no CAS is listed twice.
    for (const e of NAMED_SUBSTANCES) expect(new Set(e.casNos).size).toBe(e.casNos.length);
  });

  it('Table 1: the critical quantities of the substances the demo and the tests lean on', () => {
    const q = (cas: string) => NAMED_SUBSTANCES.find((e) => e.casNos.includes(cas))!.criticalQuantityTonnes;
    expect(q('7664-41-7')).toBe(10); // 氨
    expect(q('7782-50-5')).toBe(5); // 氯
    expect(q('68476-85-7')).toBe(50); // 液化石油气
    expect(q('67-56-1')).toBe(500); // 甲醇
    expect(q('75-44-5')).toBe(0.3); // 光气
    expect(q('624-83-9')).toBe(0.75); // 异氰酸甲酯
    expect(q('1333-74-0')).toBe(5); // 氢
    expect(q('71-43-2')).toBe(50); // 苯
  });

  it('Table 3: the named toxic gases carry the β the standard gives them, with valid CAS numbers', () => {
    expect(Object.fromEntries(TOXIC_GAS_BETA.map((g) => [g.name, g.beta]))).toEqual({
      一氧化碳: 2,
      二氧化硫: 2,
      氨: 2,
      环氧乙烷: 2,
      氯化氢: 3,
      溴甲烷: 3,
      氯: 4,
      硫化氢: 5,
      氟化氢: 5,
      二氧化氮: 10,
      氰化氢: 10,
      碳酰氯: 20,
      磷化氢: 20,
      异氰酸甲酯: 20,
    });
    for (const g of TOXIC_GAS_BETA) expect(isValidCasNumber(g.casNo)).toBe(true);
    expect(new Set(TOXIC_GAS_BETA.map((g) => g.casNo)).size).toBe(TOXIC_GAS_BETA.length);
    // Every Table 3 gas except carbon monoxide (named in Table 1 only as 煤气) is a Table 1 entry with the same CAS.
    for (const g of TOXIC_GAS_BETA.filter((x) => x.name !== '一氧化碳')) {
      expect(NAMED_SUBSTANCES.some((e) => e.casNos.includes(g.casNo))).toBe(true);
    }
  });

  it('Tables 2 and 4: every symbol has Q > 0 and its β; the values of the rules', () => {
    for (const code of HAZARD_CLASS_CODES) {
      expect(HAZARD_CLASSES[code].code).toBe(code);
      expect(HAZARD_CLASSES[code].criticalQuantityTonnes).toBeGreaterThan(0);
      expect(HAZARD_CLASSES[code].beta).toBeGreaterThanOrEqual(1);
    }
    const q = Object.fromEntries(HAZARD_CLASS_CODES.map((c) => [c, HAZARD_CLASSES[c].criticalQuantityTonnes]));
    expect(q).toEqual({
      J1: 5,
      J2: 50,
      J3: 50,
      J4: 50,
      J5: 500,
      'W1.1': 1,
      'W1.2': 10,
      'W1.3': 50,
      W2: 10,
      W3: 150,
      W4: 50,
      'W5.1': 10,
      'W5.2': 50,
      'W5.3': 1000,
      'W5.4': 5000,
      'W6.1': 10,
      'W6.2': 50,
      'W7.1': 10,
      'W7.2': 50,
      W8: 50,
      'W9.1': 50,
      'W9.2': 200,
      W10: 200,
      W11: 200,
    });
    const beta = Object.fromEntries(HAZARD_CLASS_CODES.map((c) => [c, HAZARD_CLASSES[c].beta]));
    expect(beta).toEqual({
      J1: 4,
      J2: 1,
      J3: 2,
      J4: 2,
      J5: 1,
      'W1.1': 2,
      'W1.2': 2,
      'W1.3': 2,
      W2: 1.5,
      W3: 1,
      W4: 1,
      'W5.1': 1.5,
      'W5.2': 1,
      'W5.3': 1,
      'W5.4': 1,
      'W6.1': 1.5,
      'W6.2': 1,
      'W7.1': 1.5,
      'W7.2': 1,
      W8: 1,
      'W9.1': 1,
      'W9.2': 1,
      W10: 1,
      W11: 1,
    });
  });

  it('Tables 5 and 6: α bands cover 0 … ∞ without gap or overlap; grade bounds 100, 50, 10', () => {
    for (let people = 0; people <= 200; people++) {
      expect(ALPHA_BANDS.filter((b) => people >= b.min && (b.max === null || people <= b.max))).toHaveLength(1);
    }
    expect(ALPHA_BANDS.map((b) => [b.min, b.alpha])).toEqual([
      [100, 2],
      [50, 1.5],
      [30, 1.2],
      [1, 1],
      [0, 0.5],
    ]);
    expect(GRADE_BANDS.map((g) => [g.grade, g.minR])).toEqual([
      [1, 100],
      [2, 50],
      [3, 10],
      [4, 0],
    ]);
  });
});

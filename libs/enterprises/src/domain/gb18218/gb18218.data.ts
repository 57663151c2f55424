/**
 * GB 18218-2018《危险化学品重大危险源辨识》 (Identification of major hazard installations for hazardous chemicals),
 * the values the register identifies and grades with:
 *   - 表1 危险化学品名称及其临界量 (named substances: CAS numbers, critical quantity Q in tonnes) → NAMED_SUBSTANCES
 *   - 表2 未在表1中列举的危险化学品类别及其临界量 (Q by hazard category, symbols J1…W11) → HAZARD_CLASSES
 *   - 表3 毒性气体校正系数β取值表 (the named toxic gases' β) → TOXIC_GAS_BETA
 *   - 表4 未在表3中列举的危险化学品校正系数β取值表 (β by category) → HAZARD_CLASSES[].beta
 *   - 表5 暴露人员校正系数α取值表 → ALPHA_BANDS;  表6 重大危险源级别和R值的对应关系 → GRADE_BANDS
 * (the grading is also that of 原国家安全生产监督管理总局令第40号, Annex 1).
 *
 * Transcribed for this register and checked by gb18218.data.unit.spec.ts (CAS check digits, no CAS shared between
 * different substances, every Q > 0, the β of Table 3). Table 1 names no category for its entries: `hazardClass`
 * of a named entry is this register's reading of the substance's principal GHS hazard, used only for the β of
 * entries Table 3 does not list; docs/enterprises.md lists these readings and the values still to be verified
 * against the printed standard.
 */
import type { HazardCategory } from '../../contract';

/** The symbols of Table 2 (J: health hazards, W: physical hazards). */
export const HAZARD_CLASS_CODES = [
  'J1',
  'J2',
  'J3',
  'J4',
  'J5',
  'W1.1',
  'W1.2',
  'W1.3',
  'W2',
  'W3',
  'W4',
  'W5.1',
  'W5.2',
  'W5.3',
  'W5.4',
  'W6.1',
  'W6.2',
  'W7.1',
  'W7.2',
  'W8',
  'W9.1',
  'W9.2',
  'W10',
  'W11',
] as const;
export type HazardClassCode = (typeof HAZARD_CLASS_CODES)[number];

export interface HazardClassRule {
  code: HazardClassCode;
  category: HazardCategory;
  /** What the symbol covers, in the register's words. */
  label: string;
  /** Table 2. */
  criticalQuantityTonnes: number;
  /** Table 4. */
  beta: number;
}

/** Table 2 (Q) and Table 4 (β), one row per symbol. */
export const HAZARD_CLASSES: Readonly<Record<HazardClassCode, HazardClassRule>> = {
  J1: rule('J1', 'toxic_gas', '急性毒性 类别1（任何暴露途径），气体', 5, 4),
  J2: rule('J2', 'acute_toxic', '急性毒性 类别1（任何暴露途径），固体或液体', 50, 1),
  J3: rule('J3', 'toxic_gas', '急性毒性 类别2、3（任何暴露途径），气体', 50, 2),
  J4: rule('J4', 'acute_toxic', '急性毒性 类别2、3（吸入），沸点不高于35℃的液体', 50, 2),
  J5: rule('J5', 'acute_toxic', '急性毒性 类别2（任何暴露途径），J4以外的液体或固体', 500, 1),
  'W1.1': rule('W1.1', 'explosive', '不稳定爆炸物、1.1项爆炸物', 1, 2),
  'W1.2': rule('W1.2', 'explosive', '1.2、1.3、1.5、1.6项爆炸物', 10, 2),
  'W1.3': rule('W1.3', 'explosive', '1.4项爆炸物', 50, 2),
  W2: rule('W2', 'flammable_gas', '易燃气体 类别1、2', 10, 1.5),
  W3: rule('W3', 'flammable_aerosol', '气溶胶 类别1、2（按净重计）', 150, 1),
  W4: rule('W4', 'oxidizing_gas', '氧化性气体 类别1', 50, 1),
  'W5.1': rule('W5.1', 'flammable_liquid', '易燃液体 类别1；或类别2、3且工作温度高于其沸点', 10, 1.5),
  'W5.2': rule(
    'W5.2',
    'flammable_liquid',
    '易燃液体 类别2、3，具有引发重大事故的特殊工艺条件（危险化工工艺、在爆炸极限范围或附近操作、操作压力大于1.6MPa等）',
    50,
    1,
  ),
  'W5.3': rule('W5.3', 'flammable_liquid', '易燃液体 类别2（不属于W5.1、W5.2）', 1000, 1),
  'W5.4': rule('W5.4', 'flammable_liquid', '易燃液体 类别3（不属于W5.1、W5.2）', 5000, 1),
  'W6.1': rule('W6.1', 'self_reactive', 'A型、B型自反应物质和混合物', 10, 1.5),
  'W6.2': rule('W6.2', 'self_reactive', 'C型、D型、E型自反应物质和混合物', 50, 1),
  'W7.1': rule('W7.1', 'organic_peroxide', 'A型、B型有机过氧化物', 10, 1.5),
  'W7.2': rule('W7.2', 'organic_peroxide', 'C型、D型、E型、F型有机过氧化物', 50, 1),
  W8: rule('W8', 'pyrophoric', '自燃液体、自燃固体 类别1', 50, 1),
  'W9.1': rule('W9.1', 'oxidizing', '氧化性固体、液体 类别1', 50, 1),
  'W9.2': rule('W9.2', 'oxidizing', '氧化性固体、液体 类别2、3', 200, 1),
  W10: rule('W10', 'flammable_solid', '易燃固体 类别1', 200, 1),
  W11: rule('W11', 'water_reactive', '遇水放出易燃气体的物质和混合物 类别1、2', 200, 1),
};

function rule(
  code: HazardClassCode,
  category: HazardCategory,
  label: string,
  criticalQuantityTonnes: number,
  beta: number,
): HazardClassRule {
  return { code, category, label, criticalQuantityTonnes, beta };
}

/** Table 3: the toxic gases with their own β (the CAS number is how the register recognises them). */
export interface ToxicGasBeta {
  name: string;
  casNo: string;
  beta: number;
}

export const TOXIC_GAS_BETA: readonly ToxicGasBeta[] = [
  { name: '一氧化碳', casNo: '630-08-0', beta: 2 },
  { name: '二氧化硫', casNo: '7446-09-5', beta: 2 },
  { name: '氨', casNo: '7664-41-7', beta: 2 },
  { name: '环氧乙烷', casNo: '75-21-8', beta: 2 },
  { name: '氯化氢', casNo: '7647-01-0', beta: 3 },
  { name: '溴甲烷', casNo: '74-83-9', beta: 3 },
  { name: '氯', casNo: '7782-50-5', beta: 4 },
  { name: '硫化氢', casNo: '7783-06-4', beta: 5 },
  { name: '氟化氢', casNo: '7664-39-3', beta: 5 },
  { name: '二氧化氮', casNo: '10102-44-0', beta: 10 },
  { name: '氰化氢', casNo: '74-90-8', beta: 10 },
  { name: '碳酰氯', casNo: '75-44-5', beta: 20 },
  { name: '磷化氢', casNo: '7803-51-2', beta: 20 },
  { name: '异氰酸甲酯', casNo: '624-83-9', beta: 20 },
];

/** One entry of Table 1. */
export interface NamedSubstance {
  /** 序号 in Table 1. */
  no: number;
  name: string;
  aliases: readonly string[];
  /** Empty for the entries the standard names without a CAS number (煤气, 硝酸铵肥料, 烷基铝). */
  casNos: readonly string[];
  criticalQuantityTonnes: number;
  /** The register's reading of the principal hazard (β of Table 4 when Table 3 does not name the substance). */
  hazardClass: HazardClassCode;
  /** The Table 3 gas whose β applies when it is not found by CAS number (煤气 is carbon monoxide and its mixtures). */
  toxicGas?: string;
}

const n = (
  no: number,
  name: string,
  aliases: readonly string[],
  casNos: readonly string[],
  criticalQuantityTonnes: number,
  hazardClass: HazardClassCode,
  toxicGas?: string,
): NamedSubstance => ({
  no,
  name,
  aliases,
  casNos,
  criticalQuantityTonnes,
  hazardClass,
  ...(toxicGas ? { toxicGas } : {}),
});

/** Table 1, in the standard's order. */
export const NAMED_SUBSTANCES: readonly NamedSubstance[] = [
  n(1, '氨', ['液氨', '氨气'], ['7664-41-7'], 10, 'J3'),
  n(2, '二氟化氧', ['一氧化二氟'], ['7783-41-7'], 1, 'J1'),
  n(3, '二氧化氮', [], ['10102-44-0'], 1, 'J1'),
  n(4, '二氧化硫', ['亚硫酸酐'], ['7446-09-5'], 20, 'J3'),
  n(5, '氟', [], ['7782-41-4'], 1, 'J1'),
  n(6, '碳酰氯', ['光气'], ['75-44-5'], 0.3, 'J1'),
  n(7, '环氧乙烷', ['氧化乙烯'], ['75-21-8'], 10, 'J3'),
  n(8, '甲醛（含量>90%）', ['蚁醛'], ['50-00-0'], 5, 'J3'),
  n(9, '磷化氢', ['磷化三氢', '膦'], ['7803-51-2'], 1, 'J1'),
  n(10, '硫化氢', [], ['7783-06-4'], 5, 'J1'),
  n(11, '氯化氢（无水）', [], ['7647-01-0'], 20, 'J3'),
  n(12, '氯', ['液氯', '氯气'], ['7782-50-5'], 5, 'J3'),
  n(13, '煤气（CO，CO和H2、CH4的混合物等）', [], [], 20, 'J3', '一氧化碳'),
  n(14, '砷化氢', ['砷化三氢', '胂'], ['7784-42-1'], 1, 'J1'),
  n(15, '锑化氢', ['三氢化锑', '锑化三氢'], ['7803-52-3'], 1, 'J3'),
  n(16, '硒化氢', [], ['7783-07-5'], 1, 'J3'),
  n(17, '溴甲烷', ['甲基溴'], ['74-83-9'], 10, 'J3'),
  n(18, '丙酮氰醇', ['丙酮合氰化氢', '2-羟基异丁腈', '氰丙醇'], ['75-86-5'], 20, 'J2'),
  n(19, '丙烯醛', ['烯丙醛', '败脂醛'], ['107-02-8'], 20, 'J2'),
  n(20, '氟化氢', [], ['7664-39-3'], 1, 'J1'),
  n(21, '1-氯-2,3-环氧丙烷', ['环氧氯丙烷', '3-氯-1,2-环氧丙烷'], ['106-89-8'], 20, 'J5'),
  n(22, '3-溴-1,2-环氧丙烷', ['环氧溴丙烷', '溴甲基环氧乙烷', '表溴醇'], ['3132-64-7'], 20, 'J5'),
  n(23, '甲苯二异氰酸酯', ['二异氰酸甲苯酯', 'TDI'], ['26471-62-5'], 100, 'J5'),
  n(24, '一氯化硫', ['氯化硫'], ['10025-67-9'], 1, 'J2'),
  n(25, '氰化氢', ['无水氢氰酸'], ['74-90-8'], 1, 'J1'),
  n(26, '三氧化硫', ['硫酸酐'], ['7446-11-9'], 75, 'J5'),
  n(27, '3-氨基丙烯', ['烯丙胺'], ['107-11-9'], 20, 'J5'),
  n(28, '溴', ['溴素'], ['7726-95-6'], 20, 'J2'),
  n(29, '乙撑亚胺', ['吖丙啶', '1-氮杂环丙烷', '氮丙啶'], ['151-56-4'], 20, 'J2'),
  n(30, '异氰酸甲酯', ['甲基异氰酸酯'], ['624-83-9'], 0.75, 'J1'),
  n(31, '叠氮化钡', ['叠氮钡'], ['18810-58-7'], 0.5, 'W1.1'),
  n(32, '叠氮化铅', [], ['13424-46-9'], 0.5, 'W1.1'),
  n(33, '雷汞', ['二雷酸汞', '雷酸汞'], ['628-86-4'], 0.5, 'W1.1'),
  n(34, '三硝基苯甲醚', ['三硝基茴香醚'], ['28653-16-9'], 5, 'W1.1'),
  n(35, '2,4,6-三硝基甲苯', ['梯恩梯', 'TNT'], ['118-96-7'], 5, 'W1.1'),
  n(36, '硝化甘油', ['硝化丙三醇', '甘油三硝酸酯'], ['55-63-0'], 1, 'W1.1'),
  n(37, '硝化纤维素［干的或含水（或乙醇）<25%］', ['硝化棉'], ['9004-70-0'], 1, 'W1.1'),
  n(38, '硝化纤维素（未改型的，或增塑的，含增塑剂<18%）', ['硝化棉'], ['9004-70-0'], 1, 'W1.1'),
  n(39, '硝化纤维素（含乙醇≥25%）', ['硝化棉'], ['9004-70-0'], 10, 'W1.2'),
  n(40, '硝化纤维素（含氮≤12.6%）', ['硝化棉'], ['9004-70-0'], 50, 'W10'),
  n(41, '硝化纤维素（含水≥25%）', ['硝化棉'], ['9004-70-0'], 50, 'W10'),
  n(42, '硝化纤维素溶液（含氮量≤12.6%，含硝化纤维素≤55%）', ['硝化棉溶液'], ['9004-70-0'], 50, 'W5.3'),
  n(43, '硝酸铵（含可燃物>0.2%，包括以碳计算的任何有机物，但不包括任何其他添加剂）', [], ['6484-52-2'], 5, 'W1.1'),
  n(44, '硝酸铵（含可燃物≤0.2%）', [], ['6484-52-2'], 50, 'W9.2'),
  n(45, '硝酸铵肥料（含可燃物≤0.4%）', [], [], 200, 'W9.2'),
  n(46, '硝酸钾', [], ['7757-79-1'], 1000, 'W9.2'),
  n(47, '1,3-丁二烯', ['联乙烯'], ['106-99-0'], 5, 'W2'),
  n(48, '二甲醚', ['甲醚'], ['115-10-6'], 50, 'W2'),
  n(49, '甲烷，天然气', [], ['74-82-8', '8006-14-2'], 50, 'W2'),
  n(50, '氯乙烯', ['乙烯基氯'], ['75-01-4'], 50, 'W2'),
  n(51, '氢', ['氢气'], ['1333-74-0'], 5, 'W2'),
  n(
    52,
    '液化石油气（含丙烷、丁烷及其混合物）',
    ['石油气（液化的）', '丙烷', '丁烷'],
    ['68476-85-7', '74-98-6', '106-97-8'],
    50,
    'W2',
  ),
  n(53, '一甲胺', ['氨基甲烷', '甲胺'], ['74-89-5'], 5, 'W2'),
  n(54, '乙炔', ['电石气'], ['74-86-2'], 1, 'W2'),
  n(55, '乙烯', [], ['74-85-1'], 50, 'W2'),
  n(56, '氧（压缩的或液化的）', ['液氧', '氧气'], ['7782-44-7'], 200, 'W4'),
  n(57, '苯', ['纯苯'], ['71-43-2'], 50, 'W5.3'),
  n(58, '苯乙烯', ['乙烯苯'], ['100-42-5'], 500, 'W5.4'),
  n(59, '丙酮', ['二甲基酮'], ['67-64-1'], 500, 'W5.3'),
  n(60, '2-丙烯腈', ['丙烯腈', '乙烯基氰', '氰基乙烯'], ['107-13-1'], 50, 'W5.3'),
  n(61, '二硫化碳', [], ['75-15-0'], 50, 'W5.3'),
  n(62, '环己烷', ['六氢化苯'], ['110-82-7'], 500, 'W5.3'),
  n(63, '1,2-环氧丙烷', ['氧化丙烯', '甲基环氧乙烷'], ['75-56-9'], 10, 'W5.1'),
  n(64, '甲苯', ['甲基苯', '苯基甲烷'], ['108-88-3'], 500, 'W5.3'),
  n(65, '甲醇', ['木醇', '木精'], ['67-56-1'], 500, 'W5.3'),
  n(66, '汽油（乙醇汽油、甲醇汽油）', [], ['86290-81-5'], 200, 'W5.3'),
  n(67, '乙醇', ['酒精'], ['64-17-5'], 500, 'W5.3'),
  n(68, '乙醚', ['二乙基醚'], ['60-29-7'], 10, 'W5.1'),
  n(69, '乙酸乙酯', ['醋酸乙酯'], ['141-78-6'], 500, 'W5.3'),
  n(70, '正己烷', ['己烷'], ['110-54-3'], 500, 'W5.3'),
  n(71, '过乙酸', ['过醋酸', '过氧乙酸', '乙酰过氧化氢'], ['79-21-0'], 10, 'W7.2'),
  n(72, '过氧化甲基乙基酮（10%<有效氧含量≤10.7%，含A型稀释剂≥48%）', [], ['1338-23-4'], 10, 'W7.1'),
  n(73, '白磷', ['黄磷'], ['12185-10-3'], 50, 'W8'),
  n(74, '烷基铝', ['三烷基铝'], [], 1, 'W8'),
  n(75, '戊硼烷', ['五硼烷'], ['19624-22-7'], 1, 'W8'),
  n(76, '过氧化钾', [], ['17014-71-0'], 20, 'W9.1'),
  n(77, '过氧化钠', ['双氧化钠', '二氧化钠'], ['1313-60-6'], 20, 'W9.1'),
  n(78, '氯酸钾', [], ['3811-04-9'], 100, 'W9.1'),
  n(79, '氯酸钠', [], ['7775-09-9'], 100, 'W9.1'),
  n(80, '发烟硝酸', [], ['52583-42-3'], 20, 'W9.1'),
  n(81, '硝酸（发红烟的除外，含硝酸>70%）', [], ['7697-37-2'], 100, 'W9.2'),
  n(82, '硝酸胍', ['硝酸亚氨脲'], ['506-93-4'], 50, 'W9.2'),
  n(83, '碳化钙', ['电石'], ['75-20-7'], 100, 'W11'),
  n(84, '钾', ['金属钾'], ['7440-09-7'], 1, 'W11'),
  n(85, '钠', ['金属钠'], ['7440-23-5'], 10, 'W11'),
];

/** Table 5: α by the number of people outside the plant within 500 m. Bands are inclusive, `max` null = no top. */
export const ALPHA_BANDS: readonly { min: number; max: number | null; alpha: number; label: string }[] = [
  { min: 100, max: null, alpha: 2.0, label: '100人以上' },
  { min: 50, max: 99, alpha: 1.5, label: '50～99人' },
  { min: 30, max: 49, alpha: 1.2, label: '30～49人' },
  { min: 1, max: 29, alpha: 1.0, label: '1～29人' },
  { min: 0, max: 0, alpha: 0.5, label: '0人' },
];

/** Table 6: the grade by R (lower bound inclusive). */
export const GRADE_BANDS: readonly { grade: 1 | 2 | 3 | 4; minR: number; label: string }[] = [
  { grade: 1, minR: 100, label: '一级' },
  { grade: 2, minR: 50, label: '二级' },
  { grade: 3, minR: 10, label: '三级' },
  { grade: 4, minR: 0, label: '四级' },
];

export const STANDARD = 'GB 18218-2018';

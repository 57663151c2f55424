/**
 * Materials catalogue in the style of GB/T 38565-2020 (应急物资分类及编码): a 7-digit code of four levels
 * (class 1 digit · category 2 · subcategory 2 · item 2) under the standard's three classes — 1 basic living supplies
 * (基本生活保障物资), 2 emergency equipment (应急装备及配套物资), 3 engineering materials and machinery (工程材料与机械
 * 加工设备) — and 99-coded "other". The codes here follow that structure for the demo; they are not copied from the
 * standard's tables and must be replaced by the bureau's own catalogue before production use.
 */
export type MaterialClass = 'basic_living' | 'emergency_equipment' | 'engineering';

export interface Material {
  code: string;
  name: string;
  unit: string;
  category: string;
  materialClass: MaterialClass;
}

const m = (code: string, name: string, unit: string, category: string): Material => ({
  code,
  name,
  unit,
  category,
  materialClass: code.startsWith('1') ? 'basic_living' : code.startsWith('2') ? 'emergency_equipment' : 'engineering',
});

export const MATERIALS: readonly Material[] = Object.freeze([
  m('1010101', '棉帐篷', '顶', '住宿类'),
  m('1010102', '单帐篷', '顶', '住宿类'),
  m('1010201', '折叠床', '张', '住宿类'),
  m('1010301', '棉被', '床', '住宿类'),
  m('1010302', '毛毯', '条', '住宿类'),
  m('1010401', '睡袋', '个', '住宿类'),
  m('1020101', '方便食品', '箱', '食品类'),
  m('1020201', '瓶装饮用水', '箱', '食品类'),
  m('1030101', '棉大衣', '件', '衣被类'),
  m('1040101', '应急照明灯', '个', '照明类'),
  m('1050101', '移动厕所', '个', '卫生类'),
  m('2010101', '正压式空气呼吸器', '套', '个体防护'),
  m('2010102', '重型防化服', '套', '个体防护'),
  m('2010103', '轻型防化服', '套', '个体防护'),
  m('2010201', '防毒面具', '个', '个体防护'),
  m('2010301', '安全帽', '顶', '个体防护'),
  m('2010401', '救生衣', '件', '个体防护'),
  m('2020101', '有毒气体检测仪', '台', '监测预警'),
  m('2020102', '可燃气体检测仪', '台', '监测预警'),
  m('2030101', '生命探测仪', '台', '搜索救援'),
  m('2030201', '液压破拆工具组', '套', '搜索救援'),
  m('2030301', '冲锋舟', '艘', '搜索救援'),
  m('2030302', '橡皮艇', '艘', '搜索救援'),
  m('2040101', '堵漏工具组', '套', '危化品处置'),
  m('2040201', '吸附棉', '包', '危化品处置'),
  m('2040301', '洗消帐篷', '顶', '危化品处置'),
  m('2050101', '担架', '副', '医疗救护'),
  m('2050201', '急救包', '个', '医疗救护'),
  m('2060101', '卫星电话', '部', '通信保障'),
  m('2060201', '对讲机', '部', '通信保障'),
  m('2070101', '移动发电机', '台', '电力保障'),
  m('2070201', '移动照明灯塔', '台', '电力保障'),
  m('2080101', '灭火器', '具', '消防'),
  m('2080201', '消防水带', '盘', '消防'),
  m('3010101', '编织袋', '条', '防汛材料'),
  m('3010201', '土工布', '平方米', '防汛材料'),
  m('3010301', '钢管', '根', '抢险材料'),
  m('3020101', '抽水泵', '台', '抢险机械'),
  m('3020201', '挖掘机', '台', '抢险机械'),
  m('3020301', '装载机', '台', '抢险机械'),
  m('9900101', '其他应急物资', '件', '其他'),
]);

const BY_CODE = new Map(MATERIALS.map((x) => [x.code, x]));
export const materialByCode = (code: string): Material | undefined => BY_CODE.get(code);
export const MATERIAL_CODES: readonly string[] = MATERIALS.map((x) => x.code);

/** A material as people name it in a message or a log: its catalogue name; a code the catalogue lacks stays a code. */
export const materialName = (code: string): string => materialByCode(code)?.name ?? `物资 ${code}`;

/** A quantity of a material in words, with the catalogue's unit ("重型防化服 6 套"). */
export const materialQuantityText = (code: string, quantity: number): string => {
  const material = materialByCode(code);
  return material ? `${material.name} ${quantity} ${material.unit}` : `物资 ${code} × ${quantity}`;
};

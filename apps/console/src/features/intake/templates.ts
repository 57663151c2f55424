import type { MessageKey } from '../../i18n';
import type { Field, Values } from './intake-form';

/**
 * Intake templates per category: what they write into the form (in Chinese: it becomes the record the bureau keeps,
 * whatever the console's language) and what to ask the caller (shown in the console's language).
 */
export interface IntakeTemplate {
  id: string;
  label: MessageKey;
  fills: Partial<Pick<Values, 'category' | 'title' | 'description'>>;
  ask: MessageKey[];
}

export const TEMPLATES: readonly IntakeTemplate[] = [
  {
    id: 'chem-leak',
    label: 'intake.template.chemLeak',
    fills: {
      category: 'hazardous_chemicals',
      title: '危险化学品泄漏',
      description:
        '泄漏物质及数量：\n泄漏部位／是否仍在泄漏：\n现场风向、风速：\n周边人员及疏散情况：\n人员中毒、受伤、被困：\n单位已采取的措施：',
    },
    ask: [
      'intake.ask.substance',
      'intake.ask.leakPoint',
      'intake.ask.wind',
      'intake.ask.evacuation',
      'intake.ask.poisoning',
      'intake.ask.unitMeasures',
    ],
  },
  {
    id: 'chem-fire',
    label: 'intake.template.chemFire',
    fills: {
      category: 'hazardous_chemicals',
      title: '危险化学品火灾爆炸',
      description:
        '燃烧／爆炸物质及数量：\n火势及蔓延情况、有无再次爆炸危险：\n现场风向、风速：\n周边人员及疏散情况：\n人员伤亡、被困：\n单位已采取的措施：',
    },
    ask: [
      'intake.ask.substance',
      'intake.ask.fireSpread',
      'intake.ask.wind',
      'intake.ask.evacuation',
      'intake.ask.poisoning',
      'intake.ask.unitMeasures',
    ],
  },
  {
    id: 'road',
    label: 'intake.template.road',
    fills: {
      category: 'road_traffic',
      title: '道路交通事故',
      description:
        '道路名称、方向及桩号：\n车辆数量及类型（有无危化品运输车）：\n人员伤亡、被困：\n交通管制及拥堵情况：',
    },
    ask: ['intake.ask.roadPosition', 'intake.ask.vehicles', 'intake.ask.trapped', 'intake.ask.trafficControl'],
  },
  {
    id: 'coal_mine',
    label: 'intake.template.coalMine',
    fills: {
      category: 'coal_mine',
      title: '煤矿事故',
      description: '事故类型：\n井下作业人数、被困／失联人数：\n通风、瓦斯、供电情况：\n矿山救护队出动情况：',
    },
    ask: ['intake.ask.mineType', 'intake.ask.underground', 'intake.ask.ventilation', 'intake.ask.unitMeasures'],
  },
  {
    id: 'non_coal_mine',
    label: 'intake.template.nonCoalMine',
    fills: {
      category: 'non_coal_mine',
      title: '非煤矿山事故',
      description:
        '事故类型（坍塌、透水、中毒窒息、尾矿库等）：\n作业人数、被困／失联人数：\n通风、供电情况：\n矿山救护队出动情况：',
    },
    ask: ['intake.ask.mineType', 'intake.ask.underground', 'intake.ask.ventilation', 'intake.ask.unitMeasures'],
  },
  {
    id: 'fire',
    label: 'intake.template.fire',
    fills: {
      category: 'fire',
      title: '火灾',
      description: '起火建筑或场所、楼层、用途：\n燃烧物及火势：\n人员被困情况：\n消防救援到场情况：',
    },
    ask: ['intake.ask.building', 'intake.ask.trapped', 'intake.ask.fireSpread', 'intake.ask.evacuation'],
  },
  {
    id: 'gas',
    label: 'intake.template.gas',
    fills: {
      category: 'gas',
      title: '燃气泄漏',
      description: '管网或瓶组、是否已关阀：\n是否起火爆炸：\n周边人员及疏散情况：\n人员伤亡、被困：',
    },
    ask: ['intake.ask.gasSource', 'intake.ask.fireSpread', 'intake.ask.evacuation', 'intake.ask.trapped'],
  },
];

/** The fields a template would change that already hold something else: the user is asked before they are replaced. */
export function conflictsOf(template: IntakeTemplate, values: Values): Field[] {
  return (Object.entries(template.fills) as [Field, string][])
    .filter(([field, text]) => values[field].trim() !== '' && values[field] !== text)
    .map(([field]) => field);
}

/** The values after the template: `replace` false keeps whatever was typed. */
export function applyTemplate(template: IntakeTemplate, values: Values, replace: boolean): Values {
  const next = { ...values };
  for (const [field, text] of Object.entries(template.fills) as [Field, string][])
    if (replace || next[field].trim() === '') next[field] = text;
  return next;
}

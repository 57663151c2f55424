import type { INestApplication } from '@nestjs/common';
import { idempotentAggregateId } from '@app/event-sourcing';
import { expertAggregate, type ExpertSpecialty } from '@app/experts';
import { DEMO_ACTOR, demoContext as context, demoExecutor } from './demo-commands';

/**
 * Invented demo experts (演示数据，纯属虚构: names, units and numbers are made up) across the specialties the demo
 * incidents and plans call for, kept by the city and its counties. The first two are the experts the demo plans name
 * as their reviewers.
 */
export const DEMO_EXPERTS: readonly {
  name: string;
  specialties: ExpertSpecialty[];
  title: string;
  organization: string;
  phone: string;
  jurisdiction: string;
}[] = [
  {
    name: '周立新',
    specialties: ['hazardous_chemicals', 'environment'],
    title: '正高级工程师',
    organization: '宁夏某化工设计研究院（演示数据）',
    phone: '0955-7010001',
    jurisdiction: '640500',
  },
  {
    name: '韩雪',
    specialties: ['fire', 'other'],
    title: '高级工程师（应急管理）',
    organization: '中卫市应急管理研究中心（演示数据）',
    phone: '0955-7010002',
    jurisdiction: '640500',
  },
  {
    name: '马建国',
    specialties: ['coal_mine'],
    title: '正高级工程师（采矿）',
    organization: '某煤矿安全技术服务中心（演示数据）',
    phone: '0955-7010003',
    jurisdiction: '640500',
  },
  {
    name: '杨帆',
    specialties: ['non_coal_mine', 'geology'],
    title: '高级工程师（地质）',
    organization: '某地质勘查院（演示数据）',
    phone: '0955-7010004',
    jurisdiction: '640500',
  },
  {
    name: '李红',
    specialties: ['medical'],
    title: '主任医师',
    organization: '中卫市某医院急诊科（演示数据）',
    phone: '0955-7010005',
    jurisdiction: '640502',
  },
  {
    name: '王海',
    specialties: ['construction', 'structural'],
    title: '高级工程师（结构）',
    organization: '某建筑设计院（演示数据）',
    phone: '0955-7010006',
    jurisdiction: '640521',
  },
  {
    name: '张明',
    specialties: ['gas', 'special_equipment'],
    title: '高级工程师（压力管道）',
    organization: '某特种设备检验所（演示数据）',
    phone: '0955-7010007',
    jurisdiction: '640521',
  },
  {
    name: '刘静',
    specialties: ['flood', 'geology'],
    title: '高级工程师（水利）',
    organization: '某水利勘测设计院（演示数据）',
    phone: '0955-7010008',
    jurisdiction: '640522',
  },
];

/** Registers the demo experts through the one write path; idempotency keys make a second start a no-op. */
export async function seedDemoExperts(app: INestApplication): Promise<number> {
  const executor = demoExecutor(app);
  let created = 0;
  for (const [i, e] of DEMO_EXPERTS.entries()) {
    const key = `demo-expert-${i + 1}`;
    const expertId = idempotentAggregateId('expert', DEMO_ACTOR, key);
    const result = await executor.execute(
      expertAggregate,
      expertId,
      { type: 'RegisterExpert', expertId, ...e, specialties: [...e.specialties], now: executor.now() },
      { ...context(key), jurisdiction: e.jurisdiction },
    );
    if (!result.replayed) created++;
  }
  return created;
}

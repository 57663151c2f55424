import type { PlanContent } from './plan.types';

/** A special plan for hazardous-chemical incidents in the style of municipal work-safety plans (shared test data). */
export function chemicalPlan(overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    title: '中卫市危险化学品事故应急预案',
    kind: 'special',
    jurisdiction: '640500',
    categories: ['hazardous_chemicals'],
    activation: {
      description: '符合下列条件之一的，启动相应级别响应',
      levels: [
        { level: 'I', minGrade: 'serious' },
        { level: 'II', minGrade: 'major', minTrapped: 10 },
        { level: 'III', minDeaths: 1, minSeriousInjuries: 3 },
        { level: 'IV', minTrapped: 1 },
      ],
    },
    groups: [
      {
        name: '综合协调组',
        leadAgency: '市应急管理局',
        tasks: [
          { title: '成立现场指挥部', responseLevels: ['I', 'II', 'III'] },
          { title: '向自治区报告', responseLevels: ['I', 'II'] },
        ],
      },
      {
        name: '警戒疏散组',
        leadAgency: '市公安局',
        tasks: [{ title: '划定警戒区并疏散群众', responseLevels: ['I', 'II', 'III', 'IV'] }],
      },
      {
        name: '环境监测组',
        leadAgency: '市生态环境局',
        tasks: [{ title: '开展大气和水体监测', responseLevels: ['I', 'II'] }],
      },
    ],
    requirements: {
      teams: [
        { specialty: 'hazardous_chemicals', count: 2 },
        { specialty: 'environmental_monitoring', count: 1 },
      ],
      materials: [{ materialCode: '2010102', quantity: 20 }],
    },
    ...overrides,
  };
}

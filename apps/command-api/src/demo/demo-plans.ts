import type { PlanContent } from '@app/plans';

/** Invented demo plans in the shape of municipal work-safety plans: marked 【演示】, not real documents. */
const LEVELS_ALL = ['I', 'II', 'III', 'IV'] as const;

export const DEMO_PLANS: readonly {
  content: PlanContent;
  /** Filed with this authority on the day of seeding (a filing is never dated before its publication). */
  filed?: { authority: string };
  publish: boolean;
}[] = [
  {
    publish: true,
    filed: { authority: '宁夏回族自治区应急管理厅（演示）' },
    content: {
      title: '【演示】中卫市生产安全事故综合应急预案',
      kind: 'comprehensive',
      jurisdiction: '640500',
      categories: [],
      activation: {
        description: '符合下列条件之一的，启动相应级别应急响应（演示条件）',
        levels: [
          { level: 'I', minGrade: 'serious' },
          { level: 'II', minGrade: 'major' },
          { level: 'III', minDeaths: 1, minSeriousInjuries: 5, minTrapped: 5 },
        ],
      },
      groups: [
        {
          name: '综合协调组',
          leadAgency: '市应急管理局',
          tasks: [
            { title: '成立现场指挥部，明确总指挥', responseLevels: ['I', 'II', 'III'] },
            { title: '按规定时限向自治区应急管理厅报告', responseLevels: ['I', 'II'] },
          ],
        },
        {
          name: '抢险救援组',
          leadAgency: '市消防救援支队',
          tasks: [{ title: '组织搜救被困人员', responseLevels: [...LEVELS_ALL] }],
        },
        {
          name: '医疗救治组',
          leadAgency: '市卫生健康委员会',
          tasks: [{ title: '调派急救力量，开辟绿色通道', responseLevels: ['I', 'II', 'III'] }],
        },
        {
          name: '警戒疏散组',
          leadAgency: '市公安局',
          tasks: [{ title: '设置警戒区，实施交通管制', responseLevels: [...LEVELS_ALL] }],
        },
        {
          name: '新闻宣传组',
          leadAgency: '市委宣传部',
          tasks: [{ title: '发布权威信息，回应社会关切', responseLevels: ['I', 'II'] }],
        },
      ],
      requirements: {
        teams: [
          { specialty: 'fire', count: 2 },
          { specialty: 'medical', count: 1 },
        ],
        materials: [{ materialCode: '1010101', quantity: 20 }],
      },
    },
  },
  {
    publish: true,
    content: {
      title: '【演示】中卫市危险化学品事故专项应急预案',
      kind: 'special',
      jurisdiction: '640500',
      categories: ['hazardous_chemicals', 'gas'],
      activation: {
        description: '危险化学品泄漏、火灾、爆炸事故，符合下列条件之一的启动相应响应（演示条件）',
        levels: [
          { level: 'II', minGrade: 'major', minTrapped: 10 },
          { level: 'III', minDeaths: 1, minSeriousInjuries: 3 },
          { level: 'IV', minTrapped: 1, minSeriousInjuries: 1 },
        ],
      },
      groups: [
        {
          name: '综合协调组',
          leadAgency: '市应急管理局',
          tasks: [{ title: '成立现场指挥部', responseLevels: ['I', 'II', 'III'] }],
        },
        {
          name: '抢险救援组',
          leadAgency: '市消防救援支队',
          tasks: [
            { title: '侦检泄漏物质，实施堵漏、稀释', responseLevels: [...LEVELS_ALL] },
            { title: '调派危化品专业救援队增援', responseLevels: ['I', 'II', 'III'] },
          ],
        },
        {
          name: '环境监测组',
          leadAgency: '市生态环境局',
          tasks: [{ title: '开展大气、水体应急监测', responseLevels: [...LEVELS_ALL] }],
        },
        {
          name: '警戒疏散组',
          leadAgency: '市公安局',
          tasks: [
            { title: '划定警戒区，疏散下风向群众', responseLevels: [...LEVELS_ALL] },
            { title: '疏散周边 3 公里范围群众', responseLevels: ['I', 'II'] },
          ],
        },
        {
          name: '后勤保障组',
          leadAgency: '市发展和改革委员会',
          tasks: [{ title: '调拨防化服、空气呼吸器等物资', responseLevels: ['I', 'II', 'III'] }],
        },
      ],
      requirements: {
        teams: [
          { specialty: 'hazardous_chemicals', count: 2 },
          { specialty: 'environmental_monitoring', count: 1 },
          { specialty: 'medical', count: 1 },
        ],
        materials: [
          { materialCode: '2010102', quantity: 10 },
          { materialCode: '2040101', quantity: 2 },
        ],
      },
    },
  },
  {
    publish: false,
    content: {
      title: '【演示】中宁县非煤矿山事故应急预案（修订草案）',
      kind: 'special',
      jurisdiction: '640521',
      categories: ['non_coal_mine'],
      activation: {
        description: '矿山透水、坍塌、中毒窒息事故（演示条件）',
        levels: [{ level: 'III', minTrapped: 1, minDeaths: 1 }],
      },
      groups: [
        {
          name: '抢险救援组',
          leadAgency: '县应急管理局',
          tasks: [{ title: '调派矿山救护队下井搜救', responseLevels: [...LEVELS_ALL] }],
        },
      ],
      requirements: { teams: [{ specialty: 'mine_rescue', count: 1 }], materials: [] },
    },
  },
];

import type { INestApplication } from '@nestjs/common';
import { idempotentAggregateId } from '@app/event-sourcing';
import {
  hiddenHazardAggregate,
  type HiddenHazardGrade,
  type HiddenHazardSource,
  type JurisdictionStep,
} from '@app/hidden-hazards';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import { DEMO_ACTOR, demoContext as context, demoExecutor } from './demo-commands';
import { DEMO_ENTERPRISES } from './demo-enterprises';
import { DEMO_HAZARD_SOURCES } from './seed-demo-hazard-sources';

const DAY = 24 * 3600_000;

/** The steps a demo hazard is taken through after its recording, in order. */
type DemoStep = { supervise: 'county' | 'city' } | { rectify: string } | { verify: boolean; note: string } | 'close';

/** An invented hidden hazard on a demo enterprise; times are relative to the first start. */
export interface DemoHiddenHazard {
  key: string;
  /** The demo enterprise (its name in DEMO_ENTERPRISES). */
  enterprise: string;
  /** The key of one of its demo hazard sources, when the hazard concerns one. */
  hazardSource?: string;
  title: string;
  description: string;
  grade: HiddenHazardGrade;
  standard: string | null;
  source: HiddenHazardSource;
  foundBy: string;
  foundDaysAgo: number;
  /** Negative: the deadline has passed (an overdue hazard once the seeding ran). */
  deadlineInDays: number;
  measures: string;
  responsible: { name: string; phone: string | null };
  steps: DemoStep[];
}

const CHEMICAL_STANDARD = '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）（安监总管三〔2017〕121号）';

export const DEMO_HIDDEN_HAZARDS: readonly DemoHiddenHazard[] = [
  {
    // 重大事故隐患, 市级挂牌督办, still being rectified within its deadline.
    key: 'ammonia-interlock',
    enterprise: '【演示】海兴某煤化工有限公司',
    hazardSource: 'ammonia-tank-farm',
    title: '【演示】液氨储罐区紧急切断阀未与液位高高报联锁',
    description: '液氨储罐区 3 台储罐的紧急切断阀仍为手动操作，液位高高报警时不能自动关闭进料（虚构情形）。',
    grade: 'major',
    standard: `${CHEMICAL_STANDARD}第十一条`,
    source: 'inspection',
    foundBy: '【演示】市应急管理局危化品监管科',
    foundDaysAgo: 5,
    deadlineInDays: 25,
    measures: '为 3 台储罐加装紧急切断阀并与液位高高报联锁，联锁投用前每班专人巡检',
    responsible: { name: '罗丽娟（虚构）', phone: '0955-7010008' },
    steps: [{ supervise: 'city' }],
  },
  {
    // 一般事故隐患 past its deadline: overdue, the overdue watch raises its alarm.
    key: 'gas-detector-offline',
    enterprise: '【演示】中卫某精细化工有限公司',
    title: '【演示】甲苯中间罐区可燃气体检测报警器未接入监控中心',
    description: '罐区 2 台可燃气体检测报警器只在现场报警，未将信号传至中控室（虚构情形）。',
    grade: 'general',
    standard: null,
    source: 'self_inspection',
    foundBy: '【演示】企业安全管理部',
    foundDaysAgo: 20,
    deadlineInDays: -2,
    measures: '敷设信号电缆，将报警信号接入中控室 DCS 并做报警测试',
    responsible: { name: '周建军（虚构）', phone: '0955-7010004' },
    steps: [],
  },
  {
    // 整改 → 验收通过 → 销号.
    key: 'chlorine-eyewash',
    enterprise: '【演示】中卫某氯碱化工有限公司',
    hazardSource: 'chlorine-store',
    title: '【演示】液氯钢瓶库洗眼器冬季冻结',
    description: '钢瓶库外洗眼器无伴热，冬季冻结不能使用（虚构情形）。',
    grade: 'general',
    standard: null,
    source: 'inspection',
    foundBy: '【演示】中卫工业园区安监局',
    foundDaysAgo: 30,
    deadlineInDays: -15,
    measures: '更换为电伴热防冻洗眼器',
    responsible: { name: '杨海燕（虚构）', phone: '0955-7010002' },
    steps: [
      { rectify: '已更换电伴热防冻洗眼器并试用正常' },
      { verify: true, note: '现场复核，洗眼器出水正常' },
      'close',
    ],
  },
  {
    // Reported rectified, awaiting 验收.
    key: 'mine-fan-switch',
    enterprise: '【演示】中宁某煤矿',
    title: '【演示】井下局部通风机双电源自动切换装置失效',
    description: '掘进工作面局部通风机备用电源不能自动切换（虚构情形）。',
    grade: 'general',
    standard: null,
    source: 'report',
    foundBy: '【演示】举报电话 12350',
    foundDaysAgo: 7,
    deadlineInDays: 7,
    measures: '更换双电源切换装置，每日试验一次切换',
    responsible: { name: '金立新（虚构）', phone: '0955-7010010' },
    steps: [{ rectify: '已更换切换装置，连续三天切换试验正常' }],
  },
  {
    // A failed 验收 sent it back to 整改.
    key: 'lpg-static-grounding',
    enterprise: '【演示】海兴某液化气储配站',
    hazardSource: 'lpg-tank-area',
    title: '【演示】装卸台静电接地报警器损坏',
    description: '槽车装卸台静电接地报警器无显示（虚构情形）。',
    grade: 'general',
    standard: null,
    source: 'self_inspection',
    foundBy: '【演示】站长巡检',
    foundDaysAgo: 10,
    deadlineInDays: 10,
    measures: '更换静电接地报警器，装卸前检查接地状态',
    responsible: { name: '何晓东（虚构）', phone: '0955-7010006' },
    steps: [{ rectify: '已更换报警器' }, { verify: false, note: '复查时报警器仍不能联锁停泵，退回整改' }],
  },
];

/**
 * Records the invented demo hidden hazards on the demo enterprises and takes each through its steps (督办, 整改, 验收,
 * 销号) through the one write path, each command with its own idempotency key, so a second start appends nothing.
 * Reads no read model. The demo actor acts for the city's bureau. Returns how many hazards were new.
 */
export async function seedDemoHiddenHazards(app: INestApplication): Promise<number> {
  const executor = demoExecutor(app);
  const jurisdictions = app.get<JurisdictionRegistry>(JURISDICTIONS);
  const actor = { id: DEMO_ACTOR, name: '演示数据', jurisdiction: '640500' };
  const now = executor.now();
  let created = 0;
  for (const hazard of DEMO_HIDDEN_HAZARDS) {
    const index = DEMO_ENTERPRISES.findIndex((e) => e.name === hazard.enterprise);
    const enterprise = DEMO_ENTERPRISES[index];
    if (!enterprise) throw new Error(`demo hidden hazard ${hazard.key}: no demo enterprise ${hazard.enterprise}`);
    const source = hazard.hazardSource ? DEMO_HAZARD_SOURCES.find((s) => s.key === hazard.hazardSource) : undefined;
    if (hazard.hazardSource && source?.enterprise !== hazard.enterprise)
      throw new Error(`demo hidden hazard ${hazard.key}: no hazard source ${hazard.hazardSource} on its enterprise`);
    const key = `demo-hidden-hazard-${hazard.key}`;
    const id = idempotentAggregateId('hiddenhazard', DEMO_ACTOR, key);
    const scoped = (step: string) => ({ ...context(`${key}-${step}`), jurisdiction: enterprise.jurisdiction });
    const foundAt = new Date(now.getTime() - hazard.foundDaysAgo * DAY);
    const recorded = await executor.execute(
      hiddenHazardAggregate,
      id,
      {
        type: 'RecordHiddenHazard',
        hiddenHazardId: id,
        enterpriseId: idempotentAggregateId('enterprise', DEMO_ACTOR, `demo-enterprise-${index + 1}`),
        enterpriseName: enterprise.name,
        jurisdiction: enterprise.jurisdiction,
        hazardSourceId: source
          ? idempotentAggregateId('hazardsource', DEMO_ACTOR, `demo-hazard-source-${source.key}`)
          : null,
        hazardSourceName: source?.name ?? null,
        title: hazard.title,
        description: hazard.description,
        grade: hazard.grade,
        standard: hazard.standard,
        source: hazard.source,
        foundAt,
        foundBy: hazard.foundBy,
        rectification: {
          measures: hazard.measures,
          deadline: new Date(now.getTime() + hazard.deadlineInDays * DAY),
          responsible: hazard.responsible,
        },
        actor,
        now,
      },
      { ...context(key), jurisdiction: enterprise.jurisdiction },
    );
    if (!recorded.replayed) created++;
    const line: JurisdictionStep[] = jurisdictions
      .lineage(enterprise.jurisdiction)
      .map((code) => ({ code, level: jurisdictions.get(code)?.level ?? 'unknown' }));
    for (const [n, step] of hazard.steps.entries()) {
      const command =
        step === 'close'
          ? ({ type: 'CloseHiddenHazard', line, actor, now } as const)
          : 'supervise' in step
            ? ({ type: 'SuperviseHiddenHazard', level: step.supervise, line, actor, now } as const)
            : 'rectify' in step
              ? ({ type: 'RectifyHiddenHazard', note: step.rectify, actor, now } as const)
              : ({ type: 'VerifyHiddenHazard', passed: step.verify, note: step.note, line, actor, now } as const);
      await executor.execute(hiddenHazardAggregate, id, command, scoped(`step-${n + 1}`));
    }
  }
  return created;
}

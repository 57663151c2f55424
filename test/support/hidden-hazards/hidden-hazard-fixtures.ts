import type { Test } from 'supertest';
import type { HiddenHazardView } from '../../../libs/hidden-hazards/src/contract';

const HOUR = 3600_000;

/** A valid recording body: a general hazard found an hour before `now`, due in three days unless told otherwise. */
export function hiddenHazardBody(
  enterpriseId: string,
  now: Date,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    enterpriseId,
    title: '2# 储罐区可燃气体检测报警器失效（测试）',
    description: '现场检查发现 3 台检测报警器无法报警，未接入监控中心',
    grade: 'general',
    source: 'inspection',
    foundAt: new Date(now.getTime() - HOUR).toISOString(),
    foundBy: '县应急管理局执法大队 李检查',
    rectification: {
      measures: '修复检测报警器并接入监控中心，加强日常巡检',
      deadline: new Date(now.getTime() + 72 * HOUR).toISOString(),
      responsible: { name: '张明', phone: '13995512345' },
    },
    ...overrides,
  };
}

/** A major one, with the standard it was judged by. */
export function majorHiddenHazardBody(
  enterpriseId: string,
  now: Date,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return hiddenHazardBody(enterpriseId, now, {
    title: '液氨储罐区未设置紧急切断装置（测试）',
    grade: 'major',
    standard: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）第十一条',
    ...overrides,
  });
}

/** Records a hazard as `token`; returns its view. */
export async function recordHiddenHazard(
  t: { post(path: string, token?: string): Test },
  token: string,
  body: Record<string, unknown>,
): Promise<HiddenHazardView> {
  const response = await t.post('/api/v1/hidden-hazards', token).send(body);
  if (response.status !== 201)
    throw new Error(`hidden hazard not recorded: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as HiddenHazardView;
}

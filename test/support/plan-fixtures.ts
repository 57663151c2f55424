import { randomUUID } from 'node:crypto';
import { reviewAndPublish } from './plan-review';
import type { TestApp } from './test-app';

/**
 * The least a valid 专项应急预案 of the city needs: one response level (IV when anyone is trapped) and one working
 * group with one task. Tests override what they exercise.
 */
export function planBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `测试预案 ${randomUUID().slice(0, 6)}`,
    kind: 'special',
    jurisdiction: '640500',
    categories: ['hazardous_chemicals'],
    activation: { description: '符合下列条件之一', levels: [{ level: 'IV', minTrapped: 1 }] },
    groups: [
      {
        name: '警戒疏散组',
        leadAgency: '市公安局',
        tasks: [{ title: '划定警戒区', responseLevels: ['I', 'II', 'III', 'IV'] }],
      },
    ],
    requirements: { teams: [], materials: [] },
    ...overrides,
  };
}

/** Drafts a plan as the holder of `token` (an admin) and returns its id. */
export async function draftPlan(t: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<string> {
  return (await t.post('/api/v1/plans', token).send(planBody(overrides)).expect(201)).body.id as string;
}

/** Drafts, reviews (评审) and publishes a plan (version 1 in force) and returns its id. */
export async function publishedPlan(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const id = await draftPlan(t, token, overrides);
  await reviewAndPublish(t, id, token);
  return id;
}

import type { TestApp } from './test-app';

/** A passing 评审 record dated at `at` (an instant: read on the plan's clock), as publication needs. */
export const reviewBody = (at: Date | string = new Date()) => ({
  kind: 'review',
  reviewedOn: typeof at === 'string' ? at : at.toISOString(),
  experts: ['张立（测试专家）', '李红（测试专家）'],
  organisation: '中卫市应急管理局',
  conclusion: 'passed',
  document: '测试评审纪要〔2026〕1号',
});

/** Records a passing review of the newest version and publishes it (publication needs the review first). */
export async function reviewAndPublish(
  t: Pick<TestApp, 'post'>,
  planId: string,
  token: string,
  at: Date | string = new Date(),
): Promise<void> {
  await t.post(`/api/v1/plans/${planId}/reviews`, token).send(reviewBody(at)).expect(201);
  await t.post(`/api/v1/plans/${planId}/publish`, token).send({}).expect(200);
}

/** Today's date in Beijing (the demo jurisdictions' zone). */
export const beijingDate = (at: Date = new Date()): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

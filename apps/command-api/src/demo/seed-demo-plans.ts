import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { idempotentAggregateId } from '@app/event-sourcing';
import { dutyWatchAggregate } from '@app/duty';
import { localDate, planAggregate, WorkingDayCalendars, type PlanCommand } from '@app/plans';
import { DEFAULT_TIME_ZONE, DomainError } from '@app/shared';
import { DEMO_ACTOR, demoContext as context, demoExecutor } from './demo-commands';
import { DEMO_PLANS } from './demo-plans';

const HOUR = 3_600_000;

/** The 评审 record every published demo plan carries (publication needs one). */
const DEMO_REVIEW = {
  kind: 'review',
  experts: ['周立新（演示专家，危险化学品）', '韩雪（演示专家，应急管理）'],
  organisation: '中卫市应急管理局（演示）',
  conclusion: 'passed',
  document: '【演示】中应急评〔2026〕1号 预案评审纪要',
} as const;

/** The demo duty officers' accounts, as a shift names them (none when the demo users are not seeded). */
async function demoAccounts(app: INestApplication): Promise<Map<string, { name: string; userId: string }>> {
  const rows: { id: string; username: string; display_name: string }[] = await app
    .get(DataSource)
    .query(`select id, username, display_name from users where username = any($1)`, [['duty', 'duty.next']]);
  return new Map(rows.map((r) => [r.username, { name: r.display_name, userId: r.id }]));
}

/**
 * Demo plans (reviewed and published, one filed, one draft), today's watch (08:00–08:00 Beijing time) for the city and one
 * county and tomorrow's for the city, through the one write path with idempotency keys: a second start appends nothing.
 */
export async function seedDemoPlansAndWatch(app: INestApplication): Promise<{ plans: number; shifts: number }> {
  const executor = demoExecutor(app);
  const now = executor.now();
  // The demo plans are the city's and a county's: Beijing time.
  const today = localDate(now, DEFAULT_TIME_ZONE);
  const calendar = await app.get(WorkingDayCalendars).current();
  let plans = 0;
  for (const [i, plan] of DEMO_PLANS.entries()) {
    const key = `demo-plan-${i + 1}`;
    const planId = idempotentAggregateId('plan', DEMO_ACTOR, key);
    const run = (command: PlanCommand, suffix: string) =>
      executor.execute(planAggregate, planId, command, context(`${key}-${suffix}`));
    const drafted = await run({ type: 'DraftPlan', planId, content: plan.content, by: '演示数据', now }, 'draft');
    if (drafted.replayed) continue;
    plans++;
    if (plan.publish) {
      const review = { ...DEMO_REVIEW, experts: [...DEMO_REVIEW.experts], reviewedOn: today };
      const timeZone = DEFAULT_TIME_ZONE;
      await run({ type: 'RecordPlanReview', review, timeZone, by: '演示数据', now }, 'review');
      await run({ type: 'PublishPlan', by: '演示数据', now }, 'publish');
    }
    if (plan.filed) {
      const filing = { authority: plan.filed.authority, filedAt: today };
      await run({ type: 'FilePlan', filing, calendar, timeZone: DEFAULT_TIME_ZONE, by: '演示数据', now }, 'file');
    }
  }
  // The watch day starts at 08:00 Beijing time (UTC+8, no daylight saving): 00:00 UTC.
  const dayStart = new Date(Math.floor(now.getTime() / (24 * HOUR)) * 24 * HOUR);
  const accounts = await demoAccounts(app);
  let shifts = 0;
  // Today's city watch names the demo `duty` account and tomorrow's `duty.next`, so the one hands over and the other
  // accepts (接班确认 needs an account the taking-over shift names). Tomorrow's shift is today's on the next start.
  const watches = [
    ['640500', 0, '张建国（演示）', [accounts.get('duty') ?? { name: '李明（演示）' }, { name: '王芳（演示）' }]],
    ['640500', 1, '孙海涛（演示）', [accounts.get('duty.next') ?? { name: '赵磊（演示）' }, { name: '李明（演示）' }]],
    ['640521', 0, '马志强（演示）', [{ name: '杨洁（演示）' }]],
  ] as const;
  for (const [jurisdiction, day, leader, officers] of watches) {
    const startsAt = new Date(dayStart.getTime() + day * 24 * HOUR);
    const key = `demo-shift-${jurisdiction}-${startsAt.toISOString().slice(0, 10)}`;
    const shiftId = idempotentAggregateId('shift', DEMO_ACTOR, key);
    try {
      const result = await executor.execute(
        dutyWatchAggregate,
        jurisdiction,
        {
          type: 'ScheduleShift',
          jurisdiction,
          shiftId,
          leader: { name: leader, phone: null },
          officers: officers.map((o) => ({ phone: null, ...o })),
          authority: 'role',
          startsAt,
          endsAt: new Date(startsAt.getTime() + 24 * HOUR),
          by: { userId: DEMO_ACTOR, name: '演示数据' },
          now,
        },
        context(key),
      );
      if (!result.replayed) shifts++;
    } catch (error) {
      // Someone already scheduled that watch by hand: theirs stands.
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return { plans, shifts };
}

import { AlarmCentre } from '../../libs/alarms/src';
import type { AlarmView } from '../../libs/alarms/src/contract';
import { HiddenHazardOverdueWatch } from '../../libs/hidden-hazards/src';
import type { HiddenHazardView } from '../../libs/hidden-hazards/src/contract';
import { ManualClock } from '../../libs/shared/src';
import { freshCreditCode, registerEnterprise } from '../support/enterprises/enterprise-fixtures';
import { hiddenHazardBody, recordHiddenHazard } from '../support/hidden-hazards/hidden-hazard-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

const HOUR = 3600_000;
const PAGE = 2;

/**
 * The overdue watch reads the register a page at a time (HIDDEN_HAZARD_WATCH_PAGE_SIZE, here 2): every overdue hazard
 * beyond the first page still gets its alarm, and every stale alarm beyond the first page still ends. A watch that
 * read one capped page would leave most of these hazards silent.
 */
describe('hidden hazard overdue watch pages through the whole register', () => {
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  let t: TestApp;
  let countyDuty: TestUser;
  let cityCommander: TestUser;
  let enterpriseId: string;
  beforeAll(async () => {
    t = await startTestApp(
      { HIDDEN_HAZARD_TICK_MS: '3600000', HIDDEN_HAZARD_WATCH_PAGE_SIZE: String(PAGE) },
      { clock },
    );
    const admin = await t.user(['admin']);
    countyDuty = await t.user(['duty_officer'], '640521');
    cityCommander = await t.user(['commander'], '640500');
    enterpriseId = await registerEnterprise(t, admin.token, {
      name: '中宁某分页测试企业（测试）',
      jurisdiction: '640521',
      creditCode: freshCreditCode('640521'),
    });
  });
  afterAll(() => t?.close());

  const tick = () => t.app.get(HiddenHazardOverdueWatch).tick();
  const hazardAlarms = async (): Promise<AlarmView[]> =>
    ((await t.get('/api/v1/alarms?kind=hidden_hazard', cityCommander.token).expect(200)).body as AlarmView[]).filter(
      (a) => a.subject.type === 'hidden_hazard',
    );

  it('raises an alarm for every overdue hazard and ends every stale one, far beyond one page', async () => {
    const hazards: HiddenHazardView[] = [];
    for (let i = 0; i < 3 * PAGE + 1; i++) {
      hazards.push(
        await recordHiddenHazard(
          t,
          countyDuty.token,
          hiddenHazardBody(enterpriseId, clock.now(), {
            title: `分页逾期隐患 ${i}（测试）`,
            rectification: {
              measures: '整改',
              // Distinct deadlines so the keyset order is the order recorded.
              deadline: new Date(clock.now().getTime() + HOUR + i * 1000).toISOString(),
              responsible: { name: '张明' },
            },
          }),
        ),
      );
    }
    clock.advance(2 * HOUR);
    const steps = await tick();
    const raised = steps.filter((s) => s.action === 'raised').map((s) => s.sourceKey);
    for (const h of hazards) expect(raised).toContain(`hidden_hazard:${h.id}:1`);
    const open = (await hazardAlarms()).filter((a) => a.status !== 'resolved');
    for (const h of hazards) expect(open.map((a) => a.subject.id)).toContain(h.id);
    expect(await tick()).toEqual([]);

    // Every hazard rectified, then each alarm pushed again as a lagging replica would: all must end on the next tick.
    for (const h of hazards)
      await t.post(`/api/v1/hidden-hazards/${h.id}/rectify`, countyDuty.token).send({ note: '完成' }).expect(200);
    const byId = new Map(open.map((a) => [a.subject.id, a]));
    for (const h of hazards) {
      const alarm = byId.get(h.id)!;
      await t.app.get(AlarmCentre).raise(
        {
          kind: 'hidden_hazard',
          sourceKey: `hidden_hazard:${h.id}:1`,
          severity: 'major',
          jurisdiction: '640521',
          title: alarm.title,
          message: alarm.message,
          subject: { type: 'hidden_hazard', id: h.id },
          dueAt: null,
        },
        { id: 'system:hidden-hazards', name: '隐患排查治理' },
      );
    }
    const resolved = (await tick()).filter((s) => s.action === 'resolved').map((s) => s.sourceKey);
    for (const h of hazards) expect(resolved).toContain(`hidden_hazard:${h.id}:1`);
    const stillOpen = (await hazardAlarms()).filter(
      (a) => a.status !== 'resolved' && hazards.some((h) => h.id === a.subject.id),
    );
    expect(stillOpen).toEqual([]);
  });
});

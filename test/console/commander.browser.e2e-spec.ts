import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs } from '../support/browser';
import {
  actionsBelowFold,
  activateSuggestedPlan,
  allocateEdited,
  askResponseLevel,
  confirmLevel,
  dispatchWithTask,
  levelConfirmation,
  logTeamMove,
  moveAllocation,
  offeredAllocation,
  offeredTeams,
  openAction,
  teamNeeds,
} from '../support/commander/workspace';
import { openIncident, timelineLines } from '../support/night-shift/incident';
import { incidentBody } from '../support/incident-fixtures';
import { publishedPlan } from '../support/plan-fixtures';
import { registerTeam, registerWarehouse } from '../support/resource-fixtures';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * A commander takes an incident in hand in Chromium at a desk's 1366×768: the response level set through its
 * confirmation, the suggested plan activated (its higher level confirmed too), a team dispatched with its task, supplies
 * allocated with an edited quantity and the rest after, a team's movements logged from the incident, and no second
 * allocation offered once the need is covered. Screenshots: test-artifacts/commander-*.png.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

const ARTIFACTS = resolve(__dirname, '../../test-artifacts');
const SITE = { address: '中卫工业园区纬三路（指挥测试）', lat: 37.53, lng: 105.14 };
const STOCK = '2010102';

suite('a commander’s incident, from the level to the supplies', () => {
  let t: TestApp;
  let commander: TestUser;
  let admin: TestUser;
  let page: Page;
  let browser: Browser;
  let incidentId: string;
  let planId: string;
  let hazmat: string;
  let secondHazmat: string;
  let medical: string;
  let warehouseId: string;

  const shot = async (name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, `commander-${name}.png`) });
  };

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    [commander, admin] = await Promise.all([t.user(['commander']), t.user(['admin'])]);
    // The city's hazmat plan: Ⅱ级 once anyone died; it asks for a hazmat team, a medical team and 10 protective suits.
    planId = await publishedPlan(t, admin.token, {
      title: '中卫市危险化学品事故专项应急预案',
      activation: { description: '符合下列条件之一', levels: [{ level: 'II', minDeaths: 1 }] },
      requirements: {
        teams: [
          { specialty: 'hazardous_chemicals', count: 1 },
          { specialty: 'medical', count: 1 },
        ],
        materials: [{ materialCode: STOCK, quantity: 10 }],
      },
    });
    const team = (name: string, specialties: string[], lat: number) =>
      registerTeam(t, admin.token, { name, specialties, base: { address: '救援基地', lat, lng: 105.15 } });
    hazmat = await team('中卫市危化品救援一队', ['hazardous_chemicals'], 37.54);
    secondHazmat = await team('中卫市危化品救援二队', ['hazardous_chemicals'], 37.545);
    medical = await team('中卫市医疗救护队', ['medical'], 37.6);
    warehouseId = await registerWarehouse(t, admin.token, { name: '中卫市应急物资储备库' }, [
      { materialCode: STOCK, quantity: 30 },
    ]);
    await t
      .post(`/api/v1/warehouses/${warehouseId}/minimums`, admin.token)
      .send({ materialCode: STOCK, minimum: 5 })
      .expect(200);
    incidentId = (
      await t
        .post('/api/v1/incidents')
        .send(
          incidentBody({
            title: '中卫工业园区储罐泄漏',
            location: SITE,
            casualties: { deaths: 1, missing: 0, seriousInjuries: 2, minorInjuries: 3, trapped: 0 },
          }),
        )
        .expect(201)
    ).body.id;
    ({ browser, page } = await consolePageAs(t.baseUrl, commander));
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await t?.close();
  });

  it('offers every action at the top without scrolling, dispatch open first', async () => {
    await openIncident(page, incidentId);
    await page.locator('[data-testid="action-sheet"][data-action="dispatch"]').waitFor({ timeout: 15_000 });
    expect(await actionsBelowFold(page)).toEqual([]);
    const tabs = await page.locator('[data-testid="command-bar"] [role="tab"]').allTextContents();
    expect(tabs).toEqual(['响应级别', '启动预案', '调派队伍', '调拨物资', '逐级上报']);
    await page.getByTestId('incident-mini-map').waitFor();
    await shot('01-workspace');
  }, 60_000);

  it('asks before the response level changes, and a cancel sends nothing', async () => {
    await askResponseLevel(page, 'III', '一人死亡，危化品持续泄漏');
    const asked = await levelConfirmation(page);
    expect(asked.change).toBe('响应级别将由「未启动响应」调整为「Ⅲ级响应」。');
    expect(asked.reason).toBe('理由：一人死亡，危化品持续泄漏');
    await shot('02-level-confirmation');
    await page.getByTestId('level-confirm-cancel').click();
    await asked.dialog.waitFor({ state: 'detached' });
    expect((await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body.responseLevel).toBeNull();

    await askResponseLevel(page, 'III', '一人死亡，危化品持续泄漏');
    await confirmLevel(page, 'III');
    expect((await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body.responseLevel).toBe('III');
  }, 60_000);

  it('activating the suggested plan at a higher level asks first, naming Ⅲ → Ⅱ', async () => {
    await activateSuggestedPlan(page, planId);
    const asked = await levelConfirmation(page);
    expect(asked.change).toBe('响应级别将由「Ⅲ级响应」调整为「Ⅱ级响应」。');
    expect(asked.reason).toContain('死亡 1 人');
    await shot('03-plan-confirmation');
    await confirmLevel(page, 'II');
    await page.getByTestId('active-plan').first().waitFor({ timeout: 15_000 });
    const stored = (await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body;
    expect(stored.activePlans.map((p: { planId: string }) => p.planId)).toEqual([planId]);
  }, 60_000);

  it('dispatches a team with its task; a met need no longer ranks its type first', async () => {
    expect(await teamNeeds(page)).toEqual({ hazardous_chemicals: 1, medical: 1 });
    await dispatchWithTask(page, hazmat, '储罐堵漏、划定警戒区');
    const card = page.locator(`[data-testid="assigned-team"][data-team-id="${hazmat}"]`);
    expect(await card.textContent()).toContain('储罐堵漏、划定警戒区');
    // The hazmat need is met (1/1): the medical team, farther away, is now offered before the second hazmat team, and
    // the dispatched team is not offered again.
    await eventually(async () => ((await teamNeeds(page)).hazardous_chemicals === 0 ? true : undefined), 15_000);
    const offered = await offeredTeams(page);
    expect(offered).not.toContain(hazmat);
    expect(offered.indexOf(medical)).toBeLessThan(offered.indexOf(secondHazmat));
    await shot('04-dispatched');
  }, 60_000);

  it('allocates with an edited quantity, then only what is left is offered', async () => {
    expect(await offeredAllocation(page)).toEqual({ [STOCK]: 10 });
    await allocateEdited(page, warehouseId, { [STOCK]: 6 });
    await eventually(async () => ((await offeredAllocation(page))[STOCK] === 4 ? true : undefined), 15_000);
    await shot('05-allocated-part');
    await allocateEdited(page, warehouseId, {});
    const sheet = await openAction(page, 'allocate');
    await sheet.getByTestId('allocate-covered').waitFor({ timeout: 15_000 });
    expect(await sheet.getByTestId('allocate-submit').count()).toBe(0);
    expect(await sheet.getByTestId('recommended-warehouse').count()).toBe(0);
    const stored = (await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body;
    expect(stored.allocations.map((a: { items: { quantity: number }[] }) => a.items[0]!.quantity).sort()).toEqual([
      4, 6,
    ]);
    await shot('06-no-second-allocation');
  }, 60_000);

  it('a delivered allocation offers nothing more, and allocation is still not offered again', async () => {
    const stored = (await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body;
    const first = stored.allocations[0].allocationId as string;
    await moveAllocation(page, first, 'ship');
    await moveAllocation(page, first, 'deliver');
    const card = page.locator(`[data-testid="allocation"][data-allocation-id="${first}"]`);
    expect(await card.locator('button').count()).toBe(0);
    const sheet = await openAction(page, 'allocate');
    await sheet.getByTestId('allocate-covered').waitFor();
  }, 60_000);

  it('logs the team’s movements from the incident, credited to the commander on the timeline', async () => {
    await logTeamMove(page, hazmat, 'en_route');
    await logTeamMove(page, hazmat, 'on_scene');
    const lines = await eventually(async () => {
      const shown = await timelineLines(page);
      const moved = shown.filter((l) => l.type === 'AssignedTeamStatusChanged');
      return moved.length === 2 && moved[0]!.text.includes('到达现场') ? shown : undefined;
    }, 15_000);
    // Newest first: 到达现场 above 途中, each naming the commander.
    const moves = lines.filter((l) => l.type === 'AssignedTeamStatusChanged');
    expect(moves[0]!.text).toContain('到达现场');
    expect(moves[1]!.text).toContain('途中');
    for (const line of moves) expect(line.actor).toContain(`测试用户 ${commander.username}`);
    const assigned = lines.find((l) => l.type === 'TeamAssigned')!;
    expect(assigned.text).toContain('任务：储罐堵漏、划定警戒区');
    expect(assigned.actor).toContain(`测试用户 ${commander.username}`);
    await openAction(page, 'moves');
    await shot('07-team-on-scene');
  }, 60_000);
});

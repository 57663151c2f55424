import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs, screenshot } from '../support/browser';
import { eventually } from '../support/eventually';
import { incidentBody, NO_CASUALTIES } from '../support/incident-fixtures';
import {
  followUp,
  followUpFigures,
  openIncident,
  setResponseLevel,
  showWholeTimeline,
  timelineLines,
  typeFollowUp,
} from '../support/night-shift/incident';
import { registerWarehouse } from '../support/resource-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * The incident's workspace on two consoles: a duty officer types follow-up figures while a commander changes the
 * incident elsewhere; what was typed stays, a figure the server changed under it is said beside the field, the account
 * as received stays beside the follow-ups, and the timeline shows every line newest first with who acted.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

suite('the incident workspace on two consoles', () => {
  let t: TestApp;
  const browsers: Browser[] = [];
  let dutyPage: Page;
  let commanderPage: Page;
  let duty: TestUser;
  let commander: TestUser;
  let incidentId: string;
  const display = (user: TestUser) => `测试用户 ${user.username}`;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    const admin = await t.user(['admin']);
    [duty, commander] = await Promise.all([t.user(['duty_officer']), t.user(['commander'])]);
    incidentId = (
      await t
        .post('/api/v1/incidents', duty.token)
        .send(
          incidentBody({
            occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
            description: '储罐阀门泄漏，现场有刺激性气味（接报原始经过）',
            casualties: { ...NO_CASUALTIES, deaths: 1, seriousInjuries: 1 },
          }),
        )
        .expect(201)
    ).body.id;
    // A warehouse reserves supplies for it, then a long night of follow-ups: more lines than one page holds.
    const warehouseId = await registerWarehouse(t, admin.token, {}, [{ materialCode: '1010101', quantity: 30 }]);
    await t
      .post(`/api/v1/warehouses/${warehouseId}/allocations`, commander.token)
      .send({ incidentId, items: [{ materialCode: '1010101', quantity: 10 }] })
      .expect(201);
    for (let i = 1; i <= 20; i++)
      await t
        .post(`/api/v1/incidents/${incidentId}/updates`, duty.token)
        .send({
          casualties: { ...NO_CASUALTIES, deaths: 1, seriousInjuries: 1, minorInjuries: i },
          description: i === 1 ? '泄漏扩大，周边企业疏散' : undefined,
        })
        .expect(200);
    const [a, b] = await Promise.all([consolePageAs(t.baseUrl, duty), consolePageAs(t.baseUrl, commander)]);
    browsers.push(a.browser, b.browser);
    dutyPage = a.page;
    commanderPage = b.page;
  }, 120_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await t?.close();
  });

  it('keeps the duty officer’s typed figures while the commander sets the response level', async () => {
    await openIncident(dutyPage, incidentId);
    await openIncident(commanderPage, incidentId);
    await typeFollowUp(dutyPage, { deaths: 4, seriousInjuries: 6 });

    await setResponseLevel(commanderPage, 'II', '伤亡扩大，提升响应');
    // The duty console has the commander's change (live), and still what was typed.
    await dutyPage.locator('[data-testid="incident-detail"][data-response-level="II"]').waitFor({ timeout: 10_000 });
    expect(await followUpFigures(dutyPage)).toMatchObject({ deaths: '4', seriousInjuries: '6', minorInjuries: '20' });
    expect(await dutyPage.locator('[data-testid$="-changed"]').count()).toBe(0);
    await dutyPage.getByTestId('followup-form').scrollIntoViewIfNeeded();
    await screenshot(dutyPage, 'incident-draft-kept-after-level');
  }, 60_000);

  it('says beside the field when another console changed a figure that was typed over, and sends the choice', async () => {
    // The commander's console sends a follow-up of its own: two dead.
    await followUp(commanderPage, { deaths: 2 });
    const notice = dutyPage.getByTestId('followup-deaths-changed');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain('服务器已更新为 2');
    expect(await followUpFigures(dutyPage)).toMatchObject({ deaths: '4', seriousInjuries: '6' });
    await notice.scrollIntoViewIfNeeded();
    await screenshot(dutyPage, 'incident-changed-under-draft');

    await dutyPage.getByTestId('followup-deaths-keep-mine').click();
    await followUp(dutyPage, { measures: '设置警戒区，疏散下风向群众' });
    const stored = await eventually(async () => {
      const body = (await t.get(`/api/v1/incidents/${incidentId}`, duty.token).expect(200)).body;
      return body.casualties.deaths === 4 ? body : undefined;
    });
    expect(stored.casualties).toMatchObject({ deaths: 4, seriousInjuries: 6, minorInjuries: 20 });
  }, 60_000);

  it('keeps the account as received beside the follow-ups', async () => {
    const original = dutyPage.getByTestId('account-original');
    await original.waitFor();
    expect(await original.getByTestId('account-description').textContent()).toBe(
      '储罐阀门泄漏，现场有刺激性气味（接报原始经过）',
    );
    expect(await original.getByTestId('account-author').textContent()).toBe(display(duty));
    const followUps = dutyPage.getByTestId('account-follow-up');
    await eventually(async () => (await followUps.count()) === 22);
    expect(await followUps.first().textContent()).toContain('泄漏扩大，周边企业疏散');
    expect(await followUps.last().textContent()).toContain('设置警戒区');
    expect(await followUps.last().getByTestId('account-author').textContent()).toBe(display(duty));
  }, 30_000);

  it('shows every timeline line, newest first, with its actor, the allocation among them', async () => {
    // Four dead make it a 较大事故: the grade's change is the newest line, the follow-up that caused it next.
    const firstPage = await eventually(async () => {
      const lines = await timelineLines(dutyPage);
      return lines[0]?.type === 'AccidentGradeChanged' ? lines : undefined;
    });
    expect(firstPage).toHaveLength(20);
    expect(firstPage[1]).toMatchObject({ type: 'SituationUpdated', actor: display(duty) });
    expect(firstPage[1]!.text).toContain('设置警戒区');
    const total = Number((await dutyPage.getByTestId('timeline-count').textContent())!.match(/共 (\d+) 条/)![1]);
    expect(total).toBeGreaterThan(20);

    await showWholeTimeline(dutyPage);
    const all = await timelineLines(dutyPage);
    expect(all).toHaveLength(total);
    expect(all.at(-1)).toMatchObject({ type: 'IncidentReported', actor: display(duty) });
    const allocation = all.find((l) => l.type === 'StockAllocated');
    expect(allocation).toMatchObject({ actor: display(commander) });
    expect(allocation!.text).toContain('棉帐篷 10 顶');
    expect(all.find((l) => l.type === 'ResponseLevelSet')).toMatchObject({ actor: display(commander) });
    expect(all.map((l) => l.actor)).not.toContain(duty.username);
    await dutyPage.getByTestId('timeline').scrollIntoViewIfNeeded();
    await screenshot(dutyPage, 'incident-timeline-newest-first');
    await dutyPage.getByTestId('incident-account').scrollIntoViewIfNeeded();
    await screenshot(dutyPage, 'incident-account');
  }, 60_000);
});

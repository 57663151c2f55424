import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { AlarmView } from '../../libs/alarms/src/contract';
import { ManualClock } from '../../libs/shared/src';
import { browserMissingReason, consolePageAs, screenshot } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { alarmsOf, overdueIncidentBody, tickAlarms } from '../support/alarm-fixtures';
import {
  acknowledgeAlarm,
  alarmCard,
  openAlarmCentre,
  panelAlarm,
  unacknowledgedCount,
  waitForAlarm,
} from '../support/night-shift/alarms';

/**
 * The alarm centre in two real browsers against the real application: a deadline alarm raised by the server reaches
 * both consoles, the duty officer acknowledges it on one and it leaves the other's unacknowledged list, and an alarm
 * nobody acknowledges is shown escalated once the server's clock passes the profile's minutes.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;
const MIN = 60_000;

suite('the alarm centre in two consoles', () => {
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  let t: TestApp;
  let duty: TestUser;
  let commander: TestUser;
  const browsers: Browser[] = [];
  let dutyConsole: Page;
  let commanderConsole: Page;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp({}, { clock });
    [duty, commander] = await Promise.all([t.user(['duty_officer']), t.user(['commander'])]);
    for (const [user, set] of [
      [duty, (p: Page) => (dutyConsole = p)],
      [commander, (p: Page) => (commanderConsole = p)],
    ] as const) {
      const { browser, page } = await consolePageAs(t.baseUrl, user);
      browsers.push(browser);
      set(page);
    }
  }, 90_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await t?.close();
  });

  /** The county bureau's report to the city, overdue: the alarm the server raises for an incident. */
  const reportAlarm = async (incidentId: string): Promise<AlarmView> =>
    (await alarmsOf(t, incidentId)).find((a) => a.severity === 'critical' && a.title.startsWith('向设区的市级上报'))!;

  it('an alarm acknowledged on one console leaves the other console unacknowledged list', async () => {
    await openAlarmCentre(dutyConsole);
    await openAlarmCentre(commanderConsole);
    const before = await unacknowledgedCount(commanderConsole);
    const incident = (await t.post('/api/v1/incidents').send(overdueIncidentBody('640521', 20)).expect(201)).body;
    await tickAlarms(t);
    const alarm = await reportAlarm(incident.id);
    // Both consoles hear it live, on the open alarm centre and in the bell's count.
    for (const page of [dutyConsole, commanderConsole]) await waitForAlarm(page, alarm.id, { status: 'raised' });
    expect(await unacknowledgedCount(commanderConsole)).toBeGreaterThan(before);
    expect(await alarmCard(commanderConsole, alarm.id).innerText()).toContain(incident.title);
    await screenshot(commanderConsole, 'alarms-01-raised');

    // The commander watches the unacknowledged list; the duty officer takes the alarm in hand on the other console.
    await commanderConsole.getByTestId('alarm-filter-status').selectOption('raised');
    await waitForAlarm(commanderConsole, alarm.id, { status: 'raised' });
    const note = '<b>已电话催报县局</b>';
    await acknowledgeAlarm(dutyConsole, alarm.id, note);
    await alarmCard(commanderConsole, alarm.id).waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(commanderConsole, 'alarms-02-acknowledged-elsewhere');
    const counted = await unacknowledgedCount(dutyConsole);
    for (const until = Date.now() + 10_000; (await unacknowledgedCount(commanderConsole)) !== counted;) {
      if (Date.now() > until) throw new Error('the two bells disagree after the acknowledgement');
      await new Promise((r) => setTimeout(r, 100));
    }
    // Among the open alarms it shows who acknowledged it, with the note as text.
    await commanderConsole.getByTestId('alarm-filter-status').selectOption('open');
    const seen = await waitForAlarm(commanderConsole, alarm.id, { status: 'acknowledged' });
    expect(await seen.getByTestId('alarm-acknowledged').innerText()).toContain(note);
    expect(await seen.locator('b').count()).toBe(0);
    await panelAlarm(commanderConsole, alarm.id).waitFor({ state: 'detached', timeout: 10_000 });
  }, 90_000);

  it('a deadline alarm nobody acknowledges is shown escalated to the shift leader, then the commander', async () => {
    const incident = (
      await t
        .post('/api/v1/incidents')
        .send(overdueIncidentBody('640521', 30, clock.now().getTime()))
        .expect(201)
    ).body;
    await tickAlarms(t);
    const alarm = await reportAlarm(incident.id);
    await waitForAlarm(commanderConsole, alarm.id, { status: 'raised', escalation: 0 });
    clock.advance(6 * MIN);
    await tickAlarms(t);
    const card = await waitForAlarm(commanderConsole, alarm.id, { status: 'raised', escalation: 1 });
    expect(await card.getByTestId('alarm-escalation').innerText()).toBe('已升级至带班领导');
    clock.advance(10 * MIN);
    await tickAlarms(t);
    await waitForAlarm(commanderConsole, alarm.id, { escalation: 2 });
    expect(await card.getByTestId('alarm-escalation').innerText()).toBe('已升级至指挥长');
    await waitForAlarm(dutyConsole, alarm.id, { escalation: 2 });
    await screenshot(commanderConsole, 'alarms-03-escalated');
  }, 90_000);
});

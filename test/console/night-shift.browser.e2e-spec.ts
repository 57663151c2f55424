import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { tickAlarms, overdueIncidentBody, alarmsOf } from '../support/alarm-fixtures';
import { browserMissingReason, consolePageAs, screenshot } from '../support/browser';
import { acknowledgeAlarm, openAlarmCentre, waitForAlarm } from '../support/night-shift/alarms';
import {
  acceptHandover,
  answerRollCall,
  handOver,
  openDutyDesk,
  queueRows,
  reportFromDesk,
} from '../support/night-shift/duty-desk';
import { logIncidentFromGazetteer } from '../support/night-shift/intake';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * A county duty officer's night, walked in Chromium from sign-in to handover: the desk's queue, an incident logged
 * from the gazetteer, its report to the city sent from the queue before the countdown ends, an overdue alarm taken in
 * hand, the city's roll call answered, and the watch handed over to the next officer, who signs in on another console,
 * reads the summary and accepts. Screenshots of each step are kept (test-artifacts/console/night-*.png); with
 * `README_IMAGES=1` the desk and the alarm centre are also written to docs/images for the README.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

const COUNTY = '640521';
const HOUR = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();

suite('a night shift at the county duty desk', () => {
  let t: TestApp;
  let night: TestUser;
  let morning: TestUser;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    night = await t.user(['duty_officer'], COUNTY);
    morning = await t.user(['duty_officer'], COUNTY);
    const shift = (from: number, to: number, officer: TestUser, name: string) =>
      t
        .post('/api/v1/duty/shifts')
        .send({
          jurisdiction: COUNTY,
          leader: { name: '马志强' },
          officers: [{ name, userId: officer.id }],
          startsAt: iso(from),
          endsAt: iso(to),
        })
        .expect(201);
    await shift(-2 * HOUR, 10 * HOUR, night, '杨洁');
    await shift(10 * HOUR, 22 * HOUR, morning, '张接班');
  }, 60_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await t?.close();
  });

  const open = async (user: TestUser): Promise<Page> => {
    const { browser, page } = await consolePageAs(t.baseUrl, user);
    browsers.push(browser);
    return page;
  };

  const shot = async (page: Page, name: string, readme?: string) => {
    const path = await screenshot(page, name);
    if (readme && process.env.README_IMAGES) {
      mkdirSync(resolve(__dirname, '../../docs/images'), { recursive: true });
      copyFileSync(path, resolve(__dirname, '../../docs/images', readme));
    }
  };

  it('walks the watch: queue, intake from the gazetteer, report up in time, alarm, roll call, handover', async () => {
    // What the watch inherits: an incident whose report to the city went overdue before the shift noticed it (the
    // alarm watch raises it), and the city's roll call waiting for an answer.
    const inherited = (await t.post('/api/v1/incidents').send(overdueIncidentBody(COUNTY, 25)).expect(201)).body;
    await tickAlarms(t);
    const overdueAlarm = (await alarmsOf(t, inherited.id, night.token, '?kind=deadline')).find(
      (a) => a.severity === 'critical',
    );
    expect(overdueAlarm).toBeDefined();
    const rollCall = (
      await t
        .post('/api/v1/duty/roll-calls')
        .send({ jurisdictions: [COUNTY], ackWithinMinutes: 10, message: '夜间在岗点名' })
        .expect(201)
    ).body;

    // 1. Sign in: a duty officer lands on the desk and sees what the watch owes, the overdue report first.
    const desk = await open(night);
    await desk.getByTestId('duty-queue').waitFor({ timeout: 20_000 });
    expect(new URL(desk.url()).pathname).toBe('/duty');
    const queued = await queueRows(desk);
    const inheritedRow = queued.find((row) => row.incidentId === inherited.id);
    expect(inheritedRow?.overdue).toBe(true);
    expect(queued[0]!.overdue).toBe(true);
    await shot(desk, 'night-01-duty-desk', 'console-duty-desk.png');

    // 2. A call comes in: the place is picked from the gazetteer, not typed as coordinates.
    const { incidentId } = await logIncidentFromGazetteer(desk, {
      place: { search: '燃气', name: '中宁某燃气有限公司' },
      template: 'gas',
      title: '中宁某燃气有限公司调压站燃气泄漏',
      reporter: { name: '李明', phone: '13800000000', organization: '中宁某燃气有限公司' },
      casualties: { minorInjuries: 1 },
      confirmNotDuplicate: true,
    });
    const logged = (await t.get(`/api/v1/incidents/${incidentId}`, night.token).expect(200)).body;
    expect(logged.jurisdiction).toBe(COUNTY);
    expect(logged.location.address).toContain('宁安镇');
    expect(typeof logged.location.lat).toBe('number');
    await shot(desk, 'night-02-logged-from-gazetteer');

    // 3. Back at the desk the new incident's report to the city is counting down; it is sent from the queue before
    //    the countdown ends, with the text the server generated.
    await openDutyDesk(desk);
    const owed = logged.deadlines.find(
      (d: { level: string | null; status: string }) => d.level && d.status === 'pending',
    );
    expect(owed).toBeDefined();
    await desk
      .locator(`[data-testid="duty-obligation"][data-incident="${incidentId}"][data-obligation="${owed.id}"]`)
      .waitFor({ timeout: 20_000 });
    const row = (await queueRows(desk)).find((r) => r.incidentId === incidentId && r.obligationId === owed.id);
    expect(row?.overdue).toBe(false);
    const text = await reportFromDesk(desk, incidentId, owed.id);
    expect(text).toContain('中宁某燃气有限公司调压站燃气泄漏');
    const after = (await t.get(`/api/v1/incidents/${incidentId}`, night.token).expect(200)).body;
    const met = after.deadlines.find((d: { id: string }) => d.id === owed.id);
    expect(met.status).toBe('met');
    expect(Date.parse(met.reportedAt)).toBeLessThanOrEqual(Date.parse(met.dueAt));

    // 4. The overdue alarm is taken in hand, with a note, in the alarm centre.
    await openAlarmCentre(desk);
    await waitForAlarm(desk, overdueAlarm!.id, { status: 'raised' });
    await shot(desk, 'night-03-alarm-centre', 'console-alarms.png');
    await acknowledgeAlarm(desk, overdueAlarm!.id, '已电话催报，上一班漏报，补报中');
    const acknowledged = (await t.get(`/api/v1/alarms/${overdueAlarm!.id}`, night.token).expect(200)).body;
    expect(acknowledged.status).toBe('acknowledged');
    expect(acknowledged.acknowledgedBy.id).toBe(night.id);

    // 5. The city's roll call is answered from the desk.
    await openDutyDesk(desk);
    await answerRollCall(desk, rollCall.id);
    const calls = (await t.get('/api/v1/duty/roll-calls', night.token).expect(200)).body as {
      id: string;
      targets: { jurisdiction: string; status: string }[];
    }[];
    const answered = calls.find((c) => c.id === rollCall.id)!.targets.find((x) => x.jurisdiction === COUNTY)!;
    expect(answered.status).not.toBe('pending');

    // 6. Handover: the night officer hands over with a note; the morning officer signs in on another console, reads
    //    the summary (the incident logged tonight is in it) and accepts; the watch changes hands.
    const note = '燃气泄漏已上报市局，等待企业续报；<b>上一班事故仍欠补报</b>';
    await handOver(desk, note);
    await shot(desk, 'night-04-handed-over');
    const incoming = await open(morning);
    await incoming.getByTestId('duty-queue').waitFor({ timeout: 20_000 });
    const seen = await acceptHandover(incoming);
    expect(seen.note).toContain(note);
    expect(seen.summary.length).toBeGreaterThan(0);
    expect(await incoming.locator('[data-testid="duty-handover-note-shown"] b').count()).toBe(0);
    await shot(incoming, 'night-05-accepted');
    await desk.getByTestId('duty-pending-handover').waitFor({ state: 'detached', timeout: 20_000 });
    // The outgoing desk now names the shift that holds the watch, though the clock has not reached its start.
    const holder = desk.getByTestId('duty-responsible');
    await holder.filter({ hasText: '张接班' }).waitFor({ timeout: 20_000 });
    const current = (await t.get(`/api/v1/duty/desk?jurisdiction=${COUNTY}`, morning.token).expect(200)).body;
    expect(current.pendingHandover).toBeNull();
    expect(current.responsibleShift.officers.map((o: { userId?: string }) => o.userId)).toContain(morning.id);
  }, 240_000);
});

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs, screenshot } from '../support/browser';
import { incidentBody } from '../support/incident-fixtures';
import { acceptHandover, answerRollCall, handOver, queueRows, reportFromDesk } from '../support/night-shift/duty-desk';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * The duty desk in Chromium: a county duty officer lands on it, reports up from the queue, answers the city's roll
 * call and hands over with a note; the incoming officer signs in on another console, sees what was handed over and
 * accepts, and the outgoing console sees the watch change hands live.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

const HOUR = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const REPORT_LEVELS = ['county', 'city', 'province', 'national'];

suite('duty desk in the console', () => {
  let t: TestApp;
  let duty: TestUser;
  let next: TestUser;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    duty = await t.user(['duty_officer'], '640521');
    next = await t.user(['duty_officer'], '640521');
    const shift = (from: number, to: number, officer: TestUser, name: string) =>
      t
        .post('/api/v1/duty/shifts')
        .send({
          jurisdiction: '640521',
          leader: { name: '马志强' },
          officers: [{ name, userId: officer.id }],
          startsAt: iso(from),
          endsAt: iso(to),
        })
        .expect(201);
    await shift(-HOUR, 11 * HOUR, duty, '杨洁');
    await shift(11 * HOUR, 23 * HOUR, next, '张接班');
  }, 60_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await t?.close();
  });

  const open = async (user: TestUser): Promise<Page> => {
    const { browser, page } = await consolePageAs(t.baseUrl, user);
    browsers.push(browser);
    return page;
  };

  it('reports from the queue, answers a roll call and hands over; the incoming officer sees the summary and accepts', async () => {
    const incident = (
      await t
        .post('/api/v1/incidents', duty.token)
        .send(incidentBody({ jurisdiction: '640521', occurredAt: iso(-10 * 60_000) }))
        .expect(201)
    ).body;
    const rollCall = (
      await t
        .post('/api/v1/duty/roll-calls')
        .send({ jurisdictions: ['640521'], ackWithinMinutes: 10, message: '夜间在岗点名' })
        .expect(201)
    ).body;

    // A duty officer's console opens on the desk.
    const outgoing = await open(duty);
    await outgoing.getByTestId('duty-queue').waitFor({ timeout: 20_000 });
    expect(new URL(outgoing.url()).pathname).toBe('/duty');
    expect(await outgoing.getByTestId('duty-leader').textContent()).toBe('马志强');
    const rows = await queueRows(outgoing);
    expect(rows.some((r) => r.incidentId === incident.id)).toBe(true);
    await screenshot(outgoing, 'duty-desk-01-queue');

    // Report the first obligation owed to a level (not a notification) from the desk.
    const owed = (await t.get('/api/v1/duty/desk', duty.token).expect(200)).body.obligations.find(
      (o: { incidentId: string; level: string }) => o.incidentId === incident.id && REPORT_LEVELS.includes(o.level),
    );
    const text = await reportFromDesk(outgoing, incident.id, owed.obligationId, '传真');
    expect(text).toContain('生产安全事故快报');
    const reported = (await t.get(`/api/v1/incidents/${incident.id}`, duty.token).expect(200)).body.deadlines.find(
      (d: { id: string }) => d.id === owed.obligationId,
    );
    expect(reported).toMatchObject({ status: 'met', reportChannel: '传真' });

    await answerRollCall(outgoing, rollCall.id);
    const answered = (await t.get('/api/v1/duty/roll-calls').expect(200)).body.find(
      (r: { id: string }) => r.id === rollCall.id,
    );
    expect(answered.targets[0]).toMatchObject({ jurisdiction: '640521', status: 'answered', by: { userId: duty.id } });

    const note = '园区储罐泄漏仍在处置，续报 <img src=x onerror="window.__pwned=1">';
    await handOver(outgoing, note);
    await screenshot(outgoing, 'duty-desk-02-handed-over');
    expect(await outgoing.getByTestId('duty-waiting').textContent()).toBe('等待接班人员确认');
    expect(await outgoing.getByTestId('duty-accept').count()).toBe(0);

    const incoming = await open(next);
    await incoming.getByTestId('duty-pending-handover').waitFor({ timeout: 20_000 });
    await screenshot(incoming, 'duty-desk-03-incoming-sees-summary');
    const shown = await acceptHandover(incoming);
    expect(shown.note).toBe(note);
    expect(shown.summary).toContain(incident.title);
    for (const page of [outgoing, incoming]) {
      expect(await page.locator('[data-testid="duty-pending-handover"] img').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    }
    const [stored] = (await t.get('/api/v1/duty/handovers', next.token).query({ jurisdiction: '640521' }).expect(200))
      .body;
    expect(stored).toMatchObject({ note, status: 'accepted', acceptedBy: { userId: next.id } });

    // The outgoing console sees the watch change hands without a reload (the duty.changed delta).
    await outgoing.getByTestId('duty-pending-handover').waitFor({ state: 'detached', timeout: 20_000 });
    await screenshot(incoming, 'duty-desk-04-accepted');
  }, 180_000);
});

import type { Page } from 'playwright-core';
import { incidentBody } from '../incident-fixtures';
import { registerTeam } from '../resource-fixtures';
import type { TestApp } from '../test-app';
import type { TestUser } from '../test-users';

/**
 * Browser steps of the whole-drill replay (演练复盘回放, /replay/drill/<id>), shared by the suites that walk a drill
 * coordinator through a drill. Each step drives the console through its visible controls and their test ids.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SeededDrill {
  drillId: string;
  incidentId: string;
  title: string;
  teamName: string;
  coordinator: TestUser;
  /** The display names the coordinator and the commander act under (what the replay must credit). */
  coordinatorName: string;
  commanderName: string;
}

/**
 * A running tabletop drill of 640500 with one drill incident and a few recorded steps, `gapMs` apart so a replay at a
 * low speed can be caught between them: the report, a follow-up that raises the grade, Ⅱ级响应 and a simulated
 * dispatch of a named team with a task.
 */
export async function seedDrillWithIncident(t: TestApp, gapMs = 1500): Promise<SeededDrill> {
  const coordinator = await t.user(['drill_coordinator']);
  const coordinatorName = '王演练';
  const commanderName = '李指挥';
  await t.sql('update users set display_name = $1 where id = $2', [coordinatorName, coordinator.id]);
  await t.sql('update users set display_name = $1 where id = $2', [commanderName, t.commander.id]);
  const drill = (
    await t
      .post('/api/v1/drills', coordinator.token)
      .send({
        title: '危化品泄漏桌面推演',
        form: 'tabletop',
        scope: 'single',
        jurisdiction: '640500',
        participants: ['市应急管理局'],
      })
      .expect(201)
  ).body as { id: string };
  await t.post(`/api/v1/drills/${drill.id}/start`, coordinator.token).send({}).expect(200);
  const admin = await t.user(['admin']);
  const teamName = '中卫市危化救援队（演练）';
  const teamId = await registerTeam(t, admin.token, {
    name: teamName,
    specialties: ['hazardous_chemicals'],
    base: { address: '中卫市沙坡头区', lat: 37.45, lng: 105.05 },
    jurisdiction: '640500',
  });
  const title = '演练：中卫工业园储罐泄漏';
  await sleep(gapMs);
  const incidentId = (
    await t
      .post('/api/v1/incidents')
      .send(incidentBody({ title, drillId: drill.id }))
      .expect(201)
  ).body.id as string;
  const board = async (ready: (v: Record<string, unknown>) => boolean) => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(50)) {
      const r = await t.get(`/api/v1/incidents/${incidentId}`);
      if (r.status === 200 && ready(r.body)) return;
    }
    throw new Error('the board did not catch up');
  };
  await board(() => true);
  await sleep(gapMs);
  await t
    .post(`/api/v1/incidents/${incidentId}/updates`)
    .send({ casualties: { deaths: 4, seriousInjuries: 6 }, measures: '设置警戒区' })
    .expect(200);
  await board((v) => (v.casualties as { deaths: number }).deaths === 4);
  await sleep(gapMs);
  await t
    .post(`/api/v1/incidents/${incidentId}/response-level`)
    .send({ level: 'II', reason: '演练：启动Ⅱ级响应' })
    .expect(200);
  await board((v) => v.responseLevel === 'II');
  await sleep(gapMs);
  await t
    .post(`/api/v1/drills/${drill.id}/dispatches`, coordinator.token)
    .send({ incidentId, teamId, task: '关阀堵漏' })
    .expect(201);
  await board((v) => (v.assignedTeams as unknown[]).length === 1);
  return { drillId: drill.id, incidentId, title, teamName, coordinator, coordinatorName, commanderName };
}

/** Opens the drill's replay screen by its address. */
export async function openDrillReplay(page: Page, baseUrl: string, drillId: string): Promise<void> {
  await page.goto(`${baseUrl}/replay/drill/${drillId}`);
  await page.getByTestId('drill-replay-screen').waitFor({ timeout: 15_000 });
  await page.getByTestId('replay-status').and(page.locator('[data-status="idle"]')).waitFor();
}

/** Sets the speed and starts the replay; waits until it runs. */
export async function startReplay(page: Page, speed: number): Promise<void> {
  await page.getByTestId('replay-speed').fill(String(speed));
  await page.getByTestId('replay-start').click();
  await page.getByTestId('replay-status').and(page.locator('[data-status="running"]')).waitFor({ timeout: 15_000 });
}

/** Waits until at least `n` events have been played. */
export async function waitForPlayed(page: Page, n: number, timeout = 30_000): Promise<number> {
  const played = page.getByTestId('replay-played');
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(50)) {
    const count = Number(await played.getAttribute('data-n'));
    if (count >= n) return count;
  }
  throw new Error(`fewer than ${n} events played`);
}

export async function playedCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('replay-played').getAttribute('data-n'));
}

export async function pauseReplay(page: Page): Promise<void> {
  await page.getByTestId('replay-pause').click();
  await page.getByTestId('replay-status').and(page.locator('[data-status="paused"]')).waitFor();
}

export async function resumeReplay(page: Page): Promise<void> {
  await page.getByTestId('replay-resume').click();
  await page
    .getByTestId('replay-status')
    .and(page.locator('[data-status="running"], [data-status="finished"]'))
    .waitFor();
}

/** Types a new speed and applies it; waits until the figure shows it. */
export async function changeSpeed(page: Page, speed: number): Promise<void> {
  await page.getByTestId('replay-speed').fill(String(speed));
  await page.getByTestId('replay-speed-apply').click();
  await page
    .getByTestId('replay-speed-shown')
    .and(page.locator(`[data-speed="${speed}"]`))
    .waitFor();
}

export async function waitForFinished(page: Page, timeout = 30_000): Promise<void> {
  await page.getByTestId('replay-status').and(page.locator('[data-status="finished"]')).waitFor({ timeout });
}

/** Drags the scrubber to the start of the recording (the first event's time). */
export async function seekToStart(page: Page): Promise<void> {
  const scrubber = page.getByTestId('replay-scrubber');
  await scrubber.fill(String(await scrubber.getAttribute('min')));
}

/** The event log as shown: each line's sentence and its actor. */
export async function replayLines(page: Page): Promise<{ text: string; actor: string; newest: boolean }[]> {
  return page.getByTestId('replay-event').evaluateAll((rows) =>
    rows.map((row) => ({
      text: row.querySelector('[data-testid="replay-event-text"]')?.textContent ?? '',
      actor: row.querySelector('[data-testid="replay-event-actor"]')?.textContent ?? '',
      newest: row.getAttribute('aria-current') === 'true',
    })),
  );
}

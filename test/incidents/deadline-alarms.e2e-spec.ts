import { DataSource } from 'typeorm';
import { LIVE_DELTA_BUS } from '../../libs/event-sourcing/src/projections';
import { DeadlineAlarmScheduler } from '../../libs/incidents/src';
import { CLOCK, JURISDICTIONS } from '../../libs/shared/src';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';

interface Alarm {
  position: string;
  data: { incidentId: string; level: string | null; kind: string; message: string };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
// The bureau's 2 hours run from its 接报时间 (条例493 第十一条): a call logged later is back-dated with a reason.
const receivedAgo = (m: number) => ({
  occurredAt: minutesAgo(m + 30),
  receivedAt: minutesAgo(m),
  receivedAtReason: '电话接报后补录',
});
/** The chain's report alarms (the notification checklist raises its own). */
const chain = (list: Alarm[], id: string) =>
  list.filter((a) => a.data.incidentId === id && a.data.kind === 'initial').map((a) => a.data.level);

describe('reporting-deadline alarms on the console', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEADLINE_TICK_MS: '100' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('announces due (10 min before) and overdue once each; drills never alarm; a restart re-announces what is pending', async () => {
    const socket = await t.socket();
    const due: Alarm[] = [];
    const overdue: Alarm[] = [];
    socket.on('deadline.due', (m: Alarm) => due.push(m));
    socket.on('deadline.overdue', (m: Alarm) => overdue.push(m));
    const soon = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640521', ...receivedAgo(115) }))
        .expect(201)
    ).body;
    const late = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640521', ...receivedAgo(130) }))
        .expect(201)
    ).body;
    const drill = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640521', ...receivedAgo(130), drillId: await runningDrill(t) }))
        .expect(201)
    ).body;
    const deadline = Date.now() + 5000;
    while ((chain(due, soon.id).length === 0 || chain(overdue, late.id).length === 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 400)); // a few more ticks: nothing is announced twice
    expect(chain(due, soon.id)).toEqual(['city']);
    expect(chain(overdue, late.id)).toEqual(['city']);
    expect(overdue.find((a) => a.data.incidentId === late.id && a.data.kind === 'initial')!.data.message).toMatch(
      /向设区的市级上报已逾期 \d+ 分钟/,
    );
    // The Art. 10 notifications are due with the report and alarm on their own lines.
    expect(overdue.filter((a) => a.data.incidentId === late.id && a.data.kind === 'notification')).toHaveLength(5);
    expect([...due, ...overdue].map((a) => a.data.incidentId)).not.toContain(drill.id);

    // A report that meets the deadline silences it; a new process (restart) re-announces only what is still pending.
    await t.post(`/api/v1/incidents/${soon.id}/reports`).send({ toLevel: 'city', channel: '电话' }).expect(201);
    const restarted = new DeadlineAlarmScheduler(
      t.app.get(DataSource),
      t.app.get(LIVE_DELTA_BUS),
      t.app.get(CLOCK),
      t.app.get(JURISDICTIONS),
      { tickMs: 60_000 },
    );
    const announced = await restarted.tick();
    const mine = announced.filter(
      (d) =>
        [soon.id, late.id].includes((d.data as Alarm['data']).incidentId) &&
        (d.data as Alarm['data']).kind === 'initial',
    );
    expect(mine.map((d) => `${d.name}:${(d.data as Alarm['data']).incidentId === late.id ? 'late' : 'soon'}`)).toEqual([
      'deadline.overdue:late',
    ]);
  });
});

describe('a restart between due and overdue', () => {
  it('the restarted application still raises the overdue alarm from stored state', async () => {
    const first = await startTestApp({ DEADLINE_TICK_MS: '100' });
    let second: TestApp | undefined;
    try {
      const socket = await first.socket();
      const due: Alarm[] = [];
      socket.on('deadline.due', (m: Alarm) => due.push(m));
      // The city report is due 2 h after the receipt: 8 s from now it is overdue; now it is due.
      const incident = (
        await first
          .post('/api/v1/incidents')
          .send(
            incidentBody({
              jurisdiction: '640521',
              occurredAt: new Date(Date.now() - 150 * 60_000).toISOString(),
              receivedAt: new Date(Date.now() - 120 * 60_000 + 8_000).toISOString(),
              receivedAtReason: '电话接报后补录',
            }),
          )
          .expect(201)
      ).body;
      for (const deadline = Date.now() + 5000; chain(due, incident.id).length === 0 && Date.now() < deadline;)
        await new Promise((r) => setTimeout(r, 50));
      expect(chain(due, incident.id)).toEqual(['city']);
      await first.close({ keepDatabase: true });

      second = await startTestApp({ DEADLINE_TICK_MS: '100' }, { databaseUrl: first.databaseUrl });
      const console2 = await second.socket();
      const overdue: Alarm[] = [];
      console2.on('deadline.overdue', (m: Alarm) => overdue.push(m));
      for (const deadline = Date.now() + 15_000; chain(overdue, incident.id).length === 0 && Date.now() < deadline;)
        await new Promise((r) => setTimeout(r, 100));
      expect(chain(overdue, incident.id)).toEqual(['city']);
    } finally {
      await (second ?? first).close().catch(() => undefined);
    }
  }, 40_000);
});

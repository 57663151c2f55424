import { DataSource } from 'typeorm';
import { LIVE_DELTA_BUS } from '../../libs/event-sourcing/src/projections';
import { DeadlineAlarmScheduler } from '../../libs/incidents/src';
import { CLOCK, JURISDICTIONS } from '../../libs/shared/src';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';

interface Alarm {
  position: string;
  data: { incidentId: string; level: string; message: string };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

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
        .send(incidentBody({ jurisdiction: '640521', occurredAt: minutesAgo(55) }))
        .expect(201)
    ).body;
    const late = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640521', occurredAt: minutesAgo(70) }))
        .expect(201)
    ).body;
    const drill = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640521', occurredAt: minutesAgo(70), drillId: await runningDrill(t) }))
        .expect(201)
    ).body;
    const deadline = Date.now() + 5000;
    while (
      (!due.some((a) => a.data.incidentId === soon.id) || !overdue.some((a) => a.data.incidentId === late.id)) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 400)); // a few more ticks: nothing is announced twice
    expect(due.filter((a) => a.data.incidentId === soon.id).map((a) => a.data.level)).toEqual(['county']);
    expect(overdue.filter((a) => a.data.incidentId === late.id).map((a) => a.data.level)).toEqual(['county']);
    expect(overdue.find((a) => a.data.incidentId === late.id)!.data.message).toMatch(/向县级上报已超时 \d+ 分钟/);
    expect([...due, ...overdue].map((a) => a.data.incidentId)).not.toContain(drill.id);

    // A report that meets the deadline silences it; a new process (restart) re-announces only what is still pending.
    await t.post(`/api/v1/incidents/${soon.id}/reports`).send({ toLevel: 'county', channel: '电话' }).expect(201);
    const restarted = new DeadlineAlarmScheduler(
      t.app.get(DataSource),
      t.app.get(LIVE_DELTA_BUS),
      t.app.get(CLOCK),
      t.app.get(JURISDICTIONS),
      { tickMs: 60_000 },
    );
    const announced = await restarted.tick();
    const mine = announced.filter((d) => [soon.id, late.id].includes((d.data as Alarm['data']).incidentId));
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
      // The county report is due 60 min after the incident: 8 s from now it is overdue; now it is due.
      const incident = (
        await first
          .post('/api/v1/incidents')
          .send(
            incidentBody({
              jurisdiction: '640521',
              occurredAt: new Date(Date.now() - 60 * 60_000 + 8_000).toISOString(),
            }),
          )
          .expect(201)
      ).body;
      for (
        const deadline = Date.now() + 5000;
        !due.some((a) => a.data.incidentId === incident.id) && Date.now() < deadline;
      )
        await new Promise((r) => setTimeout(r, 50));
      expect(due.filter((a) => a.data.incidentId === incident.id).map((a) => a.data.level)).toEqual(['county']);
      await first.close({ keepDatabase: true });

      second = await startTestApp({ DEADLINE_TICK_MS: '100' }, { databaseUrl: first.databaseUrl });
      const console2 = await second.socket();
      const overdue: Alarm[] = [];
      console2.on('deadline.overdue', (m: Alarm) => overdue.push(m));
      for (
        const deadline = Date.now() + 15_000;
        !overdue.some((a) => a.data.incidentId === incident.id) && Date.now() < deadline;
      )
        await new Promise((r) => setTimeout(r, 100));
      expect(overdue.filter((a) => a.data.incidentId === incident.id).map((a) => a.data.level)).toEqual(['county']);
    } finally {
      await (second ?? first).close().catch(() => undefined);
    }
  }, 40_000);
});

import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';

interface Deadline {
  kind: string;
  level: string;
  levelLabel: string;
  dueAt: string;
  status: string;
  reportedBy: string | null;
}

// Whole seconds: displayed times carry no milliseconds.
const minutesAgo = (m: number) => new Date(Math.floor((Date.now() - m * 60_000) / 1000) * 1000);
const zoned = (d: Date) => d.toISOString();

describe('reporting deadlines on the incident (docs/domain.md rules 3–5)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  const report = async (overrides: Record<string, unknown>) =>
    (await t.post('/api/v1/incidents').send(incidentBody(overrides)).expect(201)).body;
  const deadlines = async (id: string): Promise<Deadline[]> =>
    (await t.get(`/api/v1/incidents/${id}`).expect(200)).body.deadlines;

  it('a general accident in a county: county within 1 h of the incident, city 2 h later, times in +08:00', async () => {
    const occurred = minutesAgo(20);
    const incident = await report({ jurisdiction: '640521', occurredAt: zoned(occurred) });
    const list = await deadlines(incident.id);
    expect(list.map((d) => `${d.kind}:${d.level}:${d.status}`)).toEqual([
      'initial:county:pending',
      'initial:city:pending',
    ]);
    expect(Date.parse(list[0]!.dueAt)).toBe(occurred.getTime() + 60 * 60_000);
    expect(Date.parse(list[1]!.dueAt)).toBe(occurred.getTime() + 180 * 60_000);
    expect(list[0]!.dueAt).toMatch(/\+08:00$/);
    expect(list[0]!.levelLabel).toBe('县级');
  });

  it('passing the report up meets the obligation with who reported, and re-times the next level', async () => {
    const incident = await report({ jurisdiction: '640521', occurredAt: zoned(minutesAgo(10)) });
    const passed = await t
      .post(`/api/v1/incidents/${incident.id}/reports`)
      .send({ toLevel: 'county', channel: '电话' })
      .expect(201);
    const list: Deadline[] = passed.body.deadlines;
    expect(list[0]).toMatchObject({ level: 'county', status: 'met', reportedBy: t.commander.username });
    expect(Date.parse(list[1]!.dueAt) - Date.now()).toBeGreaterThan(115 * 60_000);
    const timeline = await t.get(`/api/v1/incidents/${incident.id}/timeline`).expect(200);
    expect(timeline.body.at(-1).summary).toBe(`向县级上报（电话），报告人 ${t.commander.username}`);
  });

  it('a late report is recorded as late', async () => {
    const incident = await report({ jurisdiction: '640521', occurredAt: zoned(minutesAgo(90)) });
    const passed = await t
      .post(`/api/v1/incidents/${incident.id}/reports`)
      .send({ toLevel: 'county', channel: '传真' })
      .expect(201);
    expect(passed.body.deadlines[0]).toMatchObject({ status: 'late' });
  });

  it('the industrial park follows its stricter profile: 30 minutes to the county', async () => {
    const occurred = minutesAgo(5);
    const incident = await report({ jurisdiction: '640571', occurredAt: zoned(occurred) });
    expect(Date.parse((await deadlines(incident.id))[0]!.dueAt)).toBe(occurred.getTime() + 30 * 60_000);
  });

  it('a grade that rises on a follow-up adds the provincial and national obligations', async () => {
    const incident = await report({ jurisdiction: '640521', occurredAt: zoned(minutesAgo(5)) });
    await t
      .post(`/api/v1/incidents/${incident.id}/updates`)
      .send({ casualties: { deaths: 12 } })
      .expect(200);
    const list = await deadlines(incident.id);
    expect(list.filter((d) => d.kind === 'escalation').map((d) => d.level)).toEqual(['province', 'national']);
    // The casualty change itself also calls for a supplementary report.
    expect(list.some((d) => d.kind === 'supplementary')).toBe(true);
  });
});

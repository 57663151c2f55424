import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@app/event-store';
import { handleCommand, load } from '@app/event-sourcing';
import { PostgresSnapshotStore } from '@app/event-sourcing/projections';
import { ManualClock } from '@app/shared';
import { incidentDecider, type IncidentCommand, type ResponseLevel } from '../domain';

/** A small deterministic generator, so a failing history can be re-run as it was. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const policy = { countMissingAsDeaths: true };
const LEVELS: ResponseLevel[] = ['IV', 'III', 'II', 'I'];

/** A report and then `length` follow-ups of every kind the state keeps, some of them refused by the decider. */
function history(seed: number, length: number, clock: ManualClock): IncidentCommand[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const teams = [randomUUID(), randomUUID(), randomUUID()];
  const commands: IncidentCommand[] = [
    {
      type: 'ReportIncident',
      incidentId: randomUUID(),
      title: '快照测试事故',
      category: 'fire',
      occurredAt: new Date(clock.now().getTime() - 60_000),
      location: { address: '测试地址', lat: 37.5, lng: 105.2 },
      jurisdiction: '640502',
      reporter: { name: '报告人', phone: '0955-0000000', organization: '单位' },
      casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 },
      description: '测试',
      takenBy: '值班员',
      now: clock.now(),
      policy,
      ...(seed % 2 ? { drillId: randomUUID() } : {}),
    },
  ];
  for (let k = 0; k < length; k++) {
    const now = new Date(clock.now().getTime() + (k + 1) * 1000);
    const roll = next();
    if (roll < 0.4)
      commands.push({
        type: 'UpdateSituation',
        casualties: { minorInjuries: Math.floor(next() * 20), missing: Math.floor(next() * 2) },
        measures: `措施 ${k}`,
        now,
        policyFor: () => policy,
      });
    else if (roll < 0.55)
      commands.push({ type: 'SetResponseLevel', level: pick(LEVELS), reason: '研判', decidedBy: '指挥长', now });
    else if (roll < 0.7)
      commands.push({ type: 'AssignTeam', teamId: pick(teams), teamName: '救援队', task: '灭火', dispatchedAt: now });
    else if (roll < 0.85)
      commands.push({
        type: 'RecordAssignedTeamStatus',
        teamId: pick(teams),
        teamName: '救援队',
        status: pick(['en_route', 'on_scene', 'returning']),
        at: now,
      });
    else if (roll < 0.97)
      commands.push({ type: 'PassReportUp', toLevel: 'city', channel: '电话', reportedBy: '值班员', now });
    else commands.push({ type: 'CloseIncident', summary: '处置完毕', now });
  }
  return commands;
}

describe('incident snapshots', () => {
  const store = new PostgresEventStore({ connectionString: process.env.DATABASE_URL!, log: () => undefined });
  const sql = new Pool({ connectionString: process.env.DATABASE_URL! });
  const snapshots = new PostgresSnapshotStore({
    query: (text: string, params: unknown[]) => sql.query(text, params).then((r) => r.rows),
  } as unknown as DataSource);
  const clock = new ManualClock(new Date('2026-11-22T06:00:00Z'));
  const context = () => ({ correlationId: randomUUID(), causationId: randomUUID(), actorId: 'tester' });
  const version = incidentDecider.snapshotting!.version;
  // The policy's own version, a shorter distance between snapshots: what is tested is the state's round trip.
  const decider = { ...incidentDecider, snapshotting: { version, every: 10 } };
  afterAll(async () => {
    await store.close();
    await sql.end();
  });

  /** Runs the commands one by one through the write path (which takes the snapshots); refused ones append nothing. */
  async function record(stream: string, commands: IncidentCommand[]): Promise<void> {
    for (const command of commands) {
      await handleCommand({ store, clock, snapshots }, decider, stream, command, context()).catch((error: unknown) => {
        if (!(error instanceof Error) || !('code' in error)) throw error;
      });
    }
  }

  it.each([1, 2, 3, 4, 5, 6])('loading from a snapshot equals loading the whole stream (history %i)', async (seed) => {
    const stream = `incident-${randomUUID()}`;
    const every = decider.snapshotting.every;
    await record(stream, history(seed, every * 2 + seed * 7, clock));
    const snapshot = await snapshots.load(stream, version);
    expect(snapshot).toBeDefined();
    const fromSnapshot = await load(store, decider, stream, snapshots);
    const whole = await load(store, incidentDecider, stream);
    expect(fromSnapshot.base?.revision).toBe(snapshot!.revision);
    expect(fromSnapshot.recorded.length).toBeLessThan(whole.recorded.length);
    expect(fromSnapshot.revision).toBe(whole.revision);
    expect(fromSnapshot.state).toStrictEqual(whole.state);
  });

  it('a snapshot of an older state shape is ignored once the version is bumped', async () => {
    const stream = `incident-${randomUUID()}`;
    await record(stream, history(7, 10, clock));
    const whole = await load(store, incidentDecider, stream);
    // A snapshot in a shape the current state no longer has, covering the whole stream.
    await snapshots.save(stream, version, { revision: whole.revision!, state: { status: 'open', shapeOfOld: true } });
    expect((await load(store, decider, stream, snapshots)).state).toEqual({ status: 'open', shapeOfOld: true });
    const bumped = { ...decider, snapshotting: { ...decider.snapshotting, version: version + 1 } };
    const loaded = await load(store, bumped, stream, snapshots);
    expect(loaded.base).toBeUndefined();
    expect(loaded.state).toStrictEqual(whole.state);
  });
});

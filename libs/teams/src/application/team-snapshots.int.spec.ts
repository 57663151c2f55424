import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@app/event-store';
import { handleCommand, load } from '@app/event-sourcing';
import { PostgresSnapshotStore } from '@app/event-sourcing/projections';
import { ManualClock } from '@app/shared';
import { teamDecider, type TeamCommand } from '../domain';

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

/** A registration and then `length` commands of every kind the state keeps, some of them refused by the decider. */
function history(seed: number, length: number, clock: ManualClock): TeamCommand[] {
  const next = random(seed);
  const at = (k: number) => new Date(clock.now().getTime() + (k + 1) * 1000);
  const commands: TeamCommand[] = [
    {
      type: 'RegisterTeam',
      teamId: randomUUID(),
      name: '快照测试队伍',
      kind: 'professional',
      specialties: ['fire'],
      headcount: 10,
      equipment: [],
      base: { address: '驻地', lat: 37.5, lng: 105.2 },
      jurisdiction: '640502',
      contact: { name: '联系人', phone: '0955-0000000' },
      now: clock.now(),
    },
  ];
  const drillId = randomUUID();
  for (let k = 0; commands.length <= length; k++) {
    const roll = next();
    if (roll < 0.1) commands.push({ type: 'UpdateTeamProfile', headcount: 5 + Math.floor(next() * 20), now: at(k) });
    else if (roll < 0.15) {
      commands.push({ type: 'TakeTeamIntoDrill', drillId, now: at(k) });
      commands.push({ type: 'ReleaseTeamFromDrill', drillId, reason: 'drill_ended', now: at(k) });
    } else {
      commands.push({ type: 'DispatchTeam', incidentId: randomUUID(), task: '救援', now: at(k) });
      const location = { lat: 37 + next(), lng: 105 + next() };
      for (const status of ['en_route', 'on_scene', 'returning', 'available'] as const)
        commands.push({ type: 'ReportTeamStatus', status, ...(next() < 0.5 ? { location } : {}), now: at(k) });
    }
  }
  return commands;
}

describe('team snapshots', () => {
  const store = new PostgresEventStore({ connectionString: process.env.DATABASE_URL!, log: () => undefined });
  const sql = new Pool({ connectionString: process.env.DATABASE_URL! });
  const snapshots = new PostgresSnapshotStore({
    query: (text: string, params: unknown[]) => sql.query(text, params).then((r) => r.rows),
  } as unknown as DataSource);
  const clock = new ManualClock(new Date('2026-11-22T06:00:00Z'));
  const context = () => ({ correlationId: randomUUID(), causationId: randomUUID(), actorId: 'tester' });
  const version = teamDecider.snapshotting!.version;
  // The policy's own version, a shorter distance between snapshots: what is tested is the state's round trip.
  const decider = { ...teamDecider, snapshotting: { version, every: 10 } };
  afterAll(async () => {
    await store.close();
    await sql.end();
  });

  /** Runs the commands one by one through the write path (which takes the snapshots); refused ones append nothing. */
  async function record(stream: string, commands: TeamCommand[]): Promise<void> {
    for (const command of commands) {
      await handleCommand({ store, clock, snapshots }, decider, stream, command, context()).catch((error: unknown) => {
        if (!(error instanceof Error) || !('code' in error)) throw error;
      });
    }
  }

  it.each([1, 2, 3, 4])('loading from a snapshot equals loading the whole stream (history %i)', async (seed) => {
    const stream = `team-${randomUUID()}`;
    const every = decider.snapshotting.every;
    await record(stream, history(seed, every * 2 + seed * 7, clock));
    const snapshot = await snapshots.load(stream, version);
    expect(snapshot).toBeDefined();
    const fromSnapshot = await load(store, decider, stream, snapshots);
    const whole = await load(store, teamDecider, stream);
    expect(fromSnapshot.base?.revision).toBe(snapshot!.revision);
    expect(fromSnapshot.recorded.length).toBeLessThan(whole.recorded.length);
    expect(fromSnapshot.revision).toBe(whole.revision);
    expect(fromSnapshot.state).toStrictEqual(whole.state);
  });

  it('a snapshot of an older state shape is ignored once the version is bumped', async () => {
    const stream = `team-${randomUUID()}`;
    await record(stream, history(7, 10, clock));
    const whole = await load(store, teamDecider, stream);
    // A snapshot in a shape the current state no longer has, covering the whole stream.
    await snapshots.save(stream, version, {
      revision: whole.revision!,
      state: { status: 'available', shapeOfOld: true },
    });
    expect((await load(store, decider, stream, snapshots)).state).toEqual({
      status: 'available',
      shapeOfOld: true,
    });
    const bumped = { ...decider, snapshotting: { ...decider.snapshotting, version: version + 1 } };
    const loaded = await load(store, bumped, stream, snapshots);
    expect(loaded.base).toBeUndefined();
    expect(loaded.state).toStrictEqual(whole.state);
  });
});

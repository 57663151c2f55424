import { randomUUID } from 'node:crypto';
import { describeSnapshotRoundTrip, seededRandom } from '@app/event-sourcing/testing/projections';
import type { ManualClock } from '@app/shared';
import { teamDecider, type TeamCommand } from '../domain';

/** A registration and then `length` commands of every kind the state keeps, some of them refused by the decider. */
function history(seed: number, length: number, clock: ManualClock): TeamCommand[] {
  const next = seededRandom(seed);
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
  describeSnapshotRoundTrip({
    decider: { ...teamDecider, snapshotting: teamDecider.snapshotting! },
    category: 'team',
    history,
    seeds: [1, 2, 3, 4],
    oldShape: { status: 'available', shapeOfOld: true },
  });
});

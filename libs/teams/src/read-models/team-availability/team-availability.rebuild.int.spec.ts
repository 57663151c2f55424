import { randomUUID } from 'node:crypto';
import { decidedEvents, projectLiveAndRebuilt } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry } from '@app/shared';
import type { TeamCommand } from '../../domain/team/team.commands';
import { teamDecider } from '../../domain/team/team.decider';
import { TeamAvailabilityRow } from './team-availability.entity';
import { TeamAvailabilityProjection } from './team-availability.projection';

/**
 * Team availability folds a batch per row: rebuilt in large batches (a team's whole history in one), its rows must
 * equal what it wrote live in batches of three — dispatches, every status report with a location, profile changes,
 * drills taken into and released from.
 */
const now = new Date('2026-11-01T08:00:00Z');
const at = (minutes: number): Date => new Date(now.getTime() + minutes * 60_000);

function teamHistory(k: number): [string, ReturnType<typeof decidedEvents>] {
  const teamId = randomUUID();
  const commands: TeamCommand[] = [
    {
      type: 'RegisterTeam',
      teamId,
      name: `比对队伍 ${k}`,
      kind: 'professional',
      specialties: ['fire'],
      headcount: 10 + k,
      equipment: [],
      base: { address: '驻地', lat: 37.5, lng: 105.2 },
      jurisdiction: k % 2 === 0 ? '640502' : '640521',
      contact: { name: '联系人', phone: '0955-0000000' },
      now,
    },
  ];
  for (let cycle = 0; cycle < 6; cycle++) {
    const minute = cycle * 10;
    commands.push({ type: 'DispatchTeam', incidentId: randomUUID(), task: `任务 ${cycle}`, now: at(minute) });
    for (const [i, status] of (['en_route', 'on_scene', 'returning', 'available'] as const).entries())
      commands.push({
        type: 'ReportTeamStatus',
        status,
        location: { lat: 37.5 + cycle / 100, lng: 105.2 + i / 100 },
        now: at(minute + i + 1),
      });
    if (cycle === 2) commands.push({ type: 'UpdateTeamProfile', headcount: 20 + k, now: at(minute + 6) });
    if (cycle === 4) {
      const drillId = randomUUID();
      commands.push({ type: 'TakeTeamIntoDrill', drillId, now: at(minute + 7) });
      commands.push({ type: 'ReleaseTeamFromDrill', drillId, reason: 'drill_ended', now: at(minute + 8) });
    }
  }
  return [`team-${teamId}`, decidedEvents(teamDecider, commands, k % 2 === 0 ? '640502' : '640521')];
}

describe('team availability: rebuilt in large batches equals live in small ones', () => {
  it('writes the same rows, and no deltas while rebuilding', async () => {
    const { live, rebuilt } = await projectLiveAndRebuilt({
      projections: () => [new TeamAvailabilityProjection(new JurisdictionRegistry())],
      entities: [TeamAvailabilityRow],
      history: [0, 1, 2, 3, 4].map(teamHistory),
      tables: ['team_availability'],
    });
    expect(live.rows['team_availability']!.length).toBe(5);
    expect(rebuilt.rows).toEqual(live.rows);
    expect(live.largestBatch).toBeLessThanOrEqual(3);
    expect(rebuilt.largestBatch).toBeGreaterThan(50);
    expect(live.deltas).toBeGreaterThan(0);
    expect(rebuilt.deltas).toBe(0);
  }, 120_000);
});

import { randomUUID } from 'node:crypto';
import { describeSnapshotRoundTrip, seededRandom } from '@app/event-sourcing/testing/projections';
import type { ManualClock } from '@app/shared';
import { incidentDecider, type IncidentCommand, type ResponseLevel } from '../domain';

const policy = { countMissingAsDeaths: true };
const LEVELS: ResponseLevel[] = ['IV', 'III', 'II', 'I'];

/** A report and then `length` follow-ups of every kind the state keeps, some of them refused by the decider. */
function history(seed: number, length: number, clock: ManualClock): IncidentCommand[] {
  const next = seededRandom(seed);
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
  describeSnapshotRoundTrip({
    decider: { ...incidentDecider, snapshotting: incidentDecider.snapshotting! },
    category: 'incident',
    history,
    seeds: [1, 2, 3, 4, 5, 6],
    oldShape: { status: 'open', shapeOfOld: true },
  });
});

import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@app/event-store';
import { incidentDecider } from '@app/incidents/domain';
import { teamDecider } from '@app/teams/domain';
import { appendAll, decideAll, registerTeam, type TeamCommand } from '../rebuild/rebuild.events';

// The cold-start bench's history: incidents with follow-ups, and teams with a long history of dispatches to those
// incidents and status reports (the dispatch process manager's work), made by the contexts' own pure deciders.

const JURISDICTIONS = ['640502', '640521', '640522', '640571'];
const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };

export interface HistorySize {
  incidents: number;
  followUps: number;
  teams: number;
  /** Dispatch cycles per team: a dispatch and four status reports each. */
  cycles: number;
}

/** Incidents first (a dispatch must find its incident), then every team's whole history. */
export function* history(size: HistorySize, at: Date): Generator<[string, EventToAppend[]]> {
  const incidentIds: string[] = [];
  const policy = { countMissingAsDeaths: true };
  for (let i = 0; i < size.incidents; i++) {
    const jurisdiction = JURISDICTIONS[i % JURISDICTIONS.length]!;
    const incidentId = randomUUID();
    incidentIds.push(incidentId);
    const commands: Parameters<typeof incidentDecider.decide>[0][] = [
      {
        type: 'ReportIncident',
        incidentId,
        title: `冷启动压测事故 ${i}`,
        category: 'fire',
        occurredAt: new Date(at.getTime() - 60_000),
        location: { address: '压测地址', lat: 37.5, lng: 105.2 },
        jurisdiction,
        reporter: { name: '报告人', phone: '0955-0000000', organization: '单位' },
        casualties: none,
        description: '压测',
        takenBy: '值班员',
        now: at,
        policy,
      },
    ];
    for (let k = 0; k < size.followUps; k++)
      commands.push({
        type: 'UpdateSituation',
        casualties: { minorInjuries: k + 1 },
        measures: `措施 ${k}`,
        now: new Date(at.getTime() + (k + 1) * 1000),
        policyFor: () => policy,
      });
    yield [`incident-${incidentId}`, decideAll(incidentDecider as never, commands, jurisdiction)];
  }
  for (let i = 0; i < size.teams; i++) {
    const jurisdiction = JURISDICTIONS[i % JURISDICTIONS.length]!;
    const teamId = randomUUID();
    const commands: TeamCommand[] = [registerTeam(i, teamId, jurisdiction, at)];
    for (let c = 0; c < size.cycles; c++) {
      commands.push({ type: 'DispatchTeam', incidentId: incidentIds[(i * 7 + c) % incidentIds.length]!, now: at });
      for (const status of ['en_route', 'on_scene', 'returning', 'available'] as const)
        commands.push({ type: 'ReportTeamStatus', status, now: at });
    }
    yield [`team-${teamId}`, decideAll(teamDecider as never, commands, jurisdiction)];
  }
}

export { appendAll };

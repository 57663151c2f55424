import { randomUUID } from 'node:crypto';
import type { EventToAppend, PostgresEventStore } from '@app/event-store';
import { fold, type Decider } from '@app/event-sourcing';
import { incidentDecider } from '@app/incidents/domain';
import { teamDecider } from '@app/teams/domain';

// The cold-start bench's history: incidents with follow-ups, and teams with a long history of dispatches to those
// incidents and status reports (the dispatch process manager's work), made by the contexts' own pure deciders.

const JURISDICTIONS = ['640502', '640521', '640522', '640571'];
const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };

function decideAll<C>(decider: Decider<C, never, unknown>, commands: C[], jurisdiction: string): EventToAppend[] {
  const events: { type: string; data: unknown }[] = [];
  for (const command of commands)
    events.push(...(decider.decide(command, fold(decider, events as never[])) as { type: string; data: unknown }[]));
  return events.map((e) => ({
    id: randomUUID(),
    type: e.type,
    data: e.data,
    metadata: {
      correlationId: 'bench',
      causationId: 'bench',
      actorId: 'bench',
      actorName: '压测',
      jurisdiction,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  }));
}

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
    const commands: Parameters<typeof teamDecider.decide>[0][] = [
      {
        type: 'RegisterTeam',
        teamId,
        name: `压测队伍 ${i}`,
        kind: 'professional',
        specialties: ['fire'],
        headcount: 10,
        equipment: [],
        base: { address: '驻地', lat: 37.5, lng: 105.2 },
        jurisdiction,
        contact: { name: '联系人', phone: '0955-0000000' },
        now: at,
      },
    ];
    for (let c = 0; c < size.cycles; c++) {
      commands.push({ type: 'DispatchTeam', incidentId: incidentIds[(i * 7 + c) % incidentIds.length]!, now: at });
      for (const status of ['en_route', 'on_scene', 'returning', 'available'] as const)
        commands.push({ type: 'ReportTeamStatus', status, now: at });
    }
    yield [`team-${teamId}`, decideAll(teamDecider as never, commands, jurisdiction)];
  }
}

/** Appends of at most 100 events, 16 streams in flight; answers the number of events written. */
export async function appendAll(
  store: PostgresEventStore,
  streams: Iterable<[string, EventToAppend[]]>,
): Promise<number> {
  let written = 0;
  const queue: Promise<void>[] = [];
  for (const [stream, events] of streams) {
    queue.push(
      (async () => {
        for (let k = 0; k < events.length; k += 100) await store.append(stream, events.slice(k, k + 100), 'any');
        written += events.length;
      })(),
    );
    if (queue.length >= 16) await queue.shift();
  }
  await Promise.all(queue);
  return written;
}

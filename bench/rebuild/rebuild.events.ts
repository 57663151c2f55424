import { randomUUID } from 'node:crypto';
import type { EventToAppend, PostgresEventStore } from '@app/event-store';
import { fold, type Decider } from '@app/event-sourcing';
import { incidentDecider, type IncidentState } from '@app/incidents/domain';
import { teamDecider, type TeamState } from '@app/teams/domain';
import { warehouseDecider, type WarehouseState } from '@app/warehouses';

// The rebuild bench's data: real events of incidents, teams and warehouses made by the contexts' own pure deciders,
// and the appends that store them.

const JURISDICTIONS = ['640502', '640521', '640522', '640571'];
const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };
const metadata = (jurisdiction: string) => ({
  correlationId: 'bench',
  causationId: 'bench',
  actorId: 'bench',
  actorName: '压测',
  jurisdiction,
  occurredAt: new Date().toISOString(),
  schemaVersion: 1,
});

/** Runs commands through a decider in memory and returns the events, ready to append. */
export function decideAll<C, E extends { type: string; data: unknown }, S>(
  decider: Decider<C, E, S>,
  commands: C[],
  jurisdiction: string,
): EventToAppend[] {
  const events: E[] = [];
  for (const command of commands) events.push(...decider.decide(command, fold(decider, events)));
  return events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: metadata(jurisdiction) }));
}

export function incidentStreamEvents(i: number, followUps: number, at: Date): EventToAppend[] {
  const jurisdiction = JURISDICTIONS[i % JURISDICTIONS.length]!;
  const policy = { countMissingAsDeaths: true };
  const commands: Parameters<typeof incidentDecider.decide>[0][] = [
    {
      type: 'ReportIncident',
      incidentId: randomUUID(),
      title: `压测事故 ${i}`,
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
  for (let k = 0; k < followUps; k++) {
    commands.push({
      type: 'UpdateSituation',
      casualties: { minorInjuries: k + 1 },
      measures: `措施 ${k}`,
      now: new Date(at.getTime() + (k + 1) * 1000),
      policyFor: () => policy,
    });
  }
  return decideAll<Parameters<typeof incidentDecider.decide>[0], IncidentEventLike, IncidentState>(
    incidentDecider as never,
    commands,
    jurisdiction,
  );
}
type IncidentEventLike = { type: string; data: unknown };

export type TeamCommand = Parameters<typeof teamDecider.decide>[0];

/** The benches' team number i, registered in `jurisdiction`: a fire team of ten. */
export function registerTeam(i: number, teamId: string, jurisdiction: string, at: Date): TeamCommand {
  return {
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
  };
}

export function teamStreamEvents(i: number, cycles: number, at: Date): EventToAppend[] {
  const jurisdiction = JURISDICTIONS[i % JURISDICTIONS.length]!;
  const teamId = randomUUID();
  const commands: TeamCommand[] = [registerTeam(i, teamId, jurisdiction, at)];
  for (let c = 0; c < cycles; c++) {
    commands.push({ type: 'DispatchTeam', incidentId: randomUUID(), now: at });
    for (const status of ['en_route', 'on_scene', 'returning', 'available'] as const)
      commands.push({ type: 'ReportTeamStatus', status, now: at });
  }
  return decideAll<Parameters<typeof teamDecider.decide>[0], IncidentEventLike, TeamState>(
    teamDecider as never,
    commands,
    jurisdiction,
  );
}

export function warehouseStreamEvents(i: number, receipts: number, at: Date): EventToAppend[] {
  const jurisdiction = JURISDICTIONS[i % JURISDICTIONS.length]!;
  const commands: Parameters<typeof warehouseDecider.decide>[0][] = [
    {
      type: 'RegisterWarehouse',
      warehouseId: randomUUID(),
      name: `压测储备库 ${i}`,
      level: 'county',
      reserveKind: 'physical',
      jurisdiction,
      location: { address: '库址', lat: 37.5, lng: 105.2 },
      now: at,
    },
  ];
  for (let r = 0; r < receipts; r++)
    commands.push({
      type: 'ReceiveStock',
      receiptId: randomUUID(),
      items: [{ materialCode: '1010101', quantity: 10, batch: `B${r}`, expiresAt: null }],
      now: at,
    });
  return decideAll<Parameters<typeof warehouseDecider.decide>[0], IncidentEventLike, WarehouseState>(
    warehouseDecider as never,
    commands,
    jurisdiction,
  );
}

export async function appendAll(
  store: PostgresEventStore,
  streams: AsyncIterable<[string, EventToAppend[]]> | Iterable<[string, EventToAppend[]]>,
): Promise<number> {
  let written = 0;
  const queue: Promise<void>[] = [];
  for await (const [stream, events] of streams) {
    // Appends of at most 100 events; 16 in flight.
    const job = (async () => {
      for (let k = 0; k < events.length; k += 100) await store.append(stream, events.slice(k, k + 100), 'any');
      written += events.length;
    })();
    queue.push(job);
    if (queue.length >= 16) await queue.shift();
  }
  await Promise.all(queue);
  return written;
}

/** About `total` events in streams of every kind the rebuild replays. */
export function* generated(at: Date, total: number): Generator<[string, EventToAppend[]]> {
  // About 60% incident events (12 per incident), 20% team events (1 + 5 per cycle), 20% warehouse events.
  const incidents = Math.round((total * 0.6) / 12);
  const teams = Math.max(1, Math.round((total * 0.2) / 101));
  const warehouses = Math.max(1, Math.round((total * 0.2) / 201));
  for (let i = 0; i < incidents; i++) {
    const events = incidentStreamEvents(i, 11, at);
    yield [`incident-${(events[0]!.data as { incidentId: string }).incidentId}`, events];
  }
  for (let i = 0; i < teams; i++) {
    const events = teamStreamEvents(i, 20, at);
    yield [`team-${(events[0]!.data as { teamId: string }).teamId}`, events];
  }
  for (let i = 0; i < warehouses; i++) {
    const events = warehouseStreamEvents(i, 200, at);
    yield [`warehouse-${(events[0]!.data as { warehouseId: string }).warehouseId}`, events];
  }
}

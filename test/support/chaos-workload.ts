import { randomUUID } from 'node:crypto';
import type { Answer, ChaosClient } from './chaos-client';
import { incidentBody } from './incident-fixtures';

export const TENT = '1010101';
export const SUIT = '2010102';

/** Where a status report may move a team (what a crew on the radio would report next). */
const NEXT: Record<string, string[]> = {
  available: ['out_of_service'],
  dispatched: ['en_route', 'returning'],
  en_route: ['on_scene', 'returning'],
  on_scene: ['returning'],
  returning: ['available'],
  out_of_service: ['available'],
};
const REPORTABLE = ['en_route', 'on_scene', 'returning', 'available', 'out_of_service'];

/**
 * What the workers believe, from the answers they got (as a console does): it lags behind what other workers did,
 * so some commands are refused (a busy team, stock already taken), which is part of the load.
 */
export class ChaosWorld {
  readonly teamStatus = new Map<string, string>();
  readonly openIncidents: string[] = [];
  readonly allocations = new Map<string, { warehouseId: string; status: string }>();

  constructor(
    readonly teams: string[],
    readonly warehouses: string[],
    readonly random: () => number,
  ) {
    for (const team of teams) this.teamStatus.set(team, 'available');
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[Math.floor(this.random() * items.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  availableTeam(): string | undefined {
    const available = this.teams.filter((t) => this.teamStatus.get(t) === 'available');
    return this.chance(0.85) ? (this.pick(available) ?? this.pick(this.teams)) : this.pick(this.teams);
  }
}

/**
 * One worker: an endless loop of commands over real HTTP on teams, warehouses, allocations and incidents, each with
 * its own Idempotency-Key, until `running()` turns false. Closing an incident is raced on purpose against a dispatch
 * and an allocation to the same incident.
 */
export async function runWorker(client: ChaosClient, world: ChaosWorld, running: () => boolean): Promise<void> {
  while (running()) {
    const roll = world.random();
    if (world.openIncidents.length < 4) await report(client, world);
    else if (roll < 0.2) await dispatch(client, world, world.pick(world.openIncidents)!);
    else if (roll < 0.45) await reportStatus(client, world);
    else if (roll < 0.53) await receive(client, world);
    else if (roll < 0.68) await allocate(client, world, world.pick(world.openIncidents)!);
    else if (roll < 0.9) await moveAllocation(client, world);
    else if (roll < 0.95) await closeWhileDispatching(client, world);
    else await report(client, world);
  }
}

async function report(client: ChaosClient, world: ChaosWorld): Promise<void> {
  const answer = await client.command('report', '/api/v1/incidents', incidentBody(), (b) => `incident-${String(b.id)}`);
  if (answer.status === 201) world.openIncidents.push(answer.body.id as string);
}

async function dispatch(client: ChaosClient, world: ChaosWorld, incidentId: string): Promise<void> {
  const team = world.availableTeam()!;
  const answer = await client.command(
    'dispatch',
    `/api/v1/teams/${team}/dispatch`,
    { incidentId, task: '堵漏' },
    () => `team-${team}`,
  );
  await learnTeam(client, world, team, answer);
}

async function reportStatus(client: ChaosClient, world: ChaosWorld): Promise<void> {
  const team = world.pick(world.teams)!;
  const believed = world.teamStatus.get(team) ?? 'available';
  // Mostly a legal next move; sometimes any status (a stale console, a mistaken crew), which is refused or a no-op.
  const status = world.chance(0.85) ? (world.pick(NEXT[believed] ?? []) ?? 'available') : world.pick(REPORTABLE)!;
  const answer = await client.command(
    'status',
    `/api/v1/teams/${team}/status`,
    { status, ...(world.chance(0.3) ? { location: { lat: 37.5 + world.random() / 10, lng: 105.1 } } : {}) },
    () => `team-${team}`,
  );
  await learnTeam(client, world, team, answer);
}

/** After an answer the worker knows the team's status; after a refusal it looks the team up, as a console would. */
async function learnTeam(client: ChaosClient, world: ChaosWorld, team: string, answer: Answer): Promise<void> {
  if (answer.status < 300 && typeof answer.body.status === 'string') world.teamStatus.set(team, answer.body.status);
  else if (answer.status >= 400) {
    const view = await client.get(`/api/v1/teams/${team}`);
    if (typeof view.body.status === 'string') world.teamStatus.set(team, view.body.status);
  }
}

async function receive(client: ChaosClient, world: ChaosWorld): Promise<void> {
  const warehouse = world.pick(world.warehouses)!;
  const items = [{ materialCode: world.chance(0.5) ? TENT : SUIT, quantity: 5 + Math.floor(world.random() * 25) }];
  await client.command(
    'receive',
    `/api/v1/warehouses/${warehouse}/receipts`,
    { items },
    () => `warehouse-${warehouse}`,
  );
}

async function allocate(client: ChaosClient, world: ChaosWorld, incidentId: string): Promise<void> {
  const warehouse = world.pick(world.warehouses)!;
  // Some beyond what is left: all lines or none, refused with 409 INSUFFICIENT_STOCK.
  const items = [{ materialCode: world.chance(0.5) ? TENT : SUIT, quantity: 1 + Math.floor(world.random() * 30) }];
  if (world.chance(0.3)) items.push({ materialCode: items[0]!.materialCode === TENT ? SUIT : TENT, quantity: 2 });
  const answer = await client.command(
    'allocate',
    `/api/v1/warehouses/${warehouse}/allocations`,
    { incidentId, items },
    () => `warehouse-${warehouse}`,
  );
  if (answer.status < 300 && typeof answer.body.allocationId === 'string')
    world.allocations.set(answer.body.allocationId, { warehouseId: warehouse, status: 'reserved' });
}

async function moveAllocation(client: ChaosClient, world: ChaosWorld): Promise<void> {
  const open = [...world.allocations].filter(([, a]) => a.status === 'reserved' || a.status === 'shipped');
  const picked = world.pick(open);
  if (!picked) return receive(client, world);
  const [id, allocation] = picked;
  const to =
    allocation.status === 'reserved'
      ? world.chance(0.7)
        ? 'ship'
        : 'cancel'
      : world.chance(0.75)
        ? 'deliver'
        : 'cancel';
  const answer = await client.command(
    to,
    `/api/v1/warehouses/${allocation.warehouseId}/allocations/${id}/${to}`,
    to === 'cancel' ? { reason: '改由县库调拨' } : {},
    () => `warehouse-${allocation.warehouseId}`,
  );
  const moved = { ship: 'shipped', deliver: 'delivered', cancel: 'cancelled' }[to];
  // A refusal means someone else moved it on (or the closed incident cancelled it): forget it.
  allocation.status = answer.status < 300 ? moved : 'gone';
}

/** 结案 while a dispatch and an allocation to the same incident are in flight: the race the close must win cleanly. */
async function closeWhileDispatching(client: ChaosClient, world: ChaosWorld): Promise<void> {
  const index = Math.floor(world.random() * world.openIncidents.length);
  const [incidentId] = world.openIncidents.splice(index, 1);
  if (!incidentId) return;
  await Promise.all([
    client.command(
      'close',
      `/api/v1/incidents/${incidentId}/close`,
      { summary: `处置完毕 ${randomUUID().slice(0, 4)}` },
      () => `incident-${incidentId}`,
    ),
    dispatch(client, world, incidentId),
    allocate(client, world, incidentId),
  ]);
}

/** A small seeded generator, so that a run's choices can be repeated with the seed it printed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export function teamBody(i: number): Record<string, unknown> {
  return {
    name: `混沌测试救援队 ${i} ${randomUUID().slice(0, 4)}`,
    kind: 'professional',
    specialties: ['hazardous_chemicals'],
    headcount: 20,
    equipment: ['防化服'],
    base: { address: '中卫工业园区（测试）', lat: 37.53, lng: 105.15 },
    jurisdiction: '640571',
    contact: { name: '李强', phone: '0955-0000002' },
  };
}

export function warehouseBody(i: number): Record<string, unknown> {
  return {
    name: `混沌测试储备库 ${i} ${randomUUID().slice(0, 4)}`,
    level: 'city',
    location: { address: '中卫市（测试）', lat: 37.51, lng: 105.19 },
    jurisdiction: '640500',
    reserveKind: 'physical',
  };
}

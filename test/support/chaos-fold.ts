/**
 * What the stored events say, folded here without the application's code (its evolve functions are what is being
 * checked): each team's status and incident, each warehouse's stock and allocations, each incident's state and
 * assigned teams, plus every rule an event broke on the way (a violation is a sentence naming stream and revision).
 */
export interface StoredEvent {
  stream_name: string;
  stream_revision: string;
  event_type: string;
  data: Record<string, unknown>;
}

const COMMITTED = new Set(['dispatched', 'en_route', 'on_scene']);

export interface TeamFold {
  status: string;
  incidentId: string | null;
}

export interface AllocationFold {
  warehouseId: string;
  incidentId: string;
  items: { materialCode: string; quantity: number }[];
  status: string;
}

export interface WarehouseFold {
  stock: Map<string, { onHand: number; reserved: number }>;
  allocations: Map<string, AllocationFold>;
}

export interface IncidentFold {
  closed: boolean;
  assignedTeams: Map<string, string>;
}

/** One dispatch as the team's stream holds it, or its record on the incident (the process manager's `TeamAssigned`). */
export interface DispatchFact {
  teamId: string;
  incidentId: string;
  dispatchedAt: string;
}

export interface Fold {
  teams: Map<string, TeamFold>;
  warehouses: Map<string, WarehouseFold>;
  incidents: Map<string, IncidentFold>;
  dispatches: DispatchFact[];
  assignments: DispatchFact[];
  violations: string[];
}

const idOf = (stream: string): string => stream.slice(stream.indexOf('-') + 1);

/** Folds events given in stream order (by stream, then revision). */
export function foldEvents(events: readonly StoredEvent[]): Fold {
  const fold: Fold = {
    teams: new Map(),
    warehouses: new Map(),
    incidents: new Map(),
    dispatches: [],
    assignments: [],
    violations: [],
  };
  for (const event of events) {
    const at = `${event.stream_name}@${event.stream_revision} ${event.event_type}`;
    const category = event.stream_name.slice(0, event.stream_name.indexOf('-'));
    if (category === 'team') foldTeam(fold, idOf(event.stream_name), event, at);
    if (category === 'warehouse') foldWarehouse(fold, idOf(event.stream_name), event, at);
    if (category === 'incident') foldIncident(fold, idOf(event.stream_name), event);
  }
  return fold;
}

function foldTeam(fold: Fold, id: string, event: StoredEvent, at: string): void {
  const d = event.data;
  const team = fold.teams.get(id);
  if (event.event_type === 'TeamRegistered') return void fold.teams.set(id, { status: 'available', incidentId: null });
  if (!team) return void fold.violations.push(`${at}: an event before the team was registered`);
  if (event.event_type === 'TeamDispatched') {
    // One incident at a time: only an available team may be dispatched.
    if (team.status !== 'available')
      fold.violations.push(`${at}: dispatched to ${String(d.incidentId)} while ${team.status} for ${team.incidentId}`);
    team.status = 'dispatched';
    team.incidentId = d.incidentId as string;
    fold.dispatches.push({ teamId: id, incidentId: team.incidentId, dispatchedAt: d.dispatchedAt as string });
  } else if (event.event_type === 'TeamStatusReported' || event.event_type === 'TeamDispatchWithdrawn') {
    // A withdrawn dispatch (its incident had ended before the dispatch reached it) moves the team as a report does.
    if (d.from !== team.status) fold.violations.push(`${at}: moved from ${String(d.from)} but was ${team.status}`);
    team.status = d.status as string;
    if (team.status === 'available' || team.status === 'out_of_service') team.incidentId = null;
  } else if (event.event_type === 'TeamTakenIntoDrill') team.status = 'in_drill';
  else if (event.event_type === 'TeamReleasedFromDrill') team.status = 'available';
  // A type this fold does not know may move the team: say so rather than fold it wrongly.
  else if (event.event_type !== 'TeamProfileUpdated')
    fold.violations.push(`${at}: a team event this check does not know`);
}

function foldWarehouse(fold: Fold, id: string, event: StoredEvent, at: string): void {
  const d = event.data;
  if (event.event_type === 'WarehouseRegistered')
    return void fold.warehouses.set(id, { stock: new Map(), allocations: new Map() });
  const warehouse = fold.warehouses.get(id);
  if (!warehouse) return void fold.violations.push(`${at}: an event before the warehouse was registered`);
  const line = (code: string) => {
    const found = warehouse.stock.get(code) ?? { onHand: 0, reserved: 0 };
    warehouse.stock.set(code, found);
    return found;
  };
  const items = (d.items ?? []) as { materialCode: string; quantity: number }[];
  switch (event.event_type) {
    case 'StockReceived':
      for (const item of items) line(item.materialCode).onHand += item.quantity;
      break;
    case 'StockCounted':
      line(d.materialCode as string).onHand = d.counted as number;
      break;
    case 'StockAllocated':
      for (const item of items) line(item.materialCode).reserved += item.quantity;
      warehouse.allocations.set(d.allocationId as string, {
        warehouseId: id,
        incidentId: d.incidentId as string,
        items,
        status: 'reserved',
      });
      break;
    case 'AllocationStatusChanged': {
      const allocation = warehouse.allocations.get(d.allocationId as string);
      if (!allocation) return void fold.violations.push(`${at}: moves an unknown allocation`);
      if (allocation.status !== d.from)
        fold.violations.push(`${at}: moved from ${String(d.from)} but was ${allocation.status}`);
      for (const item of allocation.items) {
        const l = line(item.materialCode);
        if (d.status === 'shipped') {
          l.onHand -= item.quantity;
          l.reserved -= item.quantity;
        } else if (d.status === 'cancelled' && allocation.status === 'reserved') l.reserved -= item.quantity;
        else if (d.status === 'cancelled' && allocation.status === 'shipped') l.onHand += item.quantity;
      }
      allocation.status = d.status as string;
      break;
    }
    case 'MinimumLevelSet':
      break;
    default:
      fold.violations.push(`${at}: a warehouse event this check does not know`);
  }
  // Never negative, never more reserved than on hand, after every single event.
  for (const [code, l] of warehouse.stock)
    if (l.onHand < 0 || l.reserved < 0 || l.reserved > l.onHand)
      fold.violations.push(`${at}: ${code} on hand ${l.onHand}, reserved ${l.reserved}`);
}

function foldIncident(fold: Fold, id: string, event: StoredEvent): void {
  const d = event.data;
  if (event.event_type === 'IncidentReported')
    return void fold.incidents.set(id, { closed: false, assignedTeams: new Map() });
  const incident = fold.incidents.get(id);
  if (!incident) return;
  if (event.event_type === 'IncidentClosed') incident.closed = true;
  if (event.event_type === 'TeamAssigned') {
    incident.assignedTeams.set(d.teamId as string, 'dispatched');
    fold.assignments.push({ teamId: d.teamId as string, incidentId: id, dispatchedAt: d.dispatchedAt as string });
  }
  if (event.event_type === 'AssignedTeamStatusChanged')
    incident.assignedTeams.set(d.teamId as string, d.status as string);
}

/** Teams still committed to (dispatched, en route, on scene for) an incident the events say is closed. */
export function teamsTiedToClosedIncidents(fold: Fold): string[] {
  return [...fold.teams]
    .filter(([, t]) => COMMITTED.has(t.status) && t.incidentId && fold.incidents.get(t.incidentId)?.closed)
    .map(([id, t]) => `team ${id} ${t.status} for closed incident ${t.incidentId}`);
}

/** Allocations still reserved or shipped (stock held, not delivered) for an incident the events say is closed. */
export function stockTiedToClosedIncidents(fold: Fold): string[] {
  return [...fold.warehouses.values()]
    .flatMap((w) => [...w.allocations])
    .filter(([, a]) => (a.status === 'reserved' || a.status === 'shipped') && fold.incidents.get(a.incidentId)?.closed)
    .map(([id, a]) => `allocation ${id} ${a.status} for closed incident ${a.incidentId}`);
}

/**
 * Dispatches the process manager did not record on their incident exactly once (across kills it may run a step
 * twice; the incident's decision must absorb that). A dispatch recorded nowhere is accepted only when its incident
 * was closed: then the dispatch was refused there and the team released (checked by the closed-incident rule).
 */
export function dispatchesNotRecordedOnce(fold: Fold): string[] {
  const recorded = new Map<string, number>();
  const keyOf = (f: DispatchFact) => `${f.teamId} → ${f.incidentId} at ${new Date(f.dispatchedAt).toISOString()}`;
  for (const a of fold.assignments) recorded.set(keyOf(a), (recorded.get(keyOf(a)) ?? 0) + 1);
  const wrong: string[] = [];
  for (const d of fold.dispatches) {
    const n = recorded.get(keyOf(d)) ?? 0;
    if (n > 1 || (n === 0 && !fold.incidents.get(d.incidentId)?.closed))
      wrong.push(`dispatch ${keyOf(d)} recorded ${n} times on the incident`);
  }
  return wrong;
}

import type { ChaosClient } from './chaos-client';
import type { Fold } from './chaos-fold';

const COMMITTED = new Set(['dispatched', 'en_route', 'on_scene']);

/**
 * Where what the API shows (team board, stock board, incident board, read over HTTP) differs from what the events say:
 * each team's status and incident, each stock line's on hand and reserved, each incident's state, the status of every
 * team assigned to it and of every allocation made for it. One sentence per difference.
 */
export async function readModelMismatches(client: ChaosClient, fold: Fold): Promise<string[]> {
  const wrong: string[] = [];
  for (const [id, team] of fold.teams) {
    const { body } = await client.get(`/api/v1/teams/${id}`);
    if (body.status !== team.status || (body.incidentId ?? null) !== team.incidentId)
      wrong.push(
        `team ${id}: board ${String(body.status)}/${String(body.incidentId)}, events ${team.status}/${team.incidentId}`,
      );
  }
  const allocationsByIncident = new Map<string, Map<string, string>>();
  for (const [id, warehouse] of fold.warehouses) {
    const { body } = await client.get(`/api/v1/warehouses/${id}`);
    const lines = new Map(
      ((body.stock ?? []) as { materialCode: string; onHand: number; reserved: number; available: number }[]).map(
        (l) => [l.materialCode, l],
      ),
    );
    for (const [code, line] of warehouse.stock) {
      const shown = lines.get(code);
      if (
        (shown?.onHand ?? 0) !== line.onHand ||
        (shown?.reserved ?? 0) !== line.reserved ||
        (shown?.available ?? 0) !== line.onHand - line.reserved
      )
        wrong.push(`warehouse ${id} ${code}: board ${JSON.stringify(shown)}, events ${JSON.stringify(line)}`);
    }
    for (const [allocationId, a] of warehouse.allocations) {
      const map = allocationsByIncident.get(a.incidentId) ?? new Map<string, string>();
      allocationsByIncident.set(a.incidentId, map.set(allocationId, a.status));
    }
  }
  for (const [id, incident] of fold.incidents) {
    const { body } = await client.get(`/api/v1/incidents/${id}`);
    if ((body.status === 'closed') !== incident.closed)
      wrong.push(`incident ${id}: board ${String(body.status)}, events ${incident.closed ? 'closed' : 'open'}`);
    const teams = Object.fromEntries(
      ((body.assignedTeams ?? []) as { teamId: string; status: string }[]).map((t) => [t.teamId, t.status]),
    );
    if (!sameEntries(teams, Object.fromEntries(incident.assignedTeams)))
      wrong.push(
        `incident ${id} teams: board ${JSON.stringify(teams)}, events ${JSON.stringify([...incident.assignedTeams])}`,
      );
    const allocations = Object.fromEntries(
      ((body.allocations ?? []) as { allocationId: string; status: string }[]).map((a) => [a.allocationId, a.status]),
    );
    const expected = Object.fromEntries(allocationsByIncident.get(id) ?? new Map<string, string>());
    if (!sameEntries(allocations, expected))
      wrong.push(
        `incident ${id} allocations: board ${JSON.stringify(allocations)}, events ${JSON.stringify(expected)}`,
      );
  }
  return wrong;
}

/**
 * Teams that the incidents' own records show committed to two incidents at once, or committed to an incident the
 * team's stream does not name: one incident at a time, seen from the incidents' side.
 */
export function teamsOnTwoIncidents(fold: Fold): string[] {
  const committedTo = new Map<string, string[]>();
  for (const [incidentId, incident] of fold.incidents)
    for (const [teamId, status] of incident.assignedTeams)
      if (COMMITTED.has(status)) committedTo.set(teamId, [...(committedTo.get(teamId) ?? []), incidentId]);
  const wrong: string[] = [];
  for (const [teamId, incidents] of committedTo) {
    const team = fold.teams.get(teamId);
    if (incidents.length > 1) wrong.push(`team ${teamId} committed to ${incidents.join(' and ')}`);
    else if (!team || !COMMITTED.has(team.status) || team.incidentId !== incidents[0])
      wrong.push(
        `team ${teamId} committed to ${incidents[0]} on its record, ${team?.status}/${team?.incidentId} on its stream`,
      );
  }
  return wrong;
}

function sameEntries(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

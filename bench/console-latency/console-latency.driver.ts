import {
  COMMAND_KINDS,
  incidentBody,
  now,
  sendToParent as send,
  type CommandRecord,
  type DriverStart,
  type Kind,
} from './console-latency.protocol';

// The driver role of `console-latency.client.ts`: issues RATE commands/s for SECONDS (open loop) and reports each
// command's HTTP timings and returned position to the bench.

export async function runDriver(start: DriverStart): Promise<void> {
  const incidents = [...start.incidents];
  const teams = [...start.teams];
  const records: CommandRecord[] = [];
  const errors = new Map<string, number>();
  const total = Math.round(start.rate * start.seconds);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

  const call = async (
    kind: Kind,
    path: string,
    body: unknown,
    delta: CommandRecord['delta'],
    idOf: (response: Record<string, unknown>) => string | null,
  ): Promise<void> => {
    const sentAt = now();
    let status = 0;
    let payload: Record<string, unknown> = {};
    try {
      const response = await fetch(`${start.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${start.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      status = response.status;
      payload = (await response.json()) as Record<string, unknown>;
    } catch (error) {
      payload = { code: (error as Error).message };
    }
    const respondedAt = now();
    const good = status >= 200 && status < 300;
    if (!good) {
      const key = `${kind} ${status} ${typeof payload.code === 'string' ? payload.code : ''}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
    const id = good ? idOf(payload) : null;
    if (kind === 'report' && id) incidents.push(id);
    records.push({
      kind,
      status,
      id,
      delta,
      position: good ? ((payload.position as string | null) ?? null) : null,
      sentAt,
      respondedAt,
    });
  };

  const issue = (i: number): Promise<void> => {
    if (start.bare)
      return call('bare', '/command', { i }, 'bare.message', (r) => (typeof r.id === 'string' ? r.id : null));
    const kind = COMMAND_KINDS[i % COMMAND_KINDS.length]!;
    switch (kind) {
      case 'report':
        return call(kind, '/api/v1/incidents', incidentBody(i), 'incident.changed', (r) => r.id as string);
      case 'update': {
        const incidentId = pick(incidents);
        return call(
          kind,
          `/api/v1/incidents/${incidentId}/updates`,
          { measures: `基准续报 ${i}` },
          'incident.changed',
          () => incidentId,
        );
      }
      case 'dispatch': {
        const teamId = teams.pop();
        if (!teamId) throw new Error('ran out of pre-registered teams');
        return call(
          kind,
          `/api/v1/teams/${teamId}/dispatch`,
          { incidentId: pick(incidents), task: '基准测试出动' },
          'team.changed',
          () => teamId,
        );
      }
      case 'allocation': {
        const warehouseId = pick(start.warehouses);
        return call(
          kind,
          `/api/v1/warehouses/${warehouseId}/allocations`,
          { incidentId: pick(incidents), items: [{ materialCode: start.material, quantity: 1 }] },
          'stock.changed',
          () => warehouseId,
        );
      }
      default:
        throw new Error(`not an application command: ${kind}`);
    }
  };

  const pending: Promise<void>[] = [];
  const begun = now();
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const due = Math.min(total, Math.floor(((now() - begun) / 1000) * start.rate) + 1);
      while (next < due) pending.push(issue(next++));
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(1, Math.min(10, 1000 / start.rate / 2)));
    };
    tick();
  });
  const issuedMs = now() - begun;
  await Promise.all(pending);
  send({ type: 'records', records, issuedMs, errors: Object.fromEntries(errors) });
}

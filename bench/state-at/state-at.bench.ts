import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { EventToAppend, PostgresEventStore } from '@app/event-store';
import { PasswordHasher } from '@app/identity';
import { validateConfig } from '@app/shared/nest';
import { fold } from '@app/event-sourcing';
import { incidentDecider, type IncidentEvent } from '@app/incidents/domain';
import { warehouseDecider, type WarehouseEvent } from '@app/warehouses';
import { createApp } from '../../apps/command-api/src/bootstrap';
import { IncidentHistoryReader } from '../../libs/replay/src/application/history/incident-history.reader';
import { percentile, runStoreBench } from '../support/bench-database';
import { incidentStreamEvents, warehouseStreamEvents } from '../rebuild/rebuild.events';

/**
 * Time travel (docs/performance.md, section 3): GET /incidents/{id}/state?at= on an incident of EVENTS (default
 * 10,000) events with allocations from two warehouses whose streams hold WAREHOUSE_EVENTS (default 5,000) each, at
 * CALLS (default 200) random instants across its recorded history. Prints the first call (it takes the checkpoints),
 * then p50/p99 of the rest, and beside them the ceiling of the old path: the bare SQL read of the incident's events,
 * and the full fold the endpoint did before checkpoints. Its own database (`npm run bench:state-at`).
 */
const EVENTS = Number(process.env.EVENTS ?? 10_000);
const WAREHOUSE_EVENTS = Number(process.env.WAREHOUSE_EVENTS ?? 5_000);
const CALLS = Number(process.env.CALLS ?? 200);
const meta = () => ({
  correlationId: 'bench',
  causationId: 'bench',
  actorId: 'bench',
  occurredAt: new Date().toISOString(),
  schemaVersion: 1,
  jurisdiction: '640502',
});

/**
 * A warehouse's receipts, then `allocations` allocations to the incident among as many to other incidents, decided
 * one by one on the folded state (linear: the rebuild bench's helper refolds the history per command).
 */
function warehouse(i: number, incidentId: string, allocations: number): { stream: string; events: EventToAppend[] } {
  const [registered] = warehouseStreamEvents(i, 0, new Date());
  const warehouseId = (registered!.data as { warehouseId: string }).warehouseId;
  let state = fold(warehouseDecider, [registered as unknown as WarehouseEvent]);
  const events: EventToAppend[] = [registered!];
  const receipts = Math.max(1, WAREHOUSE_EVENTS - 1 - 2 * allocations);
  const commands: Parameters<typeof warehouseDecider.decide>[0][] = [];
  for (let r = 0; r < receipts; r++)
    commands.push({
      type: 'ReceiveStock',
      receiptId: randomUUID(),
      items: [{ materialCode: '1010101', quantity: 10, batch: `B${r}`, expiresAt: null }],
      now: new Date(),
    });
  for (let k = 0; k < 2 * allocations; k++)
    // Spread among the receipts, so the incident's allocations lie all along the warehouse's history.
    commands.splice(Math.floor(((k + 1) * receipts) / (2 * allocations + 1)) + k, 0, {
      type: 'AllocateStock',
      allocationId: randomUUID(),
      incidentId: k % 2 === 0 ? incidentId : randomUUID(),
      items: [{ materialCode: '1010101', quantity: 1 }],
      now: new Date(),
    });
  for (const command of commands)
    for (const event of warehouseDecider.decide(command, state)) {
      state = warehouseDecider.evolve(state, event);
      events.push({ id: randomUUID(), type: event.type, data: event.data, metadata: meta() });
    }
  return { stream: `warehouse-${warehouseId}`, events };
}

/** An incident report and `length - 1` follow-ups, decided one by one on the folded state. */
function incidentHistory(length: number): EventToAppend[] {
  const [reported] = incidentStreamEvents(2, 0, new Date(Date.now() - 3_600_000));
  let state = fold(incidentDecider, [reported as unknown as IncidentEvent]);
  const events: EventToAppend[] = [reported!];
  const policy = { countMissingAsDeaths: true };
  for (let k = 1; events.length < length; k++)
    for (const event of incidentDecider.decide(
      {
        type: 'UpdateSituation',
        casualties: { minorInjuries: k },
        measures: `措施 ${k}`,
        now: new Date(Date.now() - 3_600_000 + k * 100),
        policyFor: () => policy,
      },
      state,
    )) {
      state = incidentDecider.evolve(state, event);
      events.push({
        id: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: { ...meta(), jurisdiction: '640522' },
      });
    }
  return events;
}

async function main(store: PostgresEventStore, url: string): Promise<void> {
  const incident = incidentHistory(EVENTS);
  const incidentId = (incident[0]!.data as { incidentId: string }).incidentId;
  const stream = `incident-${incidentId}`;
  const warehouses = [warehouse(0, incidentId, 20), warehouse(1, incidentId, 20)];
  // Appended in slices, the warehouses' between the incident's, so recording times spread and allocations interleave.
  const started = Date.now();
  const slices = 50;
  for (let s = 0; s < slices; s++) {
    const cut = (events: EventToAppend[]) =>
      events.slice(Math.floor((s * events.length) / slices), Math.floor(((s + 1) * events.length) / slices));
    for (let k = 0, part = cut(incident); k < part.length; k += 100)
      await store.append(stream, part.slice(k, k + 100), 'any');
    for (const w of warehouses)
      for (let k = 0, part = cut(w.events); k < part.length; k += 100)
        await store.append(w.stream, part.slice(k, k + 100), 'any');
  }
  const ended = Date.now();
  console.log(
    `appended ${incident.length} incident events and ${warehouses.map((w) => w.events.length).join(' + ')} warehouse events in ${((ended - started) / 1000).toFixed(1)} s`,
  );

  const app = await createApp({
    ...validateConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000000',
    }),
    DATABASE_URL: url,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const sql = new Client({ connectionString: url });
  await sql.connect();
  try {
    const address = app.getHttpServer().address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const username = `bench${randomUUID().slice(0, 8)}`;
    const password = `pw-${randomUUID()}`;
    const hash = await app.get(PasswordHasher).hash(password);
    await app
      .get(DataSource)
      .query(
        `insert into users (id, username, display_name, password_hash, roles, jurisdiction, created_by) values ($1, $2, '压测', $3, '{viewer}', '640500', 'bench')`,
        [randomUUID(), username, hash],
      );
    const login = (await (
      await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      })
    ).json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${login.accessToken}` };
    // The board must have applied the whole stream (scope check, and checkpoints cover what it applied).
    for (let tries = 0; ; tries++) {
      const r = await fetch(`${base}/api/v1/incidents/${incidentId}`, { headers });
      const body = r.status === 200 ? ((await r.json()) as { revision: number; allocations: unknown[] }) : undefined;
      if (body && body.revision === incident.length - 1 && body.allocations.length === 40) break;
      if (tries > 1200) throw new Error('the board did not catch up within 2 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
    const call = async (at: Date): Promise<number> => {
      const t0 = performance.now();
      const response = await fetch(
        `${base}/api/v1/incidents/${incidentId}/state?at=${encodeURIComponent(at.toISOString())}`,
        { headers },
      );
      await response.text();
      if (response.status !== 200) throw new Error(`state?at answered ${response.status}`);
      return performance.now() - t0;
    };
    // Instants from the report's recording on (before it the answer is 422 BEFORE_REPORT) to just after the last event.
    const [first] = await store.readStream(stream, { maxCount: 1 });
    const reported = first!.recordedAt.getTime();
    const instant = () => new Date(reported + Math.random() * (ended - reported + 2_000));
    const cold = await call(instant());
    const latencies: number[] = [];
    for (let k = 0; k < CALLS; k++) latencies.push(await call(instant()));
    latencies.sort((a, b) => a - b);

    // The ceiling of the old path: the bare read of the incident's events (no warehouse, no fold, no HTTP).
    const bare: number[] = [];
    for (let k = 0; k < 20; k++) {
      const t0 = performance.now();
      await sql.query('select * from es_events where stream_name = $1 order by stream_revision', [stream]);
      bare.push(performance.now() - t0);
    }
    bare.sort((a, b) => a - b);
    // The floor of any answer on this machine now: the same request's HTTP, authentication and board look-up.
    const floor: number[] = [];
    for (let k = 0; k < 50; k++) {
      const t0 = performance.now();
      const r = await fetch(`${base}/api/v1/incidents/${incidentId}`, { headers });
      await r.text();
      floor.push(performance.now() - t0);
    }
    floor.sort((a, b) => a - b);
    // The fast path in process, without HTTP.
    const reader = app.get(IncidentHistoryReader);
    const scope = { scope: ['640500', '640502', '640521', '640522', '640571'] };
    const inProcess: number[] = [];
    for (let k = 0; k < 50; k++) {
      const t0 = performance.now();
      await reader.stateAt(incidentId, instant().toISOString(), scope);
      inProcess.push(performance.now() - t0);
    }
    inProcess.sort((a, b) => a - b);
    // The old path itself, in process: every event of the incident and of both warehouses, folded from the start.
    const full: number[] = [];
    for (let k = 0; k < 10; k++) {
      const t0 = performance.now();
      await reader.stateAtByFullFold(incidentId, instant().toISOString(), scope);
      full.push(performance.now() - t0);
    }
    full.sort((a, b) => a - b);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(`first call (takes the checkpoints): ${ms(cold)}`);
    console.log(
      `GET /incidents/{id}/state?at= on a ${incident.length}-event stream with 40 allocations: p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1)!)} (${CALLS} calls at random instants; goal p99 < 50 ms)`,
    );
    console.log(
      `ceiling of the old path: bare SQL read of the incident's ${incident.length} events p50 ${ms(percentile(bare, 50))}, p99 ${ms(percentile(bare, 99))}; full fold in process (what state?at did before) p50 ${ms(percentile(full, 50))}, max ${ms(full.at(-1)!)}`,
    );
    console.log(
      `in process (no HTTP): p50 ${ms(percentile(inProcess, 50))}, p99 ${ms(percentile(inProcess, 99))}; floor: GET /incidents/{id} (HTTP, auth, board row) p50 ${ms(percentile(floor, 50))}, p99 ${ms(percentile(floor, 99))}`,
    );
    console.log(`ratio to goal: ${(50 / percentile(latencies, 99)).toFixed(2)} (goal / p99; ≥ 1 meets it)`);
  } finally {
    await sql.end();
    await app.close();
  }
}

runStoreBench({ applicationName: 'bench-state-at', poolSize: 10 }, main);

// Over 300 lines on purpose: one chaos run under faults, then each invariant its own test over what the run stored.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { runMigrations } from '../../infra/database/migrations';
import { freePort } from '../../infra/embedded/embedded-postgres.launcher';
import { ChaosClient, ChaosLedger, type Acknowledged, type Answer } from '../support/chaos-client';
import { CHAOS_CLUSTER, ChaosSystem, parkedEvents, projectionsCaughtUp } from '../support/chaos-faults';
import {
  dispatchesNotRecordedOnce,
  foldEvents,
  stockTiedToClosedIncidents,
  teamsTiedToClosedIncidents,
  type Fold,
  type StoredEvent,
} from '../support/chaos-fold';
import { ChaosWorld, runWorker, seeded, SUIT, TENT, teamBody, warehouseBody } from '../support/chaos-workload';
import { readModelMismatches, teamsOnTwoIncidents } from '../support/chaos-read-models';
import { startPostgresProcess } from '../support/postgres-process';
import { signInToServer } from '../support/test-users';
import { until } from '../support/eventually';

/** Seconds of faults under load: 120 by default (the suite then takes about 3–4 minutes); longer with CHAOS_SECONDS. */
const CHAOS_SECONDS = Number(process.env.CHAOS_SECONDS ?? 120);
const SEED = Number(process.env.CHAOS_SEED ?? 20261206);
const WORKERS = 4;

/**
 * Fields a re-sent request's answer may show differently from the first answer, and why: `replayed` says whether
 * this answer is a replay (true on the retry by definition; the `Idempotent-Replayed` header says the same).
 */
const VOLATILE = ['replayed'];
/** In a refusal, `correlationId` names the retry's own request, so that its log lines are found. */
const VOLATILE_IN_REFUSALS = ['correlationId'];

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function changedFields(first: Record<string, unknown>, again: Record<string, unknown>, volatile: string[]): string[] {
  const fields = new Set([...Object.keys(first), ...Object.keys(again)]);
  // Equal as JSON values: the order of an object's keys means nothing in JSON (a stored answer comes back from jsonb,
  // which keeps keys in an order of its own).
  return [...fields].filter((f) => !volatile.includes(f) && !isDeepStrictEqual(first[f], again[f]));
}

interface Resent {
  ack: Acknowledged;
  answer: Answer;
}

/**
 * Chaos (docs/adr/0008-scale-out-and-faults.md): four workers dispatch teams, report team status, receive stock,
 * allocate (some beyond stock), ship, deliver, cancel, and close incidents while dispatching to them, over real HTTP
 * with an Idempotency-Key on every command, while the API is killed with SIGKILL and PostgreSQL is stopped with
 * `pg_ctl stop -m fast` and `-m immediate` and started again. A request that found the API or its database down is
 * sent again with its key, as a client does. Afterwards the stored events are folded and every rule checked, and
 * every acknowledged request is sent again with its key.
 */
describe(`chaos: ${CHAOS_SECONDS} s of SIGKILLs and PostgreSQL restarts under load`, () => {
  const ledger = new ChaosLedger();
  const database = `chaos_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  let system: ChaosSystem | undefined;
  let client: ChaosClient;
  let fold: Fold;
  let events: (StoredEvent & { key: string | null; position: string })[];
  const summary: string[] = [];

  const query = async <R extends object>(text: string, params: unknown[] = []): Promise<R[]> => {
    const sql = new Client({ connectionString: system!.databaseUrl });
    await sql.connect();
    try {
      return (await sql.query(text, params)).rows as R[];
    } finally {
      await sql.end();
    }
  };
  const loadEvents = () =>
    query<StoredEvent & { key: string | null; position: string }>(
      `select stream_name, stream_revision::text, event_type, data, metadata->>'idempotencyKey' as key,
              transaction_id::text || '/' || global_position::text as position
         from es_events e order by e.stream_name, e.stream_revision`,
    );

  beforeAll(
    async () => {
      const random = seeded(SEED);
      const postgres = await startPostgresProcess({ name: CHAOS_CLUSTER, database });
      await runMigrations(postgres.url, { appRole: postgres.appRole });
      system = await ChaosSystem.start(postgres, database, await freePort());
      const sql = new Client({ connectionString: postgres.url });
      await sql.connect();
      // One actor for every command: a key belongs to its actor, and the re-sends must be that actor's.
      const { token } = await signInToServer(sql, system.baseUrl, ['admin', 'commander']);
      await sql.end();
      client = new ChaosClient(system.baseUrl, token, ledger);

      const teams: string[] = [];
      for (let i = 0; i < 8; i++) {
        const { body } = await client.command('setup', '/api/v1/teams', teamBody(i), (b) => `team-${String(b.id)}`);
        teams.push(body.id as string);
      }
      const warehouses: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { body } = await client.command(
          'setup',
          '/api/v1/warehouses',
          warehouseBody(i),
          (b) => `warehouse-${String(b.id)}`,
        );
        warehouses.push(body.id as string);
        await client.command(
          'setup',
          `/api/v1/warehouses/${String(body.id)}/receipts`,
          {
            items: [
              { materialCode: TENT, quantity: 60 },
              { materialCode: SUIT, quantity: 40 },
            ],
          },
          () => `warehouse-${String(body.id)}`,
        );
      }
      const world = new ChaosWorld(teams, warehouses, random);

      let running = true;
      const workers = Promise.all(Array.from({ length: WORKERS }, () => runWorker(client, world, () => running))).then(
        () => undefined,
        (error: unknown) => error,
      );
      const started = Date.now();
      const end = started + CHAOS_SECONDS * 1000;
      const faults = ['api', 'fast', 'api', 'immediate'] as const;
      /** Seconds from each fault to the first command acknowledged after it (outage, restart and recovery). */
      const recoveries: Record<(typeof faults)[number], number[]> = { api: [], fast: [], immediate: [] };
      // Until the time is up, and at least once each kind of fault however short the time.
      for (let round = 0; Date.now() < end || round < faults.length; round++) {
        await new Promise((r) => setTimeout(r, 1500 + random() * 3500));
        const fault = faults[round % faults.length]!;
        const faulted = Date.now();
        if (fault === 'api') await system.killApi(random() * 800);
        else await system.restartPostgres(fault, 300 + random() * 2500);
        // The next fault only once the system serves again, so that every fault lands on a working system under load.
        const served = ledger.acknowledged.length;
        await until(() => ledger.acknowledged.length > served, 180_000);
        recoveries[fault].push((Date.now() - faulted) / 1000);
        await until(() => ledger.acknowledged.length >= served + 10, 180_000);
      }
      running = false;
      const failed = await workers;
      if (failed) throw failed instanceof Error ? failed : new Error(JSON.stringify(failed));
      const chaosSeconds = (Date.now() - started) / 1000;

      await until(() => projectionsCaughtUp(system!.baseUrl), 180_000);
      events = await loadEvents();
      fold = foldEvents(events);
      const byKind = new Map<string, number>();
      for (const ack of ledger.acknowledged) byKind.set(ack.kind, (byKind.get(ack.kind) ?? 0) + 1);
      summary.push(
        `chaos: ${chaosSeconds.toFixed(0)} s, ${WORKERS} workers, seed ${SEED} (CHAOS_SEED repeats the choices)`,
        `  faults: ${system.counts.apiKills} API SIGKILLs, ${system.counts.postgresRestarts.fast} PostgreSQL fast restarts, ` +
          `${system.counts.postgresRestarts.immediate} immediate restarts`,
        `  serving again after (mean / max s): ${Object.entries(recoveries)
          .map(([f, t]) => `${f} ${mean(t).toFixed(1)} / ${Math.max(0, ...t).toFixed(1)}`)
          .join(', ')}`,
        `  requests: ${ledger.attempts} HTTP attempts for ${ledger.commands} commands, ${ledger.retried} retried with their key (${ledger.timeouts} after a 30 s timeout)`,
        `  answers: ${[...ledger.statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
        `  acknowledged: ${ledger.acknowledged.length} (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})`,
        `  stored: ${events.length} events in ${new Set(events.map((e) => e.stream_name)).size} streams; ` +
          `${[...fold.incidents.values()].filter((i) => i.closed).length} incidents closed`,
      );
    },
    (CHAOS_SECONDS + 600) * 1000,
  );

  afterAll(async () => {
    if (summary.length > 0) process.stdout.write(`\n${summary.join('\n')}\n`);
    if (!system) return;
    await system.api.kill9();
    const admin = new Client({ connectionString: system.databaseUrl.replace(/\/[^/]+$/, '/postgres') });
    await admin
      .connect()
      .then(() => admin.query(`drop database if exists ${database} with (force)`))
      .catch(() => undefined);
    await admin.end().catch(() => undefined);
    await system.stop();
  }, 60_000);

  it('answered no request with a 500 (nor any 5xx but the documented 503 of an outage)', () => {
    expect(ledger.serverErrors).toEqual([]);
  });

  it('put every kind of fault on the system, and got every kind of command acknowledged', () => {
    expect(system!.counts.apiKills).toBeGreaterThan(0);
    expect(system!.counts.postgresRestarts.fast).toBeGreaterThan(0);
    expect(system!.counts.postgresRestarts.immediate).toBeGreaterThan(0);
    const kinds = new Set(ledger.acknowledged.map((a) => a.kind));
    for (const kind of ['report', 'dispatch', 'status', 'receive', 'allocate', 'ship', 'deliver', 'cancel', 'close'])
      expect({ kind, acknowledged: kinds.has(kind) }).toEqual({ kind, acknowledged: true });
    expect(ledger.statuses.get(503)).toBeGreaterThan(0);
  });

  it('lost no acknowledged command and applied none twice; streams have no revision gaps', async () => {
    const byKey = new Map<string, typeof events>();
    for (const event of events) if (event.key) byKey.set(event.key, [...(byKey.get(event.key) ?? []), event]);
    const wrong: string[] = [];
    for (const ack of ledger.acknowledged) {
      const stored = byKey.get(ack.key) ?? [];
      const where = `${ack.kind} ${ack.path} (${ack.status})`;
      if (ack.answer.position === null) {
        // Acknowledged as a no-op: nothing may carry its key.
        if (stored.length > 0) wrong.push(`${where}: answered as a no-op but ${stored.length} events carry its key`);
        continue;
      }
      if (stored.length === 0)
        wrong.push(`${where}: acknowledged at ${JSON.stringify(ack.answer.position)} but not stored`);
      else if (stored.some((e) => e.stream_name !== ack.stream)) wrong.push(`${where}: events outside ${ack.stream}`);
      else {
        const revisions = stored.map((e) => Number(e.stream_revision));
        if (revisions.some((r, i) => r !== revisions[0]! + i))
          wrong.push(`${where}: applied twice (${revisions.join(',')})`);
        if (revisions.at(-1) !== ack.answer.revision || stored.at(-1)!.position !== ack.answer.position)
          wrong.push(
            `${where}: answered ${String(ack.answer.revision)}@${JSON.stringify(ack.answer.position)}, stored ${revisions.at(-1)}@${stored.at(-1)!.position}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    // Every key in the store (process managers' too) is one append per stream: consecutive revisions.
    const twice = await query(
      `select metadata->>'idempotencyKey' as key, stream_name from es_events where metadata ? 'idempotencyKey'
        group by 1, 2 having max(stream_revision) - min(stream_revision) <> count(*) - 1`,
    );
    expect(twice).toEqual([]);
    const gaps = await query(
      `select stream_name from es_events group by 1 having min(stream_revision) <> 0 or max(stream_revision) <> count(*) - 1`,
    );
    expect(gaps).toEqual([]);
  });

  it('kept stock equal to a fold of its events, never negative, allocations all or nothing; a team on one incident at a time', () => {
    expect(fold.violations).toEqual([]);
    expect(fold.warehouses.size).toBe(3);
    // All lines or none: every acknowledged allocation reserved exactly the lines it asked for (found by its key:
    // a 202 answer names the warehouse, not the allocation).
    const allocated = new Map(
      events.filter((e) => e.event_type === 'StockAllocated' && e.key).map((e) => [e.key!, e.data.items]),
    );
    const partial = ledger.acknowledged
      .filter((a) => a.kind === 'allocate')
      .filter((a) => {
        const asked = new Map<string, number>();
        for (const i of (a.body as { items: { materialCode: string; quantity: number }[] }).items)
          asked.set(i.materialCode, (asked.get(i.materialCode) ?? 0) + i.quantity);
        const stored = (allocated.get(a.key) ?? []) as { materialCode: string; quantity: number }[];
        return !isDeepStrictEqual(new Map(stored.map((i) => [i.materialCode, i.quantity])), asked);
      })
      .map((a) => `${a.path} ${JSON.stringify(a.body)}: reserved ${JSON.stringify(allocated.get(a.key) ?? null)}`);
    expect(partial).toEqual([]);
    expect(teamsOnTwoIncidents(fold)).toEqual([]);
    expect(dispatchesNotRecordedOnce(fold)).toEqual([]);
    expect(fold.dispatches.length).toBeGreaterThan(0);
  });

  it('has read models (team board, stock, incident board) equal to the fold of the events, with nothing parked', async () => {
    const mismatches = () => readModelMismatches(client, fold);
    await until(async () => (await mismatches()).length === 0, 30_000).catch(() => undefined);
    expect(await mismatches()).toEqual([]);
    expect(await parkedEvents(system!.baseUrl)).toEqual({});
  }, 120_000);

  it('leaves no team dispatched to, and no stock reserved for, a closed incident', async () => {
    const tied = async () => {
      const now = foldEvents(await loadEvents());
      return [...teamsTiedToClosedIncidents(now), ...stockTiedToClosedIncidents(now)];
    };
    await until(async () => (await tied()).length === 0, 30_000).catch(() => undefined);
    expect(await tied()).toEqual([]);
  }, 120_000);

  /** Every acknowledged and every refused request sent again with its key, once, after the chaos (three tests share it). */
  let resending: Promise<{ resent: Resent[]; refusals: Resent[]; appended: unknown[] }> | undefined;
  const resendAll = () =>
    (resending ??= (async () => {
      await until(() => projectionsCaughtUp(system!.baseUrl), 60_000);
      const [{ last }] = await query<{ last: string }>(
        `select coalesce(max(global_position), 0)::text as last from es_events`,
      );
      const resend = async (exchanges: readonly Acknowledged[]): Promise<Resent[]> => {
        const resent: Resent[] = [];
        const queue = [...exchanges];
        await Promise.all(
          Array.from({ length: WORKERS }, async () => {
            for (let ack = queue.shift(); ack; ack = queue.shift()) {
              let answer = await client.post(ack.path, ack.body, ack.key);
              while (!answer || answer.status === 503) answer = await client.post(ack.path, ack.body, ack.key);
              resent.push({ ack, answer });
            }
          }),
        );
        return resent;
      };
      const resent = await resend(ledger.acknowledged);
      const refusals = await resend(ledger.refused);
      await until(() => projectionsCaughtUp(system!.baseUrl), 60_000);
      const appended = await query(
        `select stream_name, event_type, metadata->>'idempotencyKey' as key from es_events where global_position > $1 order by global_position`,
        [last],
      );
      summary.push(
        `  re-sent: ${resent.length} acknowledged and ${refusals.length} refused requests with their keys; ` +
          `${appended.length} events appended by them`,
        // The API logs this when it gave an answer it could not store under the key (a retry then cannot get it).
        `  API log: ${system!.logged('first answer of a keyed request not stored').length} answers not stored under their key`,
      );
      return { resent, refusals, appended };
    })());

  it('appends nothing when every acknowledged or refused request is sent again with its key', async () => {
    const { resent, refusals, appended } = await resendAll();
    expect(resent).toHaveLength(ledger.acknowledged.length);
    expect(refusals).toHaveLength(ledger.refused.length);
    expect(appended).toEqual([]);
  }, 600_000);

  it('answers every re-sent acknowledged request with its first answer (Idempotent-Replayed: true)', async () => {
    const { resent } = await resendAll();
    const different: string[] = [];
    for (const { ack, answer } of resent) {
      const where =
        `${ack.kind} ${ack.path} first ${ack.status} at ${JSON.stringify(ack.answer.position)} ` +
        `(after ${ack.attempts} attempts, ${ack.timedOut} timed out)`;
      if (ack.status === 202) {
        // A 202 is not stored: its retry answers in full once the read models caught up (docs/api.md), and names
        // the same write.
        if (answer.status !== 200 && answer.status !== 201) different.push(`${where}, again ${answer.status}`);
        for (const field of ['id', 'revision', 'position'])
          if (JSON.stringify(answer.body[field]) !== JSON.stringify(ack.answer[field]))
            different.push(`${where}: ${field} then ${JSON.stringify(answer.body[field])}`);
        continue;
      }
      if (answer.status !== ack.status)
        different.push(`${where}, again ${answer.status} ${JSON.stringify(answer.body.code ?? null)}`);
      else if (answer.headers.get('idempotent-replayed') !== 'true') different.push(`${where}: not a replay`);
      else {
        const changed = changedFields(ack.answer, answer.body, VOLATILE);
        for (const f of changed)
          different.push(
            `${where}: the replay differs in ${f}: first ${JSON.stringify(ack.answer[f])?.slice(0, 300)}, ` +
              `then ${JSON.stringify(answer.body[f])?.slice(0, 300)}`,
          );
      }
    }
    expect(different).toEqual([]);
  }, 600_000);

  it('answers every re-sent refused request with its first refusal (Idempotent-Replayed: true)', async () => {
    const { refusals } = await resendAll();
    const different: string[] = [];
    for (const { ack, answer } of refusals) {
      const where = `${ack.kind} ${ack.path} first ${ack.status} ${JSON.stringify(ack.answer.code)}`;
      if (answer.status !== ack.status || answer.body.code !== ack.answer.code)
        different.push(`${where}, again ${answer.status} ${JSON.stringify(answer.body.code ?? null)}`);
      else if (answer.headers.get('idempotent-replayed') !== 'true') different.push(`${where}: not a replay`);
      else {
        const changed = changedFields(ack.answer, answer.body, VOLATILE_IN_REFUSALS);
        if (changed.length > 0) different.push(`${where}: the replay differs in ${changed.join(', ')}`);
      }
    }
    expect(different).toEqual([]);
    expect(refusals.length).toBeGreaterThan(0);
  }, 600_000);
});

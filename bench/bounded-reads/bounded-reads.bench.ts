import { Client } from 'pg';
import { auditQuery } from '../../libs/identity/src/audit/audit-trail.queries';
import { benchDatabase } from '../support/bench-database';

/**
 * Bounded work per request (docs/performance.md, "Bounded work per request"): a year of a city's reporting
 * obligations and an event log of the same order, on a database of the bench's own. Prints, for the compliance
 * report, the former read (every line of the period to the API) beside the tally and first page now read, and for
 * `GET /audit?actor=` the former single "or" condition beside the two ordered branches, each with its plan.
 *
 * Knobs: OBLIGATIONS (default 300000), EVENTS (default 300000).
 */
const OBLIGATIONS = Number(process.env.OBLIGATIONS ?? 300_000);
const EVENTS = Number(process.env.EVENTS ?? 300_000);
const SCOPE = ['640500', '640502', '640521', '640522', '640523', '640524'];

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

async function plan(client: Client, text: string, params: unknown[]): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers, costs off) ${text}`,
    params,
  );
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function main(): Promise<void> {
  const db = await benchDatabase('bounded-reads');
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(
      `insert into deadline_compliance (incident_id, obligation_id, title, category, jurisdiction, drill_id,
         incident_status, kind, level, basis, due_at, status, reported_at, reported_by, responsible, party)
       select md5('i' || (g / 6))::uuid, 'o' || (g % 6), '事故 ' || (g / 6), 'fire', ($1::text[])[1 + (g / 6) % 6], null,
              case when g % 7 = 0 then 'closed' else 'open' end, 'initial', 'city', '条例493',
              '2026-01-01'::timestamptz + (g * (365 * 86400.0 / $2)) * interval '1 second',
              (array['met', 'late', 'pending', 'written_off'])[1 + g % 4], null,
              case when g % 4 < 2 then 'user' || (g % 40) end,
              case when g % 6 = 5 then 'unit' else 'bureau' end,
              case when g % 6 = 4 then 'public_security' end
         from generate_series(1, $2) g`,
      [SCOPE, OBLIGATIONS],
    );
    await client.query(
      `insert into es_events (transaction_id, stream_name, category, stream_revision, event_id, event_type, data, metadata, recorded_at)
       select pg_current_xact_id(), 'incident-' || (g / 10), 'incident', g % 10, md5('e' || g)::uuid, 'IncidentUpdated', '{}',
              jsonb_build_object('actorId', 'u' || (g % 2000), 'actorName', 'user' || (g % 2000),
                                 'jurisdiction', ($1::text[])[1 + g % 6], 'correlationId', 'c', 'occurredAt', now()),
              '2026-01-01'::timestamptz + g * interval '30 second'
         from generate_series(1, $2) g`,
      [SCOPE, EVENTS],
    );
    await client.query('vacuum analyze deadline_compliance');
    await client.query('vacuum analyze es_events');
    const window = [SCOPE, new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')];

    const former = await timed(async () =>
      client.query(
        `select * from deadline_compliance c where c.jurisdiction = any($1) and c.due_at >= $2 and c.due_at < $3
           and c.drill_id is null order by due_at, incident_id, obligation_id`,
        window,
      ),
    );
    const formerBytes = Buffer.byteLength(JSON.stringify(former.value.rows));
    const tallySql = `select c.responsible, c.level, c.party,
        (case when c.status <> 'pending' then c.status when c.due_at >= $4 then 'pending'
              when c.incident_status = 'closed' then 'missed' else 'overdue' end) as status, count(*)::int as n
       from deadline_compliance c where c.jurisdiction = any($1) and c.due_at >= $2 and c.due_at < $3
        and c.drill_id is null group by 1, 2, 3, 4`;
    const tallyParams = [...window, new Date('2026-07-01T00:00:00Z')];
    const tally = await timed(() => client.query(tallySql, tallyParams));
    const pageSql = `select c.* from deadline_compliance c where c.jurisdiction = any($1) and c.due_at >= $2
        and c.due_at < $3 and c.drill_id is null
        and (c.due_at, c.incident_id, c.obligation_id collate "C") > ('2026-09-01T00:00:00Z'::timestamptz, $4::uuid, $5::text collate "C")
      order by c.due_at, c.incident_id, c.obligation_id collate "C" limit 201`;
    const pageParams = [...window, '00000000-0000-0000-0000-000000000000', ''];
    const page = await timed(() => client.query(pageSql, pageParams));

    const actor = 'u77';
    const formerAudit = `select e.global_position from es_events e
       where (e.metadata ->> 'actorId' = $1 or e.metadata ->> 'actorName' = $1)
         and (jsonb_typeof(e.metadata -> 'jurisdiction') is distinct from 'string' or e.metadata ->> 'jurisdiction' = any($2))
       order by e.recorded_at, e.global_position limit 201`;
    const formerAuditRun = await timed(() => client.query(formerAudit, [actor, SCOPE]));
    const audit = auditQuery({ actor, scope: SCOPE, limit: 201 });
    const auditRun = await timed(() => client.query(audit.text, audit.params));

    console.log(`obligations ${OBLIGATIONS}, events ${EVENTS}`);
    console.log(
      `compliance, former: every line to the API: ${former.value.rowCount} rows, ${(formerBytes / 1e6).toFixed(1)} MB as JSON, ${former.ms.toFixed(0)} ms (the query alone, before any view is built)`,
    );
    console.log(
      `compliance, now: tally ${tally.value.rowCount} groups in ${tally.ms.toFixed(0)} ms + a page of ${page.value.rowCount} lines deep in the year in ${page.ms.toFixed(1)} ms`,
    );
    console.log(
      `audit?actor=, former "or": ${formerAuditRun.value.rowCount} rows in ${formerAuditRun.ms.toFixed(0)} ms; now two ordered branches: ${auditRun.value.rowCount} rows in ${auditRun.ms.toFixed(1)} ms`,
    );
    console.log('\n--- plan: compliance tally ---\n' + (await plan(client, tallySql, tallyParams)));
    console.log(
      '\n--- plan: compliance obligations page (deep cursor) ---\n' + (await plan(client, pageSql, pageParams)),
    );
    console.log('\n--- plan: audit?actor= (now) ---\n' + (await plan(client, audit.text, audit.params)));
    console.log('\n--- plan: audit?actor= (former "or") ---\n' + (await plan(client, formerAudit, [actor, SCOPE])));
  } finally {
    await client.end();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

import 'reflect-metadata';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { PostgresEventStore, type Position } from '@app/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { validateConfig } from '@app/shared/nest';
import { createApp } from '../../apps/command-api/src/bootstrap';
import { benchDatabase } from '../support/bench-database';
import { appendAll, history } from './cold-start.events';

/**
 * Cold start (docs/performance.md, "Cold start"): appends a generated history to a database of its own, then starts
 * the API on it from zero (no checkpoint) and prints, per projection and process manager, the time until it has been
 * through the log and its events/s, the time until `/health/ready` answers 200 and until `/health` leaves
 * `catching_up`. The ceiling beside it: the same log read through the store's global reader (every event, no
 * projection work). Sizes: INCIDENTS (2,000), FOLLOW_UPS (5), TEAMS (20), CYCLES (260: about 1,300 events per team).
 * `npm run bench:cold-start`.
 */
const size = {
  incidents: Number(process.env.INCIDENTS ?? 2_000),
  followUps: Number(process.env.FOLLOW_UPS ?? 5),
  teams: Number(process.env.TEAMS ?? 20),
  cycles: Number(process.env.CYCLES ?? 260),
};
const LIMIT_S = Number(process.env.CATCH_UP_LIMIT_S ?? 3_600);

async function readCeiling(store: PostgresEventStore): Promise<{ events: number; seconds: number }> {
  const t0 = performance.now();
  let after: Position | undefined;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ ...(after ? { after } : {}), maxCount: 1_000 });
    if (page.length === 0) break;
    events += page.length;
    after = page.at(-1)!.position;
  }
  return { events, seconds: (performance.now() - t0) / 1000 };
}

async function main(): Promise<void> {
  const database = await benchDatabase('cold-start');
  const store = new PostgresEventStore({ connectionString: database.url, log: () => undefined });
  try {
    console.log(
      `cold-start bench: ${size.incidents} incidents × ${1 + size.followUps} events, ${size.teams} teams × ${
        1 + size.cycles * 5
      } events; node ${process.version}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const t0 = performance.now();
    const written = await appendAll(store, history(size, new Date()));
    console.log(`appended ${written} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const ceiling = await readCeiling(store);
    console.log(
      `ceiling: the global reader alone reads ${ceiling.events} events in ${ceiling.seconds.toFixed(1)} s = ${Math.round(
        ceiling.events / ceiling.seconds,
      )} events/s`,
    );
    await coldStart(database.url);
  } finally {
    await store.close();
    await database.stop();
  }
}

async function coldStart(url: string): Promise<void> {
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const app = await createApp({
    ...validateConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      ALARM_TICK_MS: '3600000',
    }),
    DATABASE_URL: url,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const listening = since();
  const address = app.getHttpServer().address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
  const done = new Map<string, { seconds: number; events: number }>();
  let ready: number | undefined;
  let healthy: number | undefined;
  try {
    while (since() < LIMIT_S) {
      if (ready === undefined && (await fetch(`${base}/health/ready`)).status === 200) ready = since();
      for (const p of runner.status())
        if (p.caughtUp && !done.has(p.name)) done.set(p.name, { seconds: since(), events: p.eventsApplied });
      if (healthy === undefined && done.size === runner.status().length) {
        const body = (await (await fetch(`${base}/health`)).json()) as { status: string };
        if (body.status !== 'catching_up') healthy = since();
      }
      if (ready !== undefined && healthy !== undefined) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`listening after ${listening.toFixed(1)} s; /health/ready 200 after ${ready?.toFixed(1) ?? '-'} s`);
    console.log('time to catch up from zero, per projection and process manager:');
    for (const [name, { seconds, events }] of [...done].sort((a, b) => b[1].seconds - a[1].seconds))
      console.log(
        `  ${name.padEnd(28)} ${String(events).padStart(8)} events in ${seconds.toFixed(1).padStart(7)} s = ${String(
          Math.round(events / seconds),
        ).padStart(7)} events/s`,
      );
    const missing = runner.status().filter((p) => !done.has(p.name));
    if (missing.length > 0) console.log(`not caught up within ${LIMIT_S} s: ${missing.map((p) => p.name).join(', ')}`);
    console.log(`/health left catching_up after ${healthy?.toFixed(1) ?? '-'} s`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import type { EventToAppend, PostgresEventStore } from '@app/event-store';
import { fold, load, type Decider, type DomainEvent } from '@app/event-sourcing';
import { PostgresSnapshotStore } from '@app/event-sourcing/projections';
import { incidentDecider } from '@app/incidents/domain';
import { teamDecider } from '@app/teams/domain';
import { percentile, runStoreBench } from '../support/bench-database';
import { incidentStreamEvents, teamStreamEvents } from '../rebuild/rebuild.events';

/**
 * Where an incident's or a team's snapshot starts to pay (docs/adr/0022): for streams of LENGTHS events, the time to
 * load the aggregate from its whole stream against the time to load it from a snapshot taken at its last event (one
 * snapshot read, an empty tail). The stream length where the two cross is the policy's `every`: below it a snapshot
 * costs more to read (and to write) than the events it saves. `npm run bench:decider-snapshots`; its own database.
 */
const LENGTHS = (process.env.LENGTHS ?? '5,10,20,50,100,200,500,1000').split(',').map(Number);
const SAMPLES = Number(process.env.SAMPLES ?? 40);

/** p50 of each of two loads, taken in turns (so neither gets the warmer caches). */
async function timedInTurns(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let k = 0; k < SAMPLES; k++)
    for (const [i, work] of [a, b].entries()) {
      const t0 = performance.now();
      await work();
      times[i]!.push(performance.now() - t0);
    }
  const p50 = (list: number[]) =>
    percentile(
      list.sort((x, y) => x - y),
      50,
    );
  return [p50(times[0]), p50(times[1])];
}

async function measure<S>(
  name: string,
  store: PostgresEventStore,
  snapshots: PostgresSnapshotStore,
  decider: Decider<unknown, DomainEvent, S>,
  streamOf: (length: number) => { stream: string; events: EventToAppend[] },
): Promise<void> {
  console.log(`${name}: events   whole stream p50   from snapshot p50   whole/snapshot`);
  for (const length of LENGTHS) {
    const { stream, events } = streamOf(length);
    for (let k = 0; k < events.length; k += 100) await store.append(stream, events.slice(k, k + 100), 'any');
    const state = fold(decider, events as unknown as DomainEvent[]);
    await snapshots.save(stream, decider.snapshotting!.version, { revision: BigInt(events.length - 1), state });
    const [whole, fromSnapshot] = await timedInTurns(
      () => load(store, decider, stream),
      () => load(store, decider, stream, snapshots),
    );
    console.log(
      `${name}: ${String(events.length).padStart(6)}   ${whole.toFixed(2).padStart(15)} ms   ${fromSnapshot.toFixed(2).padStart(14)} ms   ${(whole / fromSnapshot).toFixed(2).padStart(10)}`,
    );
  }
}

runStoreBench({ applicationName: 'bench-decider-snapshots', poolSize: 4 }, async (store, url) => {
  const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
  try {
    const snapshots = new PostgresSnapshotStore(dataSource);
    await measure('incident', store, snapshots, incidentDecider as never, (length) => {
      const events = incidentStreamEvents(0, length - 1, new Date());
      return { stream: `incident-${(events[0]!.data as { incidentId: string }).incidentId}`, events };
    });
    await measure('team', store, snapshots, teamDecider as never, (length) => {
      // One registration and five events per call-out.
      const events = teamStreamEvents(0, Math.max(1, Math.round((length - 1) / 5)), new Date());
      return { stream: `team-${(events[0]!.data as { teamId: string }).teamId}`, events };
    });
  } finally {
    await dataSource.destroy();
  }
});

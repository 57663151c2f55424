import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@app/event-store';
import { CommandExecutor } from '@app/event-sourcing';
import { PostgresSnapshotStore } from '@app/event-sourcing/projections';
import { systemClock } from '@app/shared';
import { warehouseAggregate, warehouseDecider, type WarehouseEvent, type WarehouseState } from '@app/warehouses';
import { percentile, runStoreBench } from '../support/bench-database';

/**
 * Snapshots: a command on a warehouse with 100,000 movements should cost about what it costs on a new one. Builds
 * such a stream (receipts, allocations, shipments, deliveries), then times the same command on it with snapshots,
 * without, and on a fresh warehouse. MOVEMENTS=… changes the size.
 */
const MOVEMENTS = Number(process.env.MOVEMENTS ?? 100_000);
const SAMPLES = 30;
const now = new Date();
const ctx = { correlationId: 'bench', causationId: 'bench', actorId: 'bench' };
const meta = { ...ctx, occurredAt: now.toISOString(), schemaVersion: 1 };

async function register(executor: CommandExecutor): Promise<string> {
  const id = randomUUID();
  await executor.execute(
    warehouseAggregate,
    id,
    {
      type: 'RegisterWarehouse',
      warehouseId: id,
      name: '基准测试库',
      level: 'city',
      location: { address: 'bench', lat: 37.5, lng: 105.2 },
      jurisdiction: '640500',
      reserveKind: 'physical',
      now,
    },
    ctx,
  );
  return id;
}

/** Appends decided events in pages of 1,000 (one append each), folding as it goes so every event is legal. */
async function grow(store: PostgresEventStore, id: string, movements: number): Promise<void> {
  let state: WarehouseState = { status: 'none' };
  const history = await store.readStream(warehouseAggregate.streamOf(id));
  for (const e of history) state = warehouseDecider.evolve(state, e as unknown as WarehouseEvent);
  let revision = history[history.length - 1]!.revision;
  let page: WarehouseEvent[] = [];
  for (let i = 0; i < movements; i++) {
    const allocationId = randomUUID();
    // A steady cycle: receive a batch, allocate it, ship it, deliver it — stock stays level as in a real store.
    const step = i % 4;
    const command =
      step === 0
        ? {
            type: 'ReceiveStock' as const,
            receiptId: randomUUID(),
            items: [
              {
                materialCode: '1010101',
                quantity: 10,
                batch: `b${i}`,
                expiresAt: new Date(now.getTime() + i * 60_000).toISOString(),
              },
            ],
            now,
          }
        : step === 1
          ? {
              type: 'AllocateStock' as const,
              allocationId,
              incidentId: randomUUID(),
              items: [{ materialCode: '1010101', quantity: 10 }],
              now,
            }
          : {
              type: 'MoveAllocation' as const,
              allocationId: Object.keys(state.status === 'active' ? state.openAllocations : {})[0]!,
              to: step === 2 ? ('shipped' as const) : ('delivered' as const),
              now,
            };
    for (const event of warehouseDecider.decide(command, state)) {
      state = warehouseDecider.evolve(state, event);
      page.push(event);
    }
    if (page.length >= 1000 || i === movements - 1) {
      const result = await store.append(
        warehouseAggregate.streamOf(id),
        page.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: meta })),
        revision,
      );
      revision = result.nextRevision;
      page = [];
    }
  }
}

async function time(executor: CommandExecutor, id: string, count = SAMPLES): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await executor.execute(
      warehouseAggregate,
      id,
      {
        type: 'ReceiveStock',
        receiptId: randomUUID(),
        items: [{ materialCode: '2010102', quantity: 1, batch: null, expiresAt: null }],
        now,
      },
      ctx,
    );
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

const line = (label: string, s: number[]) =>
  console.log(
    `${label.padEnd(44)} p50 ${percentile(s, 50).toFixed(2).padStart(8)} ms   p99 ${percentile(s, 99).toFixed(2).padStart(8)} ms`,
  );

runStoreBench({ applicationName: 'bench' }, async (store, databaseUrl) => {
  const dataSource = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
  // No projection runs here: the executors wait for no read model.
  const withSnapshots = new CommandExecutor({
    store,
    clock: systemClock,
    snapshots: new PostgresSnapshotStore(dataSource),
  });
  const without = new CommandExecutor({ store, clock: systemClock });
  try {
    const fresh = await register(withSnapshots);
    const long = await register(withSnapshots);
    const started = performance.now();
    await grow(store, long, MOVEMENTS);
    const events =
      (await store.readStream(warehouseAggregate.streamOf(long), { direction: 'backwards', maxCount: 1 }))[0]!
        .revision + 1n;
    console.log(
      `warehouse with ${MOVEMENTS} movements = ${events} events, written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    line('new warehouse (snapshots on)', await time(withSnapshots, fresh));
    const first = performance.now();
    await withSnapshots.execute(
      warehouseAggregate,
      long,
      { type: 'SetMinimumLevel', materialCode: '1010101', minimum: 1, now },
      ctx,
    );
    console.log(
      `${'long warehouse, first command (takes snapshot)'.padEnd(44)} ${(performance.now() - first).toFixed(0).padStart(8)} ms`,
    );
    line('long warehouse, snapshots on', await time(withSnapshots, long));
    // Full replays are slow by nature: a few samples are enough to show the difference.
    line('long warehouse, snapshots off (full replay)', await time(without, long, 5));
  } finally {
    await dataSource.destroy();
  }
});

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type Position } from '@app/event-store';
import { CommandExecutor, fold, LiveDeltaBus } from '@app/event-sourcing';
import { PostgresSnapshotStore, ProjectionRunner } from '@app/event-sourcing/projections';
import { DomainError, JurisdictionRegistry, systemClock } from '@app/shared';
import type { WarehouseCommand } from '../../domain/warehouse/warehouse.commands';
import { warehouseDecider } from '../../domain/warehouse/warehouse.decider';
import { warehouseAggregate } from '../../application/warehouse.aggregate';
import { AllocationRow, StockLevelRow, WarehouseRow } from './stock.entities';
import { StockProjection } from './stock.projection';

/**
 * Random receipts, allocations, shipments, deliveries, cancels and counts against a real store: after every command
 * available = on hand − reserved and never below zero, and once the projection has caught up its rows equal the
 * state folded from the warehouse's events.
 */
const CODES = ['1010101', '2010102', '3010101'];
const now = new Date();

type Op =
  | { kind: 'receive'; code: number; quantity: number; expiresInDays: number | null }
  | { kind: 'allocate'; lines: { code: number; quantity: number }[] }
  | { kind: 'move'; pick: number; to: 'shipped' | 'delivered' | 'cancelled' }
  | { kind: 'count'; code: number; counted: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('receive' as const),
    code: fc.nat(2),
    quantity: fc.integer({ min: 1, max: 50 }),
    expiresInDays: fc.option(fc.integer({ min: 1, max: 400 })),
  }),
  fc.record({
    kind: fc.constant('allocate' as const),
    lines: fc.array(fc.record({ code: fc.nat(2), quantity: fc.integer({ min: 1, max: 30 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    pick: fc.nat(20),
    to: fc.constantFrom('shipped' as const, 'delivered' as const, 'cancelled' as const),
  }),
  fc.record({ kind: fc.constant('count' as const), code: fc.nat(2), counted: fc.integer({ min: 0, max: 80 }) }),
);

describe('warehouse stock: property-based against PostgreSQL', () => {
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let runner: ProjectionRunner;
  beforeAll(async () => {
    dataSource = await new DataSource({
      type: 'postgres',
      url: process.env.DATABASE_URL!,
      entities: [WarehouseRow, StockLevelRow, AllocationRow],
    }).initialize();
    store = new PostgresEventStore({
      connectionString: process.env.DATABASE_URL!,
      pollIntervalMs: 50,
      log: () => undefined,
    });
    runner = new ProjectionRunner(
      dataSource,
      store,
      [new StockProjection(new JurisdictionRegistry())],
      new LiveDeltaBus(),
      { log: () => undefined },
    );
    runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await store.close();
    await dataSource.destroy();
  });

  it('keeps available = on hand − reserved ≥ 0, and the read model equals the folded state', async () => {
    const executor = new CommandExecutor({
      store,
      clock: systemClock,
      snapshots: new PostgresSnapshotStore(dataSource),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
        const id = randomUUID();
        const stream = warehouseAggregate.streamOf(id);
        const run = (command: WarehouseCommand) =>
          executor.execute(warehouseAggregate, id, command, {
            correlationId: 'prop',
            causationId: 'prop',
            actorId: 'prop',
          });
        let last: Position | undefined = (
          await run({
            type: 'RegisterWarehouse',
            warehouseId: id,
            name: '性质测试库',
            level: 'city',
            location: { address: 'x', lat: 37.5, lng: 105.2 },
            jurisdiction: '640500',
            reserveKind: 'physical',
            now,
          })
        ).position;
        const allocations: string[] = [];
        for (const o of ops) {
          const command: WarehouseCommand =
            o.kind === 'receive'
              ? {
                  type: 'ReceiveStock',
                  receiptId: randomUUID(),
                  items: [
                    {
                      materialCode: CODES[o.code]!,
                      quantity: o.quantity,
                      batch: null,
                      expiresAt:
                        o.expiresInDays === null
                          ? null
                          : new Date(now.getTime() + o.expiresInDays * 86_400_000).toISOString(),
                    },
                  ],
                  now,
                }
              : o.kind === 'allocate'
                ? {
                    type: 'AllocateStock',
                    allocationId: randomUUID(),
                    incidentId: randomUUID(),
                    items: o.lines.map((l) => ({ materialCode: CODES[l.code]!, quantity: l.quantity })),
                    now,
                  }
                : o.kind === 'move'
                  ? {
                      type: 'MoveAllocation',
                      allocationId: allocations[o.pick % Math.max(1, allocations.length)] ?? randomUUID(),
                      to: o.to,
                      now,
                    }
                  : { type: 'CountStock', materialCode: CODES[o.code]!, counted: o.counted, reason: '性质测试', now };
          try {
            const result = await run(command);
            if (result.position) last = result.position;
            if (command.type === 'AllocateStock') allocations.push(command.allocationId);
            if (result.state.status !== 'active') throw new Error('warehouse vanished');
            for (const line of Object.values(result.state.stock)) {
              expect(line.reserved).toBeGreaterThanOrEqual(0);
              expect(line.onHand - line.reserved).toBeGreaterThanOrEqual(0);
              expect(line.batches.reduce((s, b) => s + b.quantity, 0)).toBe(line.onHand);
            }
          } catch (error) {
            if (!(error instanceof DomainError)) throw error; // refusals (short stock, illegal moves) are expected
          }
        }
        expect(await runner.waitFor('warehouse-stock', last!, 20_000)).toBe(true);
        const state = fold(
          warehouseDecider,
          (await store.readStream(stream)).map(
            (e) => ({ type: e.type, data: e.data }) as Parameters<typeof warehouseDecider.evolve>[1],
          ),
        );
        if (state.status !== 'active') throw new Error('no state');
        const rows = await dataSource.getRepository(StockLevelRow).findBy({ warehouseId: id });
        const fromRows = Object.fromEntries(
          rows.map((r) => [r.materialCode, { onHand: r.onHand, reserved: r.reserved, available: r.available }]),
        );
        const fromState = Object.fromEntries(
          Object.entries(state.stock).map(([code, l]) => [
            code,
            { onHand: l.onHand, reserved: l.reserved, available: l.onHand - l.reserved },
          ]),
        );
        expect(fromRows).toEqual(fromState);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

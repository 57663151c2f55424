import type { INestApplication } from '@nestjs/common';
import { idempotentAggregateId } from '@app/event-sourcing';
import { teamAggregate } from '@app/teams';
import { warehouseAggregate, type WarehouseCommand } from '@app/warehouses';
import { DEMO_ACTOR, demoContext as context, demoExecutor } from './demo-commands';
import { DEMO_TEAMS, DEMO_WAREHOUSES } from './demo-resources';

/**
 * Registers the invented demo teams and warehouses (with stock and minimum levels) through the one write path, with
 * idempotency keys, so a second start appends nothing. Returns how many teams and warehouses were new.
 */
export async function seedDemoResources(app: INestApplication): Promise<{ teams: number; warehouses: number }> {
  const executor = demoExecutor(app);
  const now = executor.now();
  let teams = 0;
  for (const [i, team] of DEMO_TEAMS.entries()) {
    const key = `demo-team-${i + 1}`;
    const teamId = idempotentAggregateId('team', DEMO_ACTOR, key);
    const result = await executor.execute(
      teamAggregate,
      teamId,
      {
        type: 'RegisterTeam',
        teamId,
        name: team.name,
        kind: team.kind,
        specialties: team.specialties,
        headcount: team.headcount,
        equipment: team.equipment,
        base: { address: `${team.name.replace('【演示】', '')}驻地（虚构）`, lat: team.lat, lng: team.lng },
        jurisdiction: team.jurisdiction,
        contact: { name: '值班室（虚构）', phone: `0955-00${String(100 + i)}` },
        now,
      },
      context(key),
    );
    if (!result.replayed) teams++;
  }
  let warehouses = 0;
  for (const [i, warehouse] of DEMO_WAREHOUSES.entries()) {
    const key = `demo-warehouse-${i + 1}`;
    const id = idempotentAggregateId('warehouse', DEMO_ACTOR, key);
    const run = (command: WarehouseCommand, suffix: string) =>
      executor.execute(warehouseAggregate, id, command, context(`${key}-${suffix}`));
    const registered = await run(
      {
        type: 'RegisterWarehouse',
        warehouseId: id,
        name: warehouse.name,
        level: warehouse.level,
        reserveKind: warehouse.reserveKind,
        jurisdiction: warehouse.jurisdiction,
        location: {
          address: `${warehouse.name.replace('【演示】', '')}（虚构地址）`,
          lat: warehouse.lat,
          lng: warehouse.lng,
        },
        now,
      },
      'register',
    );
    if (registered.replayed) continue;
    warehouses++;
    await run(
      {
        type: 'ReceiveStock',
        receiptId: idempotentAggregateId('receipt', DEMO_ACTOR, key),
        now,
        items: warehouse.stock.map((s) => ({
          materialCode: s.materialCode,
          quantity: s.quantity,
          batch: 'DEMO-2026',
          expiresAt: s.expiresInDays ? new Date(now.getTime() + s.expiresInDays * 86_400_000).toISOString() : null,
        })),
      },
      'receipt',
    );
    for (const s of warehouse.stock.filter((x) => x.minimum > 0)) {
      await run(
        { type: 'SetMinimumLevel', materialCode: s.materialCode, minimum: s.minimum, now },
        `minimum-${s.materialCode}`,
      );
    }
  }
  return { teams, warehouses };
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Snapshots of long streams and the stock read models. Both are disposable: events are the truth. */
export class Warehouses1732000000400 implements MigrationInterface {
  name = 'Warehouses1732000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table aggregate_snapshots (
        stream_name text not null,
        version int not null,
        revision bigint not null,
        state jsonb not null,
        taken_at timestamptz not null default now(),
        primary key (stream_name, version)
      )`);
    await q.query(`
      create table warehouses (
        id uuid primary key,
        name text not null,
        level text not null,
        location jsonb not null,
        jurisdiction text not null,
        reserve_kind text not null,
        revision int not null,
        position text not null
      )`);
    await q.query(`
      create table stock_levels (
        warehouse_id uuid not null,
        material_code text not null,
        on_hand int not null,
        reserved int not null,
        available int generated always as (on_hand - reserved) stored,
        minimum int not null,
        nearest_expiry timestamptz,
        batches jsonb not null,
        jurisdiction text not null,
        position text not null,
        primary key (warehouse_id, material_code),
        constraint stock_never_negative check (on_hand >= 0 and reserved >= 0 and on_hand >= reserved)
      )`);
    await q.query(`create index stock_levels_by_material on stock_levels (material_code, jurisdiction)`);
    await q.query(`
      create table allocations (
        id uuid primary key,
        warehouse_id uuid not null,
        incident_id uuid not null,
        items jsonb not null,
        status text not null,
        jurisdiction text not null,
        allocated_at timestamptz not null,
        updated_at timestamptz not null
      )`);
    await q.query(`create index allocations_by_incident on allocations (incident_id)`);
    // The dispatch process manager's own state: allocations not yet delivered or cancelled, per incident.
    await q.query(`
      create table process_open_allocations (
        allocation_id uuid primary key,
        warehouse_id uuid not null,
        incident_id uuid not null
      )`);
    await q.query(`create index process_open_allocations_by_incident on process_open_allocations (incident_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table process_open_allocations`);
    await q.query(`drop table allocations`);
    await q.query(`drop table stock_levels`);
    await q.query(`drop table warehouses`);
    await q.query(`drop table aggregate_snapshots`);
  }
}

import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/** A stock line as `POST /warehouses/{id}/receipts` takes it. */
export interface StockItem {
  materialCode: string;
  quantity: number;
  expiresAt?: string;
}

/** A valid 救援队伍 registration (a hazmat team in the Zhongwei industrial park); tests override what they exercise. */
export function teamBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `测试救援队 ${randomUUID().slice(0, 6)}`,
    kind: 'professional',
    specialties: ['hazardous_chemicals'],
    headcount: 20,
    equipment: ['防化服'],
    base: { address: '中卫工业园区（测试）', lat: 37.53, lng: 105.15 },
    jurisdiction: '640571',
    contact: { name: '李强', phone: '0955-0000002' },
    ...overrides,
  };
}

/** A valid 应急物资储备库 registration (the city's, physical reserve); tests override what they exercise. */
export function warehouseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `测试储备库 ${randomUUID().slice(0, 6)}`,
    level: 'city',
    location: { address: '中卫市（测试）', lat: 37.51, lng: 105.19 },
    jurisdiction: '640500',
    reserveKind: 'physical',
    ...overrides,
  };
}

/** Registers a team as the holder of `token` (an admin) and returns its id. */
export async function registerTeam(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  return (await t.post('/api/v1/teams', token).send(teamBody(overrides)).expect(201)).body.id as string;
}

/** Registers a warehouse as the holder of `token` (an admin), receives `stock` into it, and returns its id. */
export async function registerWarehouse(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
  stock: StockItem[] = [],
): Promise<string> {
  const id = (await t.post('/api/v1/warehouses', token).send(warehouseBody(overrides)).expect(201)).body.id as string;
  if (stock.length > 0) await t.post(`/api/v1/warehouses/${id}/receipts`, token).send({ items: stock }).expect(201);
  return id;
}

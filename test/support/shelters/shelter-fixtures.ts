import { randomUUID } from 'node:crypto';
import type { TestApp } from '../test-app';

/** A valid 避难场所登记 body (an invented park in the city); tests override what they exercise. */
export function shelterBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `测试避难场所 ${randomUUID().slice(0, 6)}`,
    kind: 'park',
    capacity: 1000,
    location: { lat: 37.54, lng: 105.15 },
    jurisdiction: '640500',
    facilities: ['water', 'toilets'],
    address: '中卫市某路（测试）',
    ...overrides,
  };
}

/** Registers a shelter as the holder of `token` (an admin) and returns its id. */
export async function registerShelter(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  return (await t.post('/api/v1/shelters', token).send(shelterBody(overrides)).expect(201)).body.id as string;
}

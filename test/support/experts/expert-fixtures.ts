import { randomUUID } from 'node:crypto';
import type { TestApp } from '../test-app';

/** A valid 专家入库 body (an invented expert of the city); tests override what they exercise. */
export function expertBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `测试专家 ${randomUUID().slice(0, 6)}`,
    specialties: ['hazardous_chemicals'],
    title: '正高级工程师',
    organization: '某化工设计研究院（测试）',
    phone: '13995500001',
    jurisdiction: '640500',
    ...overrides,
  };
}

/** Registers an expert as the holder of `token` (an admin) and returns its id. */
export async function registerExpert(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  return (await t.post('/api/v1/experts', token).send(expertBody(overrides)).expect(201)).body.id as string;
}

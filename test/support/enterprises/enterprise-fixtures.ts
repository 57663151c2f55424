import { randomInt } from 'node:crypto';
import { CREDIT_CODE_ALPHABET, completeCreditCode } from '../../../libs/enterprises/src/domain';

/**
 * A fresh valid 统一社会信用代码 (企业, 市场监管登记) for a test: a random organisation body, both check characters
 * computed by the register's own rules (the rules themselves are tested in credit-code.unit.spec.ts against codes
 * computed by hand).
 */
export function freshCreditCode(division = '640500'): string {
  let body = '';
  for (let i = 0; i < 8; i++) body += CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)]!;
  return completeCreditCode(`91${division}${body}`)!;
}

/** A valid registration in 中卫工业园区 unless told otherwise. */
export function enterpriseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '中卫某精细化工有限公司（测试）',
    creditCode: freshCreditCode(),
    industry: 'hazardous_chemicals',
    jurisdiction: '640571',
    address: '中卫工业园区纬三路（虚构地址）',
    location: { lat: 37.533, lng: 105.146 },
    contacts: {
      principal: { name: '王建国', phone: '0955-7012345' },
      safety: { name: '李安全', phone: '13995512345' },
    },
    ...overrides,
  };
}

/** Registers an enterprise as `token` (an admin) and returns its id. */
export async function registerEnterprise(
  t: { post(path: string, token?: string): import('supertest').Test },
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const response = await t.post('/api/v1/enterprises', token).send(enterpriseBody(overrides));
  if (response.status !== 201)
    throw new Error(`enterprise not registered: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** Issues a device key for the enterprise as `token` (an admin); returns the key id and the key. */
export async function issueDeviceKey(
  t: { post(path: string, token?: string): import('supertest').Test },
  token: string,
  enterpriseId: string,
): Promise<{ keyId: string; key: string }> {
  const response = await t.post(`/api/v1/enterprises/${enterpriseId}/device-keys`, token).send({});
  if (response.status !== 201)
    throw new Error(`device key not issued: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { keyId: string; key: string };
}

import type { TestApp } from '../test-app';

/** A valid 统一社会信用代码 (GB 32100-2015) whose organisation code part (GB 11714) also checks, made from a seed. */
export function creditCodeFor(seed: number, region = '640502'): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body8 = String(10_000_000 + (seed % 89_999_999)).slice(0, 8);
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const orgSum = [...body8].reduce((s, c, i) => s + Number(c) * orgWeights[i]!, 0);
  const orgCheck = 11 - (orgSum % 11);
  const org = `${body8}${orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck)}`;
  const first17 = `91${region}${org}`;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((s, c, i) => s + chars.indexOf(c) * weights[i]!, 0);
  const check = (31 - (sum % 31)) % 31;
  return `${first17}${chars[check]}`;
}

let seed = Date.now() % 1_000_000;

/** Registers an invented enterprise over HTTP as the holder of `token` (an admin) and returns its id. */
export async function registerEnterprise(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const jurisdiction = (overrides.jurisdiction as string | undefined) ?? '640502';
  const body = {
    name: `【测试】中卫示范化工有限公司${++seed}`,
    creditCode: creditCodeFor(seed, jurisdiction),
    industry: 'hazardous_chemicals',
    jurisdiction,
    address: '中卫工业园区纬三路（虚构）',
    location: { lat: 37.52, lng: 105.18 },
    contacts: {
      principal: { name: '王主任', phone: '0955-0000001' },
      safety: { name: '李安全', phone: '0955-0000002' },
    },
    ...overrides,
  };
  const answer = await t.post('/api/v1/enterprises', token).send(body);
  if (answer.status !== 201)
    throw new Error(`enterprise not registered: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id as string;
}

/** The body of a liquid-ammonia storage unit: 300 t of ammonia (Q 10 t, β 2), 120 people → R 120, 一级. */
export function ammoniaTankFarm(
  enterpriseId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    enterpriseId,
    name: '液氨储罐区',
    unitKind: 'storage',
    exposedPopulation: 120,
    substances: [{ casNo: '7664-41-7', name: '液氨', quantityTonnes: 300 }],
    ...overrides,
  };
}

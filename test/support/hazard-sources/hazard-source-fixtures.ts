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

/** Registers a hazardous-chemical unit as `token` (an admin) and returns its id. */
export async function registerHazardSource(
  t: { post(path: string, token?: string): import('supertest').Test },
  token: string,
  body: Record<string, unknown>,
): Promise<string> {
  const response = await t.post('/api/v1/hazard-sources', token).send(body);
  if (response.status !== 201)
    throw new Error(`hazard source not registered: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

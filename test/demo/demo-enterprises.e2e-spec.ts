import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoEnterprises } from '../../apps/command-api/src/demo/seed-demo-enterprises';
import { DEMO_ENTERPRISES } from '../../apps/command-api/src/demo/demo-enterprises';
import { checkCreditCode, DeviceKeys } from '../../libs/enterprises/src';
import { startTestApp, type TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';

/** The demo enterprises and their gateways' keys for the monitoring simulator. */
describe('demo enterprises', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('are invented, marked, in the industrial parks and 中宁, with valid codes and both people', () => {
    expect(DEMO_ENTERPRISES.length).toBeGreaterThanOrEqual(4);
    for (const e of DEMO_ENTERPRISES) {
      expect(checkCreditCode(e.creditCode)).toEqual({ valid: true, code: e.creditCode });
      expect(e.name.startsWith('【演示】')).toBe(true);
      expect(e.address).toContain('虚构');
      expect(['640571', '640572', '640521']).toContain(e.jurisdiction);
    }
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.jurisdiction))).toEqual(new Set(['640571', '640572', '640521']));
    expect(DEMO_ENTERPRISES.some((e) => e.industry === 'coal_mine' && e.jurisdiction === '640521')).toBe(true);
    expect(DEMO_ENTERPRISES.some((e) => e.industry === 'gas')).toBe(true);
  });

  it('are registered once with one working device key each, written to a 0600 file; a second start keeps the keys', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'demo-keys-')), 'demo-device-keys.json');
    expect(await seedDemoEnterprises(t.app, file)).toEqual({
      enterprises: DEMO_ENTERPRISES.length,
      keys: DEMO_ENTERPRISES.length,
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const keys = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(Object.keys(keys).sort()).toEqual(DEMO_ENTERPRISES.map((e) => e.creditCode).sort());
    const verifier = t.app.get(DeviceKeys);
    for (const e of DEMO_ENTERPRISES) {
      const device = await eventually(() => verifier.verify(keys[e.creditCode]).then((d) => d ?? undefined));
      expect(device).toMatchObject({ creditCode: e.creditCode, jurisdiction: e.jurisdiction });
    }
    const listed = await eventually(async () => {
      const body = (await t.get('/api/v1/enterprises').expect(200)).body as {
        name: string;
        contacts: { safety: unknown };
      }[];
      const demo = body.filter((e) => e.name.startsWith('【演示】'));
      return demo.length === DEMO_ENTERPRISES.length && demo;
    });
    expect(listed.every((e) => e.contacts.safety !== null)).toBe(true);

    expect(await seedDemoEnterprises(t.app, file)).toEqual({ enterprises: 0, keys: 0 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(keys);

    // A key lost from the file is replaced by a fresh one (the old one cannot be shown again).
    const [first] = DEMO_ENTERPRISES;
    writeFileSync(file, JSON.stringify({ ...keys, [first!.creditCode]: undefined }));
    expect(await seedDemoEnterprises(t.app, file)).toEqual({ enterprises: 0, keys: 1 });
    const renewed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(renewed[first!.creditCode]).not.toBe(keys[first!.creditCode]);
    expect(
      await eventually(() => verifier.verify(renewed[first!.creditCode]).then((d) => d ?? undefined)),
    ).toMatchObject({
      creditCode: first!.creditCode,
    });
  });
});

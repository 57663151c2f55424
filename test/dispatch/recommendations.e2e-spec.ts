import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { incidentBody, waitForMessage } from '../support/incident-fixtures';
import { registerTeam, registerWarehouse } from '../support/resource-fixtures';

interface TeamRec {
  teamId: string;
  matchedSpecialties: string[];
  distanceKm: number;
  etaMinutes: number;
  reason: string;
}

describe('recommendations, availability and the live team feed', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => ({ t, user: admin } = await givenSignedIn(['admin'])));
  afterAll(() => t?.close());

  const team = (specialties: string[], lat: number, jurisdiction = '640571') =>
    registerTeam(t, admin.token, { specialties, base: { address: '测试基地', lat, lng: 105.14 }, jurisdiction });

  it('ranks matching teams by ETA and warehouses holding enough first, each with its reason', async () => {
    const hazmatNear = await team(['hazardous_chemicals'], 37.54);
    const hazmatFar = await team(['hazardous_chemicals', 'fire'], 37.9);
    const medicalOnly = await team(['flood'], 37.53);
    const near = await registerWarehouse(
      t,
      admin.token,
      { level: 'county', location: { address: 'x', lat: 37.531, lng: 105.141 }, jurisdiction: '640571' },
      [{ materialCode: '2010102', quantity: 3 }],
    );
    const far = await registerWarehouse(t, admin.token, { location: { address: 'y', lat: 37.8, lng: 105.2 } }, [
      { materialCode: '2010102', quantity: 50 },
      { materialCode: '2040101', quantity: 5 },
      { materialCode: '2040201', quantity: 100 },
    ]);
    const incident = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ location: { address: '园区', lat: 37.53, lng: 105.14 } }))
        .expect(201)
    ).body;
    const { body } = await t.get(`/api/v1/incidents/${incident.id}/recommendations`).expect(200);
    const ids = body.teams.map((r: TeamRec) => r.teamId);
    // Both hazmat teams match one needed specialty or more and come before the flood team; the far one brings two.
    expect(ids.indexOf(hazmatFar)).toBeLessThan(ids.indexOf(medicalOnly));
    expect(ids.indexOf(hazmatNear)).toBeLessThan(ids.indexOf(medicalOnly));
    const nearRec = body.teams.find((r: TeamRec) => r.teamId === hazmatNear);
    expect(nearRec.distanceKm).toBeCloseTo(1.1, 1);
    expect(nearRec.reason).toMatch(/匹配专长：危险化学品处置；距离 [\d.]+ 公里，预计 \d+ 分钟到达/);
    const wh = body.warehouses.map((w: { warehouseId: string }) => w.warehouseId);
    expect(wh.indexOf(far)).toBeLessThan(wh.indexOf(near));
    expect(body.warehouses.find((w: { warehouseId: string }) => w.warehouseId === near).shortfall).toContainEqual({
      materialCode: '2010102',
      needed: 10,
      available: 3,
    });
  });

  it('summarizes availability for a jurisdiction', async () => {
    const id = await team(['power_repair'], 37.5, '640521');
    await t.post(`/api/v1/teams/${id}/status`).send({ status: 'out_of_service' }).expect(200);
    const { body } = await t.get('/api/v1/availability').query({ jurisdiction: '640521' }).expect(200);
    expect(body.teams).toContainEqual({ specialty: 'power_repair', byStatus: { out_of_service: 1 } });
    expect(body.jurisdictions).toEqual(expect.arrayContaining(['640521', '640521100']));
  });

  it('a reconnecting console resumes team.changed from its last position and misses nothing', async () => {
    const id = await team(['medical'], 37.5);
    const first = await t.socket();
    const seen = waitForMessage<{ position: string; data: { id: string; status: string } }>(first, 'team.changed');
    await t.post(`/api/v1/teams/${id}/status`).send({ status: 'out_of_service' }).expect(200);
    const last = await seen;
    first.close();
    await t.post(`/api/v1/teams/${id}/status`).send({ status: 'available' }).expect(200);
    await t.post(`/api/v1/teams/${id}/status`).send({ status: 'out_of_service' }).expect(200);
    const again = await t.socket();
    const missed: string[] = [];
    again.on('team.changed', (m: { data: { id: string; status: string } }) => {
      if (m.data.id === id) missed.push(m.data.status);
    });
    expect(await again.emitWithAck('resume', { since: last.position })).toMatchObject({ ok: true });
    const deadline = Date.now() + 3000;
    while (missed.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(missed).toEqual(['available', 'out_of_service']);
  });
});

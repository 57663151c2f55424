import request from 'supertest';
import { DeviceKeys } from '../../libs/enterprises/src';
import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { until } from '../support/eventually';
import { enterpriseBody, freshCreditCode } from '../support/enterprises/enterprise-fixtures';

describe('enterprise register (企业登记) and device keys over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let countyAdmin: TestUser;
  let otherCountyAdmin: TestUser;
  beforeAll(async () => {
    ({ t, user: admin } = await givenSignedIn(['admin']));
    countyAdmin = await t.user(['admin'], '640521');
    otherCountyAdmin = await t.user(['admin'], '640522');
  });
  afterAll(() => t?.close());

  const register = (body: Record<string, unknown>, token = admin.token) =>
    t.post('/api/v1/enterprises', token).send(body);
  const patch = (id: string, body: unknown, token = admin.token, revision?: number) => {
    const req = request(t.baseUrl).patch(`/api/v1/enterprises/${id}`).set('Authorization', `Bearer ${token}`);
    if (revision !== undefined) req.set('If-Match', String(revision));
    return req.send(body as object);
  };

  it('registers an enterprise and answers the register view; GET finds it by id and in the list', async () => {
    const body = enterpriseBody();
    const created = await register(body).expect(201);
    expect(created.body).toMatchObject({
      name: body.name,
      creditCode: body.creditCode,
      industry: 'hazardous_chemicals',
      industryLabel: '危险化学品',
      jurisdiction: '640571',
      location: { lat: 37.533, lng: 105.146 },
      contacts: {
        principal: { name: '王建国', phone: '0955-7012345' },
        safety: { name: '李安全', phone: '13995512345' },
      },
      hazardSourceCount: 0,
      highestHazardGrade: null,
      revision: 0,
    });
    const got = await t.get(`/api/v1/enterprises/${created.body.id}`, admin.token).expect(200);
    expect(got.body.creditCode).toBe(body.creditCode);
    const listed = await t
      .get('/api/v1/enterprises', admin.token)
      .query({ q: String(body.creditCode).slice(8), industry: 'hazardous_chemicals' })
      .expect(200);
    expect(listed.body.map((e: { id: string }) => e.id)).toEqual([created.body.id]);
  });

  it('accepts `contact` alone as the 主要负责人, and lower-case letters of the code upper-cased', async () => {
    const code = freshCreditCode();
    const { contacts: _c, ...rest } = enterpriseBody({ creditCode: code.toLowerCase() });
    const created = await register({ ...rest, contact: { name: '赵负责', phone: '0955-1111111' } }).expect(201);
    expect(created.body.creditCode).toBe(code);
    expect(created.body.contacts).toEqual({ principal: { name: '赵负责', phone: '0955-1111111' }, safety: null });
  });

  it('refuses a code with a wrong check character, a forbidden letter or no principal', async () => {
    const code = freshCreditCode();
    const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const bad = await register(enterpriseBody({ creditCode: wrongCheck })).expect(422);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body).toMatchObject({
      code: 'ENTERPRISE_CREDIT_CODE_INVALID',
      details: { problem: 'check', position: 18 },
    });
    expect(bad.body.detail).toContain('校验码');
    const letter = await register(enterpriseBody({ creditCode: 'I' + code.slice(1) })).expect(422);
    expect(letter.body.details).toMatchObject({ problem: 'character', position: 1 });
    const { contacts: _c, ...noPeople } = enterpriseBody();
    const none = await register(noPeople).expect(400);
    expect(none.body.code).toBe('VALIDATION_FAILED');
    const unknownIndustry = await register(enterpriseBody({ industry: 'piracy' })).expect(400);
    expect(unknownIndustry.body.code).toBe('VALIDATION_FAILED');
    const badLocation = await register(enterpriseBody({ location: { lat: 123, lng: 'east' } })).expect(400);
    expect(badLocation.body.code).toBe('VALIDATION_FAILED');
  });

  it('keeps script and markup in every text field as text, and refuses huge strings with 400', async () => {
    const script = '<img src=x onerror=alert(1)>';
    const body = enterpriseBody({
      name: `${script}化工`,
      address: `${script}地址`,
      contacts: {
        principal: { name: `${script}甲`, phone: `${script}1` },
        safety: { name: `${script}乙`, phone: '2' },
      },
    });
    const created = await register(body).expect(201);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    const got = await t.get(`/api/v1/enterprises/${created.body.id}`, admin.token).expect(200);
    expect(got.body).toMatchObject({
      name: `${script}化工`,
      address: `${script}地址`,
      contacts: {
        principal: { name: `${script}甲`, phone: `${script}1` },
        safety: { name: `${script}乙`, phone: '2' },
      },
    });
    const label = await t
      .post(`/api/v1/enterprises/${created.body.id}/device-keys`, admin.token)
      .send({ label: script })
      .expect(201);
    const keys = await t.get(`/api/v1/enterprises/${created.body.id}/device-keys`, admin.token).expect(200);
    expect(keys.body).toEqual([expect.objectContaining({ keyId: label.body.keyId, label: script })]);
    for (const huge of [
      { name: 'x'.repeat(201) },
      { address: '址'.repeat(301) },
      { contacts: { principal: { name: '甲', phone: '1'.repeat(51) } } },
      { creditCode: '9'.repeat(100_000) },
    ]) {
      const refused = await register(enterpriseBody(huge)).expect(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.detail).toMatch(/[\u4e00-\u9fff]/);
    }
    const longLabel = await t
      .post(`/api/v1/enterprises/${created.body.id}/device-keys`, admin.token)
      .send({ label: 'x'.repeat(101) })
      .expect(400);
    expect(longLabel.body.code).toBe('VALIDATION_FAILED');
  });

  it('a duplicate credit code is 409 ENTERPRISE_CREDIT_CODE_TAKEN, also when two registrations race', async () => {
    const code = freshCreditCode();
    await register(enterpriseBody({ creditCode: code })).expect(201);
    const again = await register(enterpriseBody({ creditCode: code, name: '另一家' })).expect(409);
    expect(again.body.code).toBe('ENTERPRISE_CREDIT_CODE_TAKEN');

    const raced = freshCreditCode();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => register(enterpriseBody({ creditCode: raced, name: `并发登记 ${i}` }))),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const rows = await t.sql<{ n: string }>(`select count(*) as n from enterprise_register where credit_code = $1`, [
      raced,
    ]);
    expect(Number(rows[0]!.n)).toBe(1);
    const streams = await t.sql<{ n: string }>(
      `select count(*) as n from es_streams where stream_name like 'enterprise-%' and stream_name in (${answers
        .filter((a) => a.status === 201)
        .map((a) => `'enterprise-${a.body.id}'`)
        .join(',')})`,
    );
    expect(Number(streams[0]!.n)).toBe(1);
  });

  it('the list is scoped to the caller: a county admin sees its county only and cannot register in another', async () => {
    const mine = (await register(enterpriseBody({ jurisdiction: '640521' }), countyAdmin.token).expect(201)).body;
    const park = (await register(enterpriseBody()).expect(201)).body;
    const seen = await t.get('/api/v1/enterprises', countyAdmin.token).expect(200);
    const ids = seen.body.map((e: { id: string }) => e.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(park.id);
    expect(seen.body.every((e: { jurisdiction: string }) => e.jurisdiction.startsWith('640521'))).toBe(true);
    await t.get(`/api/v1/enterprises/${park.id}`, countyAdmin.token).expect(404);
    // The city sees both; asking for 中宁 narrows to it, asking the county for the park gives nothing.
    const cityIds = (await t.get('/api/v1/enterprises', admin.token).expect(200)).body.map((e: { id: string }) => e.id);
    expect(cityIds).toEqual(expect.arrayContaining([mine.id, park.id]));
    const narrowed = await t.get('/api/v1/enterprises', admin.token).query({ jurisdiction: '640521' }).expect(200);
    expect(narrowed.body.map((e: { id: string }) => e.id)).toContain(mine.id);
    expect(narrowed.body.map((e: { id: string }) => e.id)).not.toContain(park.id);
    const outside = await t.get('/api/v1/enterprises', countyAdmin.token).query({ jurisdiction: '640571' }).expect(200);
    expect(outside.body).toEqual([]);
    await t.get('/api/v1/enterprises', admin.token).query({ industry: 'piracy' }).expect(400);
    const elsewhere = await register(enterpriseBody(), countyAdmin.token).expect(403);
    expect(elsewhere.body.code).toBe('OUTSIDE_JURISDICTION');
  });

  it("another county's admin cannot change it, issue keys for it or revoke them (404, nothing appended)", async () => {
    const e = (await register(enterpriseBody({ jurisdiction: '640521' }), countyAdmin.token).expect(201)).body;
    const key = (await t.post(`/api/v1/enterprises/${e.id}/device-keys`, countyAdmin.token).send({}).expect(201)).body;
    expect((await patch(e.id, { name: '改名' }, otherCountyAdmin.token)).status).toBe(404);
    await t.post(`/api/v1/enterprises/${e.id}/device-keys`, otherCountyAdmin.token).send({}).expect(404);
    await request(t.baseUrl)
      .delete(`/api/v1/enterprises/${e.id}/device-keys/${key.keyId}`)
      .set('Authorization', `Bearer ${otherCountyAdmin.token}`)
      .expect(404);
    await t.get(`/api/v1/enterprises/${e.id}/device-keys`, otherCountyAdmin.token).expect(404);
    const after = await t.get(`/api/v1/enterprises/${e.id}`, countyAdmin.token).expect(200);
    expect(after.body).toMatchObject({ name: e.name, revision: 1 });
  });

  it('PATCH with If-Match: of two changes made on the same revision one wins, the other is 412 STALE_REVISION', async () => {
    const e = (await register(enterpriseBody()).expect(201)).body;
    const [a, b] = await Promise.all([
      patch(e.id, { name: '甲改名' }, admin.token, 0),
      patch(e.id, { address: '乙改地址' }, admin.token, 0),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? a : b;
    expect(loser.body.code).toBe('STALE_REVISION');
    const now = await t.get(`/api/v1/enterprises/${e.id}`, admin.token).expect(200);
    expect(now.body.revision).toBe(1);
    const safetyRemoved = await patch(e.id, { contacts: { safety: null } }, admin.token, 1);
    expect(safetyRemoved.status).toBe(200);
    expect(safetyRemoved.body.contacts).toEqual({ principal: e.contacts.principal, safety: null });
    const codeChange = await patch(e.id, { creditCode: freshCreditCode() });
    expect(codeChange.status).toBe(400);
  });

  it('issues a device key shown once, verifies it, lists it without the secret, and refuses it once revoked', async () => {
    const e = (await register(enterpriseBody()).expect(201)).body;
    const issued = await t
      .post(`/api/v1/enterprises/${e.id}/device-keys`, admin.token)
      .set('Idempotency-Key', `dk-${e.id}`)
      .send({ label: '1 号罐区网关' })
      .expect(201);
    const { keyId, key } = issued.body as { keyId: string; key: string };
    expect(key.startsWith(`${keyId}.`)).toBe(true);
    expect(key.length).toBeGreaterThanOrEqual(60);
    const secret = key.slice(keyId.length + 1);
    // The secret is nowhere in the database: not in the events, not in the read model, not in stored answers.
    const leaks = await t.sql<{ n: string }>(
      `select (select count(*) from es_events where data::text like '%' || $1 || '%')
            + (select count(*) from enterprise_device_keys where secret_hash like '%' || $1 || '%')
            + (select count(*) from idempotency_keys where answer_body::text like '%' || $1 || '%') as n`,
      [secret],
    );
    expect(Number(leaks[0]!.n)).toBe(0);

    const keys = t.app.get(DeviceKeys);
    expect(await keys.verify(key)).toEqual({
      keyId,
      enterpriseId: e.id,
      creditCode: e.creditCode,
      jurisdiction: '640571',
    });
    expect(await keys.verify(`${keyId}.${'A'.repeat(43)}`)).toBeNull();
    expect(await keys.verify('not a key')).toBeNull();

    const listed = await t.get(`/api/v1/enterprises/${e.id}/device-keys`, admin.token).expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ keyId, label: '1 号罐区网关', revokedAt: null, lastUsedAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    await request(t.baseUrl)
      .delete(`/api/v1/enterprises/${e.id}/device-keys/${keyId}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(204);
    await until(async () => (await keys.verify(key)) === null, 6_000);
    const again = await request(t.baseUrl)
      .delete(`/api/v1/enterprises/${e.id}/device-keys/${keyId}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(409);
    expect(again.body.code).toBe('DEVICE_KEY_REVOKED');
    const relisted = await t.get(`/api/v1/enterprises/${e.id}/device-keys`, admin.token).expect(200);
    expect(relisted.body[0].revokedAt).toEqual(expect.any(String));
  });

  it('a duty officer may read the register but not register, change or issue keys', async () => {
    const officer = await t.user(['duty_officer']);
    await t.get('/api/v1/enterprises', officer.token).expect(200);
    await register(enterpriseBody(), officer.token).expect(403);
    const e = (await register(enterpriseBody()).expect(201)).body;
    await t.post(`/api/v1/enterprises/${e.id}/device-keys`, officer.token).send({}).expect(403);
    await t.get(`/api/v1/enterprises/${e.id}/device-keys`, officer.token).expect(403);
  });
});

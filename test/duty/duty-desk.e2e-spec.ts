// The duty desk (值班台) and handover acceptance (接班确认) over HTTP, against one started app.
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { incidentBody, waitForMessage } from '../support/incident-fixtures';

const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const person = (name: string, user?: TestUser) => ({ name, ...(user ? { userId: user.id } : {}) });
const shiftBody = (
  jurisdiction: string,
  startsAt: string,
  endsAt: string,
  officers: { name: string; userId?: string }[],
  leader: { name: string; userId?: string } = { name: '李带班' },
) => ({ jurisdiction, leader, officers, startsAt, endsAt });

interface Obligation {
  incidentId: string;
  title: string;
  obligationId: string;
  kindLabel: string;
  levelLabel: string;
  basis: string;
  dueAt: string;
  overdue: boolean;
}

describe('duty desk (值班台) and handover acceptance (接班确认)', () => {
  let t: TestApp;
  let outgoing: TestUser;
  let incoming: TestUser;
  let bystander: TestUser;
  let otherCounty: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    outgoing = await t.user(['duty_officer'], '640521');
    incoming = await t.user(['duty_officer'], '640521');
    bystander = await t.user(['duty_officer'], '640521');
    otherCounty = await t.user(['duty_officer'], '640522');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a handover waits for the named incoming officer; nobody else may accept it, and it is accepted once', async () => {
    const day = await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640521', iso(-HOUR), iso(11 * HOUR), [person('王交班', outgoing)]))
      .expect(201);
    const night = await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640521', iso(11 * HOUR), iso(23 * HOUR), [person('张接班', incoming)]))
      .expect(201);
    expect(night.body.officers).toEqual([{ name: '张接班', phone: null, userId: incoming.id }]);

    const before = (await t.get('/api/v1/duty/desk', outgoing.token).expect(200)).body;
    expect(before).toMatchObject({
      jurisdiction: '640521',
      timeZone: 'Asia/Shanghai',
      shift: { id: day.body.id },
      responsibleShift: { id: day.body.id },
      nextShift: { id: night.body.id },
      pendingHandover: null,
      mayHandOver: true,
      mayAccept: false,
      maySchedule: false,
      mayIssueRollCall: false,
    });

    // The note is the officer's text: markup in it is kept as typed and served as JSON data, never interpreted.
    const note = '<script>alert("交班")</script> 园区泄漏仍在处置 & 注意续报';
    const socket = await t.socket(incoming.token);
    const pushed = waitForMessage<{ data: { kind: string; handover: { id: string } } }>(socket, 'duty.changed');
    const handover = await t.post('/api/v1/duty/handovers', outgoing.token).send({ jurisdiction: '640521', note });
    expect(handover.status).toBe(201);
    expect(handover.headers['content-type']).toMatch(/^application\/json/);
    expect(handover.body).toMatchObject({
      note,
      status: 'pending',
      statusLabel: '待接班确认',
      incoming: [{ userId: incoming.id, name: '张接班' }],
      acceptedBy: null,
      fromShiftId: day.body.id,
      toShiftId: night.body.id,
    });
    expect((await pushed).data).toMatchObject({ kind: 'handover', handover: { id: handover.body.id } });
    const id: string = handover.body.id;

    // Both sides see it pending; the outgoing shift stays responsible until it is accepted.
    const seenByIncoming = (await t.get('/api/v1/duty/desk', incoming.token).expect(200)).body;
    expect(seenByIncoming).toMatchObject({
      pendingHandover: { id, note, status: 'pending' },
      mayAccept: true,
      responsibleShift: { id: day.body.id },
    });
    const seenByOutgoing = (await t.get('/api/v1/duty/desk', outgoing.token).expect(200)).body;
    expect(seenByOutgoing).toMatchObject({ pendingHandover: { id }, mayAccept: false });

    const refuse = async (token: string, path: string, status: number, code: string) => {
      const answer = await t.post(path, token).send({});
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body.detail).toMatch(/[\u4e00-\u9fff]/);
    };
    await refuse(outgoing.token, `/api/v1/duty/handovers/${id}/accept`, 403, 'NOT_INCOMING_OFFICER');
    await refuse(bystander.token, `/api/v1/duty/handovers/${id}/accept`, 403, 'NOT_INCOMING_OFFICER');
    await refuse(t.commander.token, `/api/v1/duty/handovers/${id}/accept`, 403, 'NOT_INCOMING_OFFICER');
    // Another county's officer does not learn that the handover exists; forged ids are not found or malformed.
    await refuse(otherCounty.token, `/api/v1/duty/handovers/${id}/accept`, 404, 'HANDOVER_NOT_FOUND');
    await refuse(incoming.token, `/api/v1/duty/handovers/${day.body.id}/accept`, 404, 'HANDOVER_NOT_FOUND');
    const malformed = await t.post('/api/v1/duty/handovers/1%27%20or%201=1/accept', incoming.token).send({});
    expect(malformed.status).toBe(400);
    const viewer = await t.user(['viewer'], '640521');
    await refuse(viewer.token, `/api/v1/duty/handovers/${id}/accept`, 403, 'FORBIDDEN');
    expect(
      await t.sql(`select 1 from es_events where stream_name = 'duty-640521' and event_type = 'HandoverAccepted'`),
    ).toHaveLength(0);

    const accepted = await t.post(`/api/v1/duty/handovers/${id}/accept`, incoming.token).send({}).expect(200);
    expect(accepted.body).toMatchObject({
      id,
      status: 'accepted',
      statusLabel: '已接班',
      acceptedBy: { userId: incoming.id },
    });
    expect(accepted.body.acceptedAt).toMatch(/\+08:00$/);
    await refuse(incoming.token, `/api/v1/duty/handovers/${id}/accept`, 409, 'HANDOVER_ALREADY_ACCEPTED');
    const after = (await t.get('/api/v1/duty/desk', incoming.token).expect(200)).body;
    expect(after).toMatchObject({ pendingHandover: null, mayAccept: false });
    const listed = (await t.get('/api/v1/duty/handovers', outgoing.token).query({ jurisdiction: '640521' })).body;
    expect(listed.find((h: { id: string }) => h.id === id)).toMatchObject({ note, status: 'accepted' });
    socket.disconnect();
  });

  it('scheduling: commanders and admins in scope, the named leader of the shift on duty, nobody else', async () => {
    const leader = await t.user(['duty_officer'], '640502');
    const officer = await t.user(['duty_officer'], '640502');
    const admin = await t.user(['admin'], '640500');
    await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640502', iso(-HOUR), iso(11 * HOUR), [person('刘值班', officer)], person('陈带班', leader)))
      .expect(201);
    const next = shiftBody('640502', iso(11 * HOUR), iso(23 * HOUR), [person('周值班')]);

    const refused = await t.post('/api/v1/duty/shifts', officer.token).send(next);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'NOT_SHIFT_LEADER' });
    const viewer = await t.user(['viewer'], '640502');
    expect((await t.post('/api/v1/duty/shifts', viewer.token).send(next)).body.code).toBe('FORBIDDEN');
    const stranger = await t.user(['commander'], '640522');
    const outside = await t.post('/api/v1/duty/shifts', stranger.token).send(next);
    expect({ status: outside.status, code: outside.body.code }).toEqual({ status: 403, code: 'OUTSIDE_JURISDICTION' });
    // A leader of another county's shift gains nothing here.
    expect((await t.post('/api/v1/duty/shifts', otherCounty.token).send(next)).body.code).toBe('OUTSIDE_JURISDICTION');
    expect((await t.get('/api/v1/duty/desk', leader.token).expect(200)).body.maySchedule).toBe(true);
    expect((await t.get('/api/v1/duty/desk', officer.token).expect(200)).body.maySchedule).toBe(false);

    await t.post('/api/v1/duty/shifts', leader.token).send(next).expect(201);
    await t
      .post('/api/v1/duty/shifts', admin.token)
      .send(shiftBody('640502', iso(23 * HOUR), iso(35 * HOUR), [person('吴值班')]))
      .expect(201);
    // The overlap rule still holds for the leader: 409, not a second watch.
    const overlap = await t.post('/api/v1/duty/shifts', leader.token).send(next);
    expect({ status: overlap.status, code: overlap.body.code }).toEqual({ status: 409, code: 'SHIFT_OVERLAP' });
  });

  it('the queue: obligations of real incidents of the jurisdiction and below, earliest due first, with roll calls and warnings', async () => {
    const desk = async (user: TestUser, jurisdiction?: string) =>
      (
        await t
          .get('/api/v1/duty/desk', user.token)
          .query(jurisdiction ? { jurisdiction } : {})
          .expect(200)
      ).body;
    const late = (
      await t
        .post('/api/v1/incidents')
        .send(
          incidentBody({
            jurisdiction: '640521',
            occurredAt: iso(-4 * HOUR),
            receivedAt: iso(-3 * HOUR),
            receivedAtReason: '电话接报后补录',
          }),
        )
        .expect(201)
    ).body;
    const fresh = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640521', occurredAt: iso(-10 * 60_000) }))
        .expect(201)
    ).body;
    const drill = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640521', drillId: await runningDrill(t) }))
        .expect(201)
    ).body;
    const neighbour = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640522' }))
        .expect(201)
    ).body;

    const county = await desk(outgoing);
    const obligations: Obligation[] = county.obligations;
    const ids = obligations.map((o) => o.incidentId);
    expect(ids).toEqual(expect.arrayContaining([late.id, fresh.id]));
    expect(ids).not.toContain(drill.id);
    expect(ids).not.toContain(neighbour.id);
    const dues = obligations.map((o) => Date.parse(o.dueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    // The back-dated receipt makes its first obligation overdue, so it leads the queue.
    expect(obligations[0]).toMatchObject({ incidentId: late.id, title: late.title, overdue: true });
    expect(obligations.find((o) => o.incidentId === fresh.id)).toMatchObject({ title: fresh.title, overdue: false });
    for (const o of obligations) {
      expect(o.kindLabel).toMatch(/[\u4e00-\u9fff]/);
      expect(o.basis).toMatch(/[\u4e00-\u9fff]/);
      expect(o.dueAt).toMatch(/\+08:00$/);
    }
    expect(county.obligationsTotal).toBe(obligations.length);

    // The city sees its counties' obligations; a county never sees the neighbour's, nor asks for its desk.
    const city = await desk(t.commander);
    expect(city.obligations.map((o: Obligation) => o.incidentId)).toEqual(
      expect.arrayContaining([late.id, fresh.id, neighbour.id]),
    );
    const foreign = await t.get('/api/v1/duty/desk', otherCounty.token).query({ jurisdiction: '640521' });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 403, code: 'OUTSIDE_JURISDICTION' });
    const unknown = await t.get('/api/v1/duty/desk', outgoing.token).query({ jurisdiction: '999999' });
    expect(unknown.status).toBe(400);

    // A report made clears the obligation from the queue.
    const first = obligations[0]!;
    await t
      .post(`/api/v1/incidents/${late.id}/reports`, outgoing.token)
      .send({
        toLevel: (first as Obligation & { level: string }).level,
        channel: '电话',
        obligationId: first.obligationId,
      })
      .expect((r) => expect([200, 201]).toContain(r.status));
    const cleared: Obligation[] = (await desk(outgoing)).obligations;
    // An obligation's id is unique within its incident: the queue names both.
    const key = (o: Pick<Obligation, 'incidentId' | 'obligationId'>) => `${o.incidentId}/${o.obligationId}`;
    expect(cleared.map(key)).not.toContain(key(first));
    expect(cleared.length).toBe(obligations.length - 1);

    // Roll calls: the county has one to answer, the city sees it issued with the answers.
    const rollCall = (
      await t
        .post('/api/v1/duty/roll-calls')
        .send({ jurisdictions: ['640521', '640522'], ackWithinMinutes: 5, message: '夜间在岗点名' })
        .expect(201)
    ).body;
    expect((await desk(outgoing)).rollCallsToAnswer.map((r: { id: string }) => r.id)).toContain(rollCall.id);
    expect((await desk(t.commander)).rollCallsIssued.map((r: { id: string }) => r.id)).toContain(rollCall.id);
    await t.post(`/api/v1/duty/roll-calls/${rollCall.id}/acknowledge`, outgoing.token).send({}).expect(200);
    expect((await desk(outgoing)).rollCallsToAnswer.map((r: { id: string }) => r.id)).not.toContain(rollCall.id);
    const issued = (await desk(t.commander)).rollCallsIssued.find((r: { id: string }) => r.id === rollCall.id);
    expect(
      issued.targets.map((x: { jurisdiction: string; status: string }) => `${x.jurisdiction}:${x.status}`),
    ).toEqual(['640521:answered', '640522:pending']);

    // Warnings in force of the jurisdiction; the neighbour's is not the county's business.
    const polygon = [
      { lat: 37.45, lng: 105.6 },
      { lat: 37.5, lng: 105.6 },
      { lat: 37.5, lng: 105.7 },
      { lat: 37.45, lng: 105.6 },
    ];
    const warning = (jurisdiction: string) => ({
      level: 'orange',
      hazard: '危险化学品泄漏',
      jurisdiction,
      area: { description: '石空工业园区周边 2 公里', polygon },
      message: '储罐区泄漏，立即撤离',
      effective: iso(-0.1 * HOUR),
      expires: iso(6 * HOUR),
      channels: ['sms'],
    });
    const own = (await t.post('/api/v1/warnings').send(warning('640521')).expect(201)).body;
    const theirs = (await t.post('/api/v1/warnings').send(warning('640522')).expect(201)).body;
    const warnings = (await desk(outgoing)).warningsInForce.map((w: { id: string }) => w.id);
    expect(warnings).toContain(own.id);
    expect(warnings).not.toContain(theirs.id);

    // What a handover now stores: the open roll call (still awaiting 640522) and the warning in force.
    await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640500', iso(-HOUR), iso(11 * HOUR), [person('城市值班')]))
      .expect(201);
    await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640500', iso(11 * HOUR), iso(23 * HOUR), [person('城市接班')]))
      .expect(201);
    const summary = (
      await t.post('/api/v1/duty/handovers').send({ jurisdiction: '640500', note: '点名未齐' }).expect(201)
    ).body.summary;
    expect(summary.openRollCalls).toEqual([expect.objectContaining({ id: rollCall.id, pendingTargets: ['640522'] })]);
    expect(summary.warningsInForce.map((w: { id: string }) => w.id)).toEqual(
      expect.arrayContaining([own.id, theirs.id]),
    );
    expect(summary.pendingDeadlines.map(key)).not.toContain(key(first));
  });

  it('after 响应终止 every report still owed stays in the queue and the handover; drill incidents are no real business', async () => {
    const neighbourDesk = async () =>
      (await t.get('/api/v1/duty/desk', otherCounty.token).query({ jurisdiction: '640522' }).expect(200)).body;
    const ended = (
      await t
        .post('/api/v1/incidents')
        .send(
          incidentBody({
            jurisdiction: '640522',
            occurredAt: iso(-4 * HOUR),
            receivedAt: iso(-3 * HOUR),
            receivedAtReason: '电话接报后补录',
          }),
        )
        .expect(201)
    ).body;
    const drill = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640522', drillId: await runningDrill(t) }))
        .expect(201)
    ).body;
    const before: Obligation[] = (await neighbourDesk()).obligations.filter(
      (o: Obligation) => o.incidentId === ended.id,
    );
    expect(before.some((o) => o.overdue)).toBe(true);
    await t.post(`/api/v1/incidents/${ended.id}/end-response`).send({ summary: '处置完毕' }).expect(200);
    await t.get(`/api/v1/incidents/${ended.id}`).expect((r) => expect(r.body.status).toBe('closed'));

    // The queue keeps what is still owed of the ended incident: its overdue reports and notifications.
    const after: (Obligation & { kind: string })[] = (await neighbourDesk()).obligations.filter(
      (o: Obligation) => o.incidentId === ended.id,
    );
    expect(after.filter((o) => o.overdue).map((o) => o.obligationId)).toEqual(
      before.filter((o) => o.overdue).map((o) => o.obligationId),
    );
    expect(after.length).toBeGreaterThan(0);

    // The handover of that watch stores the same obligations, each named by what it owes and to whom; the drill
    // incident is neither counted nor listed among the open incidents.
    await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640522', iso(-HOUR), iso(11 * HOUR), [person('邻县值班')]))
      .expect(201);
    await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640522', iso(11 * HOUR), iso(23 * HOUR), [person('邻县接班')]))
      .expect(201);
    const summary = (
      await t.post('/api/v1/duty/handovers').send({ jurisdiction: '640522', note: '终报未报' }).expect(201)
    ).body.summary;
    const stored = summary.pendingDeadlines.filter((d: { incidentId: string }) => d.incidentId === ended.id);
    expect(stored.map((d: { obligationId: string }) => d.obligationId).sort()).toEqual(
      after.map((o) => o.obligationId).sort(),
    );
    for (const d of stored) {
      expect(d.kind).toMatch(/^[a-z_]+$/);
      expect(d.kindLabel).toMatch(/[\u4e00-\u9fff]/);
      expect(d.levelLabel).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(stored.find((d: { kind: string }) => d.kind === 'initial')).toMatchObject({ kindLabel: '逐级上报' });
    // Rows of one incident differ by what they owe: no two name the same kind and level.
    const names = stored.map((d: { kindLabel: string; levelLabel: string }) => `${d.kindLabel}/${d.levelLabel}`);
    expect(new Set(names).size).toBe(names.length);
    expect(summary.pendingDeadlines.map((d: { incidentId: string }) => d.incidentId)).not.toContain(drill.id);
    const listed = summary.openIncidents.map((i: { id: string }) => i.id);
    expect(listed).not.toContain(drill.id);
    expect(summary.openIncidents.every((i: { drillId: string | null }) => i.drillId === null)).toBe(true);
  });

  it('races on one watch: of two accepts one lands; an accept racing the next handover wins, the handover is refused', async () => {
    const a = await t.user(['duty_officer'], '640571');
    const b = await t.user(['duty_officer'], '640571');
    const c = await t.user(['duty_officer'], '640571');
    // A is on duty for three more seconds, then B, then C: A hands over now, and B is on duty when the race runs.
    const change = new Date(Date.now() + 3000).toISOString();
    await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640571', iso(-3 * HOUR), change, [person('甲', a)]))
      .expect(201);
    await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640571', change, iso(11 * HOUR), [person('乙', b), person('丙', c)]))
      .expect(201);
    await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640571', iso(11 * HOUR), iso(23 * HOUR), [person('丁')]))
      .expect(201);
    const handover = (
      await t.post('/api/v1/duty/handovers', a.token).send({ jurisdiction: '640571', note: '交班' }).expect(201)
    ).body;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(change) - Date.now() + 200)));
    const revision = (await t.get('/api/v1/duty/desk', b.token).expect(200)).body.revision;
    expect(revision).toBe(handover.revision);

    // B hands over its own shift before it accepted it: refused whatever the order.
    const early = await t.post('/api/v1/duty/handovers', b.token).send({ jurisdiction: '640571', note: '过早交班' });
    expect(early.body.code).toBe('HANDOVER_NOT_ACCEPTED');

    const accept = (user: TestUser) =>
      t.post(`/api/v1/duty/handovers/${handover.id}/accept`, user.token).set('If-Match', String(revision)).send({});
    const [first, second, next] = await Promise.all([
      accept(b),
      accept(c),
      t
        .post('/api/v1/duty/handovers', b.token)
        .set('If-Match', String(revision))
        .send({ jurisdiction: '640571', note: '抢先交班' }),
    ]);
    // The client's If-Match failing is 412; a rule of the watch refusing it is 409.
    const statusOf = (code: unknown) => (code === 'STALE_REVISION' ? 412 : 409);
    const loser = first.status === 200 ? second : first;
    expect([first.status, second.status]).toContain(200);
    expect(['STALE_REVISION', 'HANDOVER_ALREADY_ACCEPTED']).toContain(loser.body.code);
    expect(loser.status).toBe(statusOf(loser.body.code));
    expect(['STALE_REVISION', 'HANDOVER_NOT_ACCEPTED']).toContain(next.body.code);
    expect(next.status).toBe(statusOf(next.body.code));
    const events = await t.sql<{ event_type: string }>(
      `select event_type from es_events where stream_name = 'duty-640571' order by stream_revision`,
    );
    expect(events.map((e) => e.event_type)).toEqual([
      'ShiftScheduled',
      'ShiftScheduled',
      'ShiftScheduled',
      'ShiftHandedOver',
      'HandoverAccepted',
    ]);
  });
});

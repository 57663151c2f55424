import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
interface Row {
  incidentId: string;
  obligationId: string;
  kind: string;
  level: string | null;
  status: string;
  statusLabel: string;
  basis: string;
  responsible: string;
  reportedBy: string | null;
  reportedByName?: string | null;
}

describe('deadline compliance: 按时, 迟报, 漏报, 核销, by whom, the unit apart (drills apart)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('classifies every obligation of a county in the law’s words, the bureau’s and the unit’s apart', async () => {
    const haiyuan = await t.user(['duty_officer'], '640522');
    // Received `minutes` ago: the bureau's own 2 hours (条例493 第十一条) run from that receipt.
    const report = async (minutes: number, extra: Record<string, unknown> = {}) =>
      (
        await t
          .post('/api/v1/incidents', haiyuan.token)
          .send(
            incidentBody({
              jurisdiction: '640522',
              occurredAt: minutesAgo(minutes + 90),
              ...(minutes > 0 ? { receivedAt: minutesAgo(minutes), receivedAtReason: '电话接报后补录' } : {}),
              ...extra,
            }),
          )
          .expect(201)
      ).body.id as string;
    const onTime = await report(0);
    const late = await report(130, { unitLearnedAt: minutesAgo(215), unitReportedAt: minutesAgo(130) });
    const overdue = await report(130);
    const drill = await report(130, { drillId: await runningDrill(t, '640522') });
    for (const id of [onTime, late])
      await t
        .post(`/api/v1/incidents/${id}/reports`, haiyuan.token)
        .send({ toLevel: 'city', channel: '电话' })
        .expect(201);

    const { body } = await t.get('/api/v1/compliance', haiyuan.token).expect(200);
    const of = (id: string) =>
      (body.obligations as Row[])
        .filter((r) => r.incidentId === id && r.kind !== 'notification')
        .map((r) => `${r.kind}:${r.level}:${r.status}`);
    expect(of(onTime)).toEqual(['initial:city:met']);
    expect(of(late)).toEqual(['unit:county:late', 'initial:city:late']);
    expect(of(overdue)).toEqual(['initial:city:overdue']);
    expect(of(drill)).toEqual([]);
    // The bureau: three reports and fifteen notifications (those received 130 minutes ago are overdue).
    expect(body.summary).toEqual({
      total: 18,
      met: 1,
      late: 1,
      missed: 0,
      overdue: 11,
      writtenOff: 0,
      pending: 5,
      onTimeRate: 0.0769,
    });
    // The unit's 1 hour (条例493 第九条) is its own line, never the bureau's.
    expect(body.unit).toMatchObject({ total: 1, late: 1 });
    // Who reported, in people's words (the account's display name) beside the sign-in name kept with the report.
    expect(body.byReporter).toEqual([
      { reportedBy: haiyuan.username, name: `测试用户 ${haiyuan.username}`, met: 1, late: 1 },
    ]);
    // The bureau's obligations per level of the chain, then per party notified; the unit's hour is not among them.
    expect(
      (body.byLevel as { key: string; label: string; total: number; met: number; late: number; overdue: number }[]).map(
        (g) => `${g.key}:${g.label}:${g.total}/${g.met}/${g.late}/${g.overdue}`,
      ),
    ).toEqual([
      'level:city:设区的市级:3/1/1/1',
      'party:government:本级人民政府:3/0/0/2',
      'party:public_security:公安机关:3/0/0/2',
      'party:human_resources:人力资源社会保障（劳动保障）行政部门:3/0/0/2',
      'party:trade_union:工会:3/0/0/2',
      'party:procuratorate:人民检察院:3/0/0/2',
    ]);
    const line = (id: string, kind: string) =>
      (body.obligations as Row[]).find((r) => r.incidentId === id && r.kind === kind)!;
    expect(line(onTime, 'initial')).toMatchObject({
      statusLabel: '按时',
      reportedBy: haiyuan.username,
      reportedByName: `测试用户 ${haiyuan.username}`,
    });
    expect(line(late, 'unit').reportedByName).toBe('事故单位');
    expect(line(late, 'initial').statusLabel).toBe('迟报');
    expect(line(late, 'unit')).toMatchObject({ statusLabel: '迟报', responsible: 'unit' });
    expect(line(overdue, 'initial').statusLabel).toBe('逾期未报');
    expect(line(overdue, 'initial').basis).toContain('第十一条');

    // The drill's own obligations are there when its drill is asked for, and never in the real figures.
    const drillId = (await t.get(`/api/v1/incidents/${drill}`, haiyuan.token).expect(200)).body.drillId;
    const drillView = (await t.get('/api/v1/compliance', haiyuan.token).query({ drillId }).expect(200)).body;
    expect(drillView.summary).toMatchObject({ total: 6, overdue: 6 });

    // 核销 with a reason is never counted as missed; ending the response with a report still owed makes it 漏报.
    const notification = line(overdue, 'notification') as Row & { obligationId: string };
    await t
      .post(`/api/v1/incidents/${overdue}/obligations/${encodeURIComponent(notification.obligationId)}/write-off`)
      .send({ reason: '已由市局统一通知' })
      .expect(200);
    await t.post(`/api/v1/incidents/${overdue}/end-response`).send({ summary: '处置完毕' }).expect(200);
    const after = (await t.get('/api/v1/compliance', haiyuan.token).expect(200)).body;
    const afterLine = (id: string, obligationId: string) =>
      (after.obligations as (Row & { obligationId: string })[]).find(
        (r) => r.incidentId === id && r.obligationId === obligationId,
      )!;
    expect(afterLine(overdue, notification.obligationId)).toMatchObject({ status: 'written_off', statusLabel: '核销' });
    expect(afterLine(overdue, line(overdue, 'initial').obligationId)).toMatchObject({
      status: 'missed',
      statusLabel: '漏报',
    });
    expect(after.summary).toMatchObject({ missed: 5, writtenOff: 1 });
  });

  it('another county sees none of it', async () => {
    const zhongning = await t.user(['viewer'], '640521');
    const { body } = await t.get('/api/v1/compliance', zhongning.token).expect(200);
    expect((body.obligations as Row[]).every((r) => !('640522' in r))).toBe(true);
    expect(body.summary.total).toBe(0);
    await t
      .get('/api/v1/compliance', zhongning.token)
      .query({ jurisdiction: '640522' })
      .expect(200)
      .expect((r) => expect(r.body.summary.total).toBe(0));
  });

  it('pages the obligation lines in deadline order by keyset; the totals count every line, whatever the page', async () => {
    const haiyuan = await t.user(['viewer'], '640522');
    const { body: whole } = await t.get('/api/v1/compliance', haiyuan.token).expect(200);
    const all = whole.obligations as (Row & { dueAt: string })[];
    expect(whole.obligationsTotal).toBe(whole.summary.total + whole.unit.total);
    expect(whole.obligationsTotal).toBe(all.length);
    expect(whole.obligationsNext).toBeNull();
    expect(all.length).toBeGreaterThan(5);

    // Two lines a page, following Link to the end: the same lines in the same order, none twice.
    const paged: Row[] = [];
    let url: string | null = '/api/v1/compliance/obligations?limit=2&jurisdiction=640522';
    for (let pages = 0; url !== null && pages < 100; pages++) {
      const response = await t.get(url, haiyuan.token).expect(200);
      expect((response.body as Row[]).length).toBeLessThanOrEqual(2);
      paged.push(...(response.body as Row[]));
      const link = response.headers.link as string | undefined;
      url = link ? /<([^>]+)>;\s*rel="next"/.exec(link)![1]! : null;
    }
    const key = (r: Row) => `${r.incidentId}|${r.obligationId}`;
    expect(paged.map(key)).toEqual(all.map(key));
    expect(paged.map((r) => r.status)).toEqual(all.map((r) => r.status));

    // The tally counts each status as the lines show it.
    const count = (status: string) => all.filter((r) => r.responsible === 'bureau' && r.status === status).length;
    expect(whole.summary).toMatchObject({ met: count('met'), late: count('late'), overdue: count('overdue') });
    // A cursor replayed under other filters is refused, not read from the middle of another list.
    const first = await t.get('/api/v1/compliance/obligations?limit=2&jurisdiction=640522', haiyuan.token).expect(200);
    const cursor = new URL(/<([^>]+)>/.exec(first.headers.link as string)![1]!, 'http://x').searchParams.get('cursor')!;
    await t
      .get(
        `/api/v1/compliance/obligations?limit=2&jurisdiction=640522&from=2020-01-01T00:00:00Z&cursor=${cursor}`,
        haiyuan.token,
      )
      .expect(400)
      .expect((r) => expect(r.body.code).toBe('CURSOR_INVALID'));
  });

  it('answers the first page with the totals and names the next page of lines when there are more', async () => {
    const haiyuan = await t.user(['viewer'], '640522');
    const { body: whole } = await t.get('/api/v1/compliance', haiyuan.token).expect(200);
    // The first page the summary carries is the list's default page; a page of one shows how the rest is named.
    const { body: one, headers } = await t
      .get('/api/v1/compliance/obligations?limit=1&jurisdiction=640522', haiyuan.token)
      .expect(200);
    expect(one).toHaveLength(1);
    expect(headers.link).toMatch(/^<\/api\/v1\/compliance\/obligations\?[^>]*cursor=[^>]+>; rel="next"$/);
    expect((one as Row[])[0]!.obligationId).toBe((whole.obligations as Row[])[0]!.obligationId);
  });
});

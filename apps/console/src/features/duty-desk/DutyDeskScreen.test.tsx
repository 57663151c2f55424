import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import type { DeskObligation, DutyDeskView, HandoverView, ShiftView } from '@app/duty/contract';
import { DutyDeskScreen } from './DutyDeskScreen';
import { spanText } from './desk-time';

const HOUR = 3_600_000;
const zoned = (ms: number) => new Date(Date.now() + ms).toISOString();
const session = (userId: string, roles: string[] = ['duty_officer']) =>
  ({
    accessToken: 't',
    expiresAt: zoned(HOUR),
    user: { id: userId, username: userId, displayName: userId, roles, jurisdiction: '640500' },
  }) as unknown as Session;

const shift = (id: string, leader: string, officers: string[], from: number, to: number): ShiftView => ({
  id,
  jurisdiction: '640500',
  jurisdictionName: '中卫市',
  leader: { name: leader, phone: null },
  leaderLabel: '带班领导',
  officers: officers.map((name) => ({ name, phone: null })),
  officersLabel: '值班员',
  startsAt: zoned(from),
  endsAt: zoned(to),
  status: from <= 0 ? 'on_duty' : 'upcoming',
  statusLabel: '',
  handedOver: false,
  handoverId: null,
  scheduledBy: { userId: 'x', name: 'x' },
  scheduledAt: zoned(-HOUR),
});

const obligation = (incidentId: string, title: string, dueIn: number, over: Partial<DeskObligation> = {}) => ({
  incidentId,
  title,
  jurisdiction: '640521',
  jurisdictionName: '中宁县',
  obligationId: 'initial:city:0',
  level: 'city',
  kind: 'initial',
  kindLabel: '初报',
  levelLabel: '设区的市级',
  basis: '《生产安全事故报告和调查处理条例》第十条',
  dueAt: zoned(dueIn),
  overdue: dueIn < 0,
  ...over,
});

const handover = (note: string, incoming: { userId: string; name: string }[]): HandoverView => ({
  id: '7d1c2a4e-0000-4000-8000-000000000001',
  label: '交接班',
  jurisdiction: '640500',
  jurisdictionName: '中卫市',
  fromShiftId: 'day',
  toShiftId: 'night',
  note,
  handedOverBy: { userId: 'duty', name: '王交班' },
  handedOverAt: zoned(-60_000),
  status: 'pending',
  statusLabel: '待接班确认',
  incoming,
  acceptedBy: null,
  acceptedAt: null,
  summary: {
    computedAt: zoned(-60_000),
    openIncidents: [
      {
        id: 'i1',
        title: '园区储罐泄漏',
        jurisdiction: '640521',
        grade: 'ordinary',
        responseLevel: null,
        drillId: null,
      },
    ],
    pendingDeadlines: [
      {
        incidentId: 'i1',
        title: '园区储罐泄漏',
        jurisdiction: '640521',
        obligationId: 'initial:city:0',
        level: 'city',
        dueAt: zoned(-HOUR),
        overdue: true,
      },
    ],
    openRollCalls: [],
    warningsInForce: [],
  },
});

const desk = (over: Partial<DutyDeskView> = {}): DutyDeskView => {
  const day = shift('day', '张建国', ['王交班'], -HOUR, 11 * HOUR);
  return {
    jurisdiction: '640500',
    jurisdictionName: '中卫市',
    timeZone: 'Asia/Shanghai',
    now: zoned(0),
    revision: 3,
    shift: day,
    responsibleShift: day,
    nextShift: shift('night', '孙海涛', ['张接班'], 11 * HOUR, 23 * HOUR),
    pendingHandover: null,
    mayAccept: false,
    maySchedule: false,
    mayIssueRollCall: false,
    mayHandOver: true,
    obligations: [],
    obligationsTotal: 0,
    rollCallsToAnswer: [],
    rollCallsIssued: [],
    warningsInForce: [],
    rollCallTargets: [],
    ...over,
  };
};

describe('DutyDeskScreen', () => {
  it('shows the shift and its leader, and queues obligations earliest first with overdue ones in red', async () => {
    answerFetch({
      'GET /duty/desk': {
        body: desk({
          obligations: [
            obligation('a', '煤矿透水', -3 * 24 * HOUR - 2 * HOUR),
            obligation('b', '储罐泄漏', 20 * 60_000),
            obligation('c', '道路塌陷', 2 * 24 * HOUR + 5 * HOUR),
          ],
          obligationsTotal: 3,
        }),
      },
    });
    renderInConsole(<DutyDeskScreen session={session('duty')} />);
    expect((await screen.findByTestId('duty-leader')).textContent).toBe('张建国');
    expect(screen.getByTestId('duty-clock').textContent).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/);
    // The zone is named as people say it, never as its database id.
    expect(screen.getByTestId('duty-zone').textContent).toBe('中国标准时间');
    const rows = screen.getAllByTestId('duty-obligation');
    expect(rows.map((r) => r.getAttribute('data-incident'))).toEqual(['a', 'b', 'c']);
    const [overdue, soon, later] = rows.map((r) => within(r).getByTestId('countdown'));
    expect(overdue!.className).toContain('overdue');
    expect(overdue!.textContent).toBe('已超时 3 天 2 小时');
    expect(soon!.className).not.toContain('overdue');
    expect(soon!.textContent).toMatch(/^剩余 (19|20) 分 \d{2} 秒$/);
    expect(later!.textContent).toMatch(/^剩余 2 天 (4|5) 小时$/);
    expect(within(rows[0]!).getByTestId('duty-obligation-basis').textContent).toContain('第十条');
  });

  it('reports from the queue with the generated text, the obligation and the channel chosen', async () => {
    const calls = answerFetch({
      'GET /duty/desk': { body: desk({ obligations: [obligation('a', '煤矿透水', -HOUR)], obligationsTotal: 1 }) },
      'POST /incidents/a/reports': { status: 201, body: { id: 'a', revision: 4 } },
    });
    // The report text is served as text/plain (answerFetch answers JSON): that one path is answered here.
    const answerJson = globalThis.fetch;
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes('/incidents/a/report-text?kind=initial')) return answerJson(input, init);
      calls.push({ method: 'GET', path: '/incidents/a/report-text?kind=initial', body: undefined });
      return Promise.resolve(
        new Response('生产安全事故快报\n<b>不是标记</b>', { headers: { 'content-type': 'text/plain; charset=utf-8' } }),
      );
    }) as typeof fetch;
    renderInConsole(<DutyDeskScreen session={session('duty')} />);
    await userEvent.click(await screen.findByTestId('duty-report'));
    const text = (await screen.findByTestId('duty-report-text')) as HTMLTextAreaElement;
    expect(text.value).toBe('生产安全事故快报\n<b>不是标记</b>');
    expect(document.querySelector('b')).toBeNull();
    await userEvent.selectOptions(screen.getByTestId('duty-report-channel'), '传真');
    await userEvent.click(screen.getByTestId('duty-report-send'));
    await waitFor(() => expect(screen.getByTestId('duty-feedback').textContent).toBe('已上报：煤矿透水'));
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/incidents/a/reports',
      body: {
        toLevel: 'city',
        channel: '传真',
        obligationId: 'initial:city:0',
        text: '生产安全事故快报\n<b>不是标记</b>',
      },
    });
  });

  it('hands over with the typed note, which a live delta does not wipe out', async () => {
    const calls = answerFetch({
      'GET /duty/desk': { body: desk() },
      'POST /duty/handovers': { status: 201, body: handover('夜间注意续报', []) },
    });
    renderInConsole(<DutyDeskScreen session={session('duty')} />);
    await userEvent.type(await screen.findByTestId('duty-handover-note'), '夜间注意续报');
    await act(async () => {
      publishLive('incident.changed', { position: '1', data: {} });
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    expect(calls.filter((c) => c.path === '/duty/desk')).toHaveLength(2);
    expect((screen.getByTestId('duty-handover-note') as HTMLTextAreaElement).value).toBe('夜间注意续报');
    await userEvent.click(screen.getByTestId('duty-hand-over'));
    await waitFor(() => expect(screen.getByTestId('duty-feedback').textContent).toBe('已交班，等待接班人员确认'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ jurisdiction: '640500', note: '夜间注意续报' });
  });

  it('shows the incoming officer the pending handover with its summary, the note as text, and accepts it', async () => {
    const note = '<img src=x onerror="window.__pwned=1"> 园区仍在处置';
    const calls = answerFetch({
      'GET /duty/desk': {
        body: desk({ pendingHandover: handover(note, [{ userId: 'next', name: '张接班' }]), mayAccept: true }),
      },
      'POST /duty/handovers/7d1c2a4e-0000-4000-8000-000000000001/accept': { body: { status: 'accepted' } },
    });
    renderInConsole(<DutyDeskScreen session={session('next')} />);
    const pending = await screen.findByTestId('duty-pending-handover');
    expect(within(pending).getByTestId('duty-handover-note-shown').textContent).toBe(note);
    expect(pending.querySelector('img')).toBeNull();
    expect(within(pending).getByTestId('duty-handover-summary').textContent).toContain('园区储罐泄漏');
    expect(within(pending).getByText(/接班人员：张接班/)).toBeTruthy();
    // Until accepted there is no handover form: the watch is not yet the incoming officer's to pass on.
    expect(screen.queryByTestId('duty-handover-form')).toBeNull();
    await userEvent.click(within(pending).getByTestId('duty-accept'));
    await waitFor(() => expect(screen.getByTestId('duty-feedback').textContent).toBe('已确认接班'));
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/accept'))).toBe(true);
  });

  it('the outgoing officer sees the handover pending without an accept button', async () => {
    answerFetch({
      'GET /duty/desk': { body: desk({ pendingHandover: handover('交班', [{ userId: 'next', name: '张接班' }]) }) },
    });
    renderInConsole(<DutyDeskScreen session={session('duty')} />);
    expect((await screen.findByTestId('duty-waiting')).textContent).toBe('等待接班人员确认');
    expect(screen.queryByTestId('duty-accept')).toBeNull();
  });

  it('answers a roll call for its own watch and issues one when allowed', async () => {
    const rollCall = {
      id: 'r1',
      label: '点名',
      jurisdiction: '640000',
      jurisdictionName: '宁夏回族自治区',
      message: '夜间在岗点名',
      ackWithinMinutes: 5,
      issuedBy: { userId: 'p', name: '省值班' },
      issuedAt: zoned(-60_000),
      dueAt: zoned(4 * 60_000),
      open: true,
      targets: [],
    };
    const calls = answerFetch({
      'GET /duty/desk': {
        body: desk({
          rollCallsToAnswer: [rollCall],
          mayIssueRollCall: true,
          rollCallTargets: [
            { code: '640521', name: '中宁县' },
            { code: '640522', name: '海原县' },
          ],
        }),
      },
      'POST /duty/roll-calls/r1/acknowledge': { body: {} },
      'POST /duty/roll-calls': { status: 201, body: {} },
    });
    renderInConsole(<DutyDeskScreen session={session('cmd', ['commander'])} />);
    await userEvent.click(await screen.findByTestId('duty-answer'));
    await waitFor(() => expect(screen.getByTestId('duty-feedback').textContent).toBe('已应答点名'));
    expect(calls.find((c) => c.path === '/duty/roll-calls/r1/acknowledge')?.body).toEqual({ jurisdiction: '640500' });
    const form = screen.getByTestId('duty-issue-rollcall');
    await userEvent.click(within(form).getByLabelText('海原县'));
    await userEvent.click(within(form).getByRole('button'));
    await waitFor(() => expect(calls.some((c) => c.path === '/duty/roll-calls' && c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.path === '/duty/roll-calls')?.body).toEqual({
      jurisdictions: ['640522'],
      ackWithinMinutes: 5,
    });
  });

  it('schedules only when allowed, and says a refusal in words with its code', async () => {
    answerFetch({
      'GET /duty/desk': { body: desk({ maySchedule: true }) },
      'POST /duty/shifts': {
        status: 409,
        body: { status: 409, code: 'SHIFT_OVERLAP', detail: '该时段与本辖区已排定的值班班次重叠' },
      },
    });
    renderInConsole(<DutyDeskScreen session={session('duty')} />);
    await userEvent.type(await screen.findByTestId('duty-schedule-leader'), '赵带班');
    await userEvent.type(screen.getByTestId('duty-schedule-officers'), '甲、乙');
    await userEvent.click(screen.getByTestId('duty-schedule-submit'));
    await waitFor(() => expect(screen.getByTestId('duty-feedback').textContent).toContain('重叠'));
    expect((screen.getByTestId('duty-schedule-leader') as HTMLInputElement).value).toBe('赵带班');
  });

  it('has no scheduling form for an officer who does not lead the shift, and renders in English', async () => {
    answerFetch({ 'GET /duty/desk': { body: desk({ obligations: [obligation('a', 'x', -90 * 60_000)] }) } });
    renderInConsole(<DutyDeskScreen session={session('duty')} />, { lang: 'en' });
    expect((await screen.findByTestId('countdown')).textContent).toBe('Overdue by 1 h 30 min');
    expect(screen.queryByTestId('duty-schedule-form')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^Duty desk/);
  });

  it('keeps drill incidents out of the handover summary and names each owed report by its kind and level', async () => {
    const base = handover('交班', [{ userId: 'next', name: '张接班' }]);
    const owed = (obligationId: string, kind: string, level: string) => ({
      incidentId: 'i1',
      title: '测试事故',
      jurisdiction: '640521',
      obligationId,
      level,
      kind,
      dueAt: zoned(-HOUR),
      overdue: true,
    });
    const summary = {
      ...base.summary,
      openIncidents: [
        ...base.summary.openIncidents,
        {
          id: 'd1',
          title: 'DRILL-ONLY incident',
          jurisdiction: '640521',
          grade: 'ordinary',
          responseLevel: null,
          drillId: 'drill-1',
        },
      ],
      pendingDeadlines: [
        owed('initial:city:0', 'initial', 'city'),
        owed('initial:province:0', 'initial', 'province'),
        owed('notification:public_security', 'notification', 'public_security'),
      ],
    };
    answerFetch({ 'GET /duty/desk': { body: desk({ pendingHandover: { ...base, summary } }) } });
    renderInConsole(<DutyDeskScreen session={session('next')} />);
    const shown = await screen.findByTestId('duty-handover-summary');
    expect(shown.textContent).not.toContain('DRILL-ONLY');
    expect(shown.textContent).toContain('未结事故 1 起：园区储罐泄漏待报时限');
    expect(screen.getAllByTestId('duty-handover-obligation-name').map((n) => n.textContent)).toEqual([
      '逐级上报 · 设区的市级',
      '逐级上报 · 省级',
      '通知 · 公安机关',
    ]);
  });

  it('in English names codes from the catalogue and joins lists with English punctuation', async () => {
    const base = handover('handing over', [
      { userId: 'next', name: 'Zhang' },
      { userId: 'next2', name: 'Li' },
    ]);
    answerFetch({
      'GET /duty/desk': {
        body: desk({
          pendingHandover: {
            ...base,
            summary: {
              ...base.summary,
              openIncidents: [
                ...base.summary.openIncidents,
                {
                  id: 'i2',
                  title: 'Second',
                  jurisdiction: '640521',
                  grade: 'ordinary',
                  responseLevel: null,
                  drillId: null,
                },
              ],
            },
          },
          obligations: [obligation('a', 'x', -90 * 60_000)],
          obligationsTotal: 1,
          warningsInForce: [
            {
              id: 'w1',
              hazard: 'Chemical leak',
              level: 'orange',
              levelLabel: '橙色预警',
              jurisdiction: '640521',
              jurisdictionName: '中宁县',
              expires: zoned(6 * HOUR),
            },
          ],
          rollCallsIssued: [
            {
              id: 'r1',
              label: '点名',
              jurisdiction: '640500',
              jurisdictionName: '中卫市',
              message: 'night roll call',
              ackWithinMinutes: 5,
              issuedBy: { userId: 'cmd', name: 'cmd' },
              issuedAt: zoned(-60_000),
              dueAt: zoned(4 * 60_000),
              open: true,
              targets: [
                {
                  jurisdiction: '640521',
                  jurisdictionName: '中宁县',
                  status: 'answered',
                  statusLabel: '已应答',
                  by: null,
                  at: null,
                  secondsTaken: 30,
                },
                {
                  jurisdiction: '640522',
                  jurisdictionName: '海原县',
                  status: 'pending',
                  statusLabel: '待应答',
                  by: null,
                  at: null,
                  secondsTaken: null,
                },
              ],
            },
          ],
        }),
      },
    });
    renderInConsole(<DutyDeskScreen session={session('duty', ['commander'])} />, { lang: 'en' });
    expect((await screen.findByTestId('duty-handover-status')).textContent).toBe('Awaiting acceptance');
    expect(screen.getByTestId('duty-obligation-name').textContent).toBe('Report up the chain · City');
    // A handover stored before kinds were kept names its row by the level alone.
    expect(screen.getByTestId('duty-handover-obligation-name').textContent).toBe('City');
    expect(screen.getByTestId('duty-rollcall-targets').textContent).toBe('中宁县: Answered; 海原县: Awaiting answer');
    expect(screen.getByTestId('duty-warnings').textContent).toContain('Orange warning');
    const summary = screen.getByTestId('duty-handover-summary').textContent ?? '';
    expect(summary).toContain(': 园区储罐泄漏; Second');
    expect(screen.getByTestId('duty-pending-handover').textContent).toContain('Zhang, Li');
    // No Chinese label or full-width punctuation of the server's leaks into the English desk.
    const desk_ = screen.getByTestId('duty-pending-handover').parentElement!.textContent ?? '';
    expect(desk_).not.toMatch(/待接班确认|逐级上报|设区的市级|橙色预警|已应答|待应答|[：；、]/);
  });

  it('spells spans in minutes, hours or days', () => {
    expect(spanText(65_000, 'zh')).toBe('1 分 05 秒');
    expect(spanText(5 * HOUR + 7 * 60_000, 'zh')).toBe('5 小时 7 分');
    expect(spanText(30 * 24 * HOUR + 23 * HOUR, 'zh')).toBe('30 天 23 小时');
    expect(spanText(26 * HOUR, 'en')).toBe('1 d 2 h');
  });
});

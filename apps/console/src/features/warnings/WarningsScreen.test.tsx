import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WarningView } from '@app/warnings/contract';
import { setSession } from '../../api';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { WarningsScreen } from './WarningsScreen';

const session = (roles: string[]) =>
  ({
    accessToken: 'token-of-the-session',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u-1', username: 'duty', displayName: '张值班', roles, jurisdiction: '640500' },
  }) as unknown as Session;

const ring = [
  { lat: 37.45, lng: 105.6 },
  { lat: 37.5, lng: 105.6 },
  { lat: 37.5, lng: 105.7 },
  { lat: 37.45, lng: 105.6 },
];

/** A warning as GET /warnings answers it; tests override what they exercise. */
function warningView(overrides: Partial<WarningView> = {}): WarningView {
  return {
    id: 'w-1',
    level: 'orange',
    levelLabel: '橙色预警',
    hazard: '危险化学品泄漏',
    jurisdiction: '640521',
    jurisdictionName: '中宁县',
    timeZone: 'Asia/Shanghai',
    area: { description: '石空工业园区周边 2 公里', polygon: ring },
    message: '储罐区氯气泄漏，请立即撤离',
    instruction: '向上风向撤离',
    effective: '2030-03-01T08:00:00+08:00',
    expires: '2030-03-02T20:30:00+08:00',
    channels: ['sms', 'loudspeaker'],
    channelLabels: ['短信', '农村大喇叭'],
    drillId: null,
    incidentId: null,
    status: 'active',
    statusLabel: '生效中',
    liftReason: null,
    liftedAt: null,
    issuedAt: '2030-03-01T07:55:00+08:00',
    updatedAt: '2030-03-01T07:55:00+08:00',
    messages: [
      {
        action: 'issued',
        actionLabel: '发布',
        msgType: 'Alert',
        sent: '2030-03-01T07:55:00+08:00',
        actor: '张值班',
        reason: null,
      },
    ],
    revision: 0,
    position: '10',
    ...overrides,
  };
}

const base = {
  'GET /drills': { body: [] },
  'GET /jurisdictions': {
    body: [
      {
        code: '640500',
        name: '中卫市',
        level: 'city',
        parent: null,
        children: [{ code: '640521', name: '中宁县', level: 'county', parent: '640500', children: [] }],
      },
    ],
  },
  'GET /console-config.json': { body: { tileUrl: null, timeZone: 'Asia/Shanghai' } },
  'GET /jurisdictions.geojson': { body: { type: 'FeatureCollection', features: [] } },
};

const rows = () => screen.getAllByTestId('warning-row');
/** Types into a field as a paste (one input event): typing key by key is slow in the simulated DOM. */
async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}
const cell = (row: HTMLElement, id: string) => within(row).getByTestId(id).textContent;

afterEach(() => setSession(null));

// The machine running these is shared: a form filled field by field, with its map, may take a few seconds there.
describe('WarningsScreen', { timeout: 20_000 }, () => {
  it('lists in-force warnings first, most serious first, with level, status and times in the jurisdiction’s zone', async () => {
    const lifted = warningView({ id: 'w-lifted', level: 'red', hazard: '大风', status: 'lifted', revision: 1 });
    const blue = warningView({ id: 'w-blue', level: 'blue', hazard: '道路结冰' });
    // A jurisdiction in another zone than the console's: its times are read on its own clock (UTC+6).
    const red = warningView({ id: 'w-red', level: 'red', hazard: '暴雪', timeZone: 'Asia/Urumqi' });
    const expired = warningView({ id: 'w-old', level: 'red', hazard: '寒潮', expires: '2020-01-01T00:00:00+08:00' });
    answerFetch({ ...base, 'GET /warnings': { body: [lifted, blue, expired, red] } });
    renderInConsole(<WarningsScreen session={session(['duty_officer'])} />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows().map((r) => r.getAttribute('data-warning-id'))).toEqual(['w-red', 'w-blue', 'w-lifted', 'w-old']);
    expect(rows().map((r) => cell(r, 'warning-level'))).toEqual(['红色预警', '蓝色预警', '红色预警', '红色预警']);
    expect(rows().map((r) => cell(r, 'warning-status'))).toEqual(['生效中', '生效中', '已解除', '已过期']);
    expect(cell(rows()[0]!, 'warning-expires')).toBe('2030/03/02 18:30');
    expect(cell(rows()[1]!, 'warning-expires')).toBe('2030/03/02 20:30');
    expect(cell(rows()[1]!, 'warning-effective')).toBe('2030/03/01 08:00');
    expect(cell(rows()[0]!, 'warning-area')).toBe('石空工业园区周边 2 公里');
    expect(screen.queryByTestId('warning-drill-mark')).toBeNull();
  });

  it('names levels and statuses in English too', async () => {
    answerFetch({ ...base, 'GET /warnings': { body: [warningView()] } });
    renderInConsole(<WarningsScreen session={session(['duty_officer'])} />, { lang: 'en' });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(cell(rows()[0]!, 'warning-level')).toBe('Orange warning');
    expect(cell(rows()[0]!, 'warning-status')).toBe('In force');
    expect(cell(rows()[0]!, 'warning-expires')).toBe('2 Mar 2030, 20:30');
  });

  it('asks the server for the chosen status and level, and for a drill’s warnings only when a drill is chosen, marked 演练', async () => {
    const drill = { id: 'd-1', title: '危化品泄漏桌面推演', status: 'running' };
    const calls = answerFetch({
      ...base,
      'GET /drills': { body: [drill] },
      'GET /warnings': { body: [warningView()] },
      'GET /warnings?status=active': { body: [warningView()] },
      'GET /warnings?status=active&level=red': { body: [] },
      'GET /warnings?status=active&level=red&drillId=d-1': {
        body: [warningView({ id: 'w-drill', level: 'red', drillId: 'd-1' })],
      },
    });
    renderInConsole(<WarningsScreen session={session(['commander'])} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await userEvent.selectOptions(screen.getByTestId('warnings-filter-status'), 'active');
    await userEvent.selectOptions(screen.getByTestId('warnings-filter-level'), 'red');
    await waitFor(() => expect(screen.getByTestId('warnings-empty').textContent).toBe('没有符合条件的预警'));
    await waitFor(() => expect(screen.getByRole('option', { name: '演练：危化品泄漏桌面推演' })).toBeTruthy());
    await userEvent.selectOptions(screen.getByTestId('warnings-filter-drill'), 'd-1');
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-warning-id'))).toEqual(['w-drill']));
    expect(cell(rows()[0]!, 'warning-drill-mark')).toBe('演练');
    expect(calls.filter((c) => c.path.startsWith('/warnings')).map((c) => c.path)).toEqual([
      '/warnings',
      '/warnings?status=active',
      '/warnings?status=active&level=red',
      '/warnings?status=active&level=red&drillId=d-1',
    ]);
    expect(screen.getByTestId('warnings-issue-open').textContent).toBe('发布演练预警');
  });

  it('issues what was typed, the drawn area closed into a ring, with times on the zone’s clock', async () => {
    const answer = warningView({ id: 'w-new', level: 'red', hazard: '危化品泄漏' });
    const calls = answerFetch({
      ...base,
      'GET /warnings': { body: [] },
      'POST /warnings': { status: 201, body: answer },
    });
    renderInConsole(<WarningsScreen session={session(['duty_officer'])} />);
    await userEvent.click(await screen.findByTestId('warnings-issue-open'));
    const form = screen.getByTestId('warning-issue');
    await userEvent.selectOptions(within(form).getByTestId('warning-issue-level'), 'red');
    await fill(within(form).getByTestId('warning-issue-hazard'), '危化品泄漏');
    await waitFor(() => expect(within(form).getByRole('option', { name: /中宁县/ })).toBeTruthy());
    await userEvent.selectOptions(within(form).getByTestId('warning-issue-jurisdiction'), '640521');
    await fill(within(form).getByTestId('warning-issue-area'), '石空工业园区周边 2 公里');
    await fill(within(form).getByTestId('warning-issue-polygon'), '37.45, 105.6\n37.5, 105.6\n37.5，105.7');
    expect(within(form).getByTestId('warning-issue-corners').textContent).toBe('已有 3 个顶点');
    await fill(within(form).getByTestId('warning-issue-message'), '储罐区氯气泄漏');
    await fill(within(form).getByTestId('warning-issue-instruction'), '向上风向撤离');
    fireEvent.change(within(form).getByTestId('warning-issue-effective'), { target: { value: '2030-03-01T08:00' } });
    fireEvent.change(within(form).getByTestId('warning-issue-expires'), { target: { value: '2030-03-01T20:00' } });
    await userEvent.click(within(form).getByTestId('warning-issue-channel-sms'));
    await userEvent.click(within(form).getByTestId('warning-issue-channel-loudspeaker'));
    await userEvent.click(within(form).getByTestId('warning-issue-submit'));
    await waitFor(() => expect(screen.getByTestId('warning-feedback').textContent).toBe('预警已发布'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/warnings',
        body: {
          level: 'red',
          hazard: '危化品泄漏',
          jurisdiction: '640521',
          area: { description: '石空工业园区周边 2 公里', polygon: ring },
          message: '储罐区氯气泄漏',
          instruction: '向上风向撤离',
          effective: '2030-03-01T08:00:00+08:00',
          expires: '2030-03-01T20:00:00+08:00',
          channels: ['sms', 'loudspeaker'],
        },
      },
    ]);
    // The new warning is listed and opened.
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-warning-id'))).toEqual(['w-new']));
    expect(screen.getByTestId('warning-detail').getAttribute('data-warning-id')).toBe('w-new');
  });

  it('a lift the board has not shown yet (202) breaks nothing: the lists are read again', async () => {
    const warning = warningView();
    const calls = answerFetch({
      ...base,
      'GET /warnings': { body: [warning] },
      'POST /warnings/w-1/lift': {
        status: 202,
        body: { id: 'w-1', revision: 1, position: '30', replayed: false, accepted: true },
      },
    });
    renderInConsole(<WarningsScreen session={session(['duty_officer'])} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await userEvent.click(rows()[0]!);
    await userEvent.click(screen.getByTestId('warning-lift'));
    await fill(screen.getByTestId('warning-lift-reason'), '降雨结束');
    await userEvent.click(screen.getByTestId('warning-lift-submit'));
    await userEvent.click(screen.getByTestId('warning-lift-confirm-yes'));
    await waitFor(() => expect(screen.getByTestId('warning-feedback').textContent).toBe('预警已解除'));
    await waitFor(() => expect(calls.filter((c) => c.path === '/warnings')).toHaveLength(2));
    expect(cell(rows()[0]!, 'warning-level')).toBe('橙色预警');
  });

  it('checks as the server does before sending, and shows the server’s refusal in words', async () => {
    const calls = answerFetch({
      ...base,
      'GET /warnings': { body: [] },
      'POST /warnings': {
        status: 422,
        body: { code: 'WARNING_EXPIRES_IN_PAST', status: 422, detail: '失效时间已过，不能发布或延至过去的时间' },
      },
    });
    renderInConsole(<WarningsScreen session={session(['commander'])} />);
    await userEvent.click(await screen.findByTestId('warnings-issue-open'));
    const form = screen.getByTestId('warning-issue');
    await fill(within(form).getByTestId('warning-issue-polygon'), '37.45, 105.6\n北纬 37.5');
    fireEvent.change(within(form).getByTestId('warning-issue-effective'), { target: { value: '2030-03-01T08:00' } });
    fireEvent.change(within(form).getByTestId('warning-issue-expires'), { target: { value: '2030-03-01T07:00' } });
    await userEvent.click(within(form).getByTestId('warning-issue-submit'));
    expect(within(form).getByTestId('warning-issue-problem-hazard').textContent).toBe('此项必填');
    expect(within(form).getByTestId('warning-issue-problem-message').textContent).toBe('此项必填');
    expect(within(form).getByTestId('warning-issue-problem-polygon').textContent).toBe('第 2 行不是“纬度, 经度”');
    expect(within(form).getByTestId('warning-issue-problem-expires').textContent).toBe('失效时间须晚于生效时间');
    // An expiry already past, with everything else right.
    await fill(within(form).getByTestId('warning-issue-hazard'), '暴雨');
    await fill(within(form).getByTestId('warning-issue-area'), '中卫市全境');
    await fill(within(form).getByTestId('warning-issue-message'), '强降雨');
    await userEvent.clear(within(form).getByTestId('warning-issue-polygon'));
    fireEvent.change(within(form).getByTestId('warning-issue-effective'), { target: { value: '2020-03-01T08:00' } });
    fireEvent.change(within(form).getByTestId('warning-issue-expires'), { target: { value: '2020-03-01T09:00' } });
    await userEvent.click(within(form).getByTestId('warning-issue-submit'));
    expect(within(form).getByTestId('warning-issue-problem-expires').textContent).toBe('失效时间已过，须晚于当前时间');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    // The server remains the judge (its clock may differ): its refusal is shown from the code, in Chinese.
    fireEvent.change(within(form).getByTestId('warning-issue-expires'), { target: { value: '2040-03-01T09:00' } });
    await userEvent.click(within(form).getByTestId('warning-issue-submit'));
    await waitFor(() =>
      expect(within(form).getByTestId('warning-issue-error').getAttribute('data-code')).toBe('WARNING_EXPIRES_IN_PAST'),
    );
    expect(within(form).getByTestId('warning-issue-error').textContent).not.toContain('WARNING_EXPIRES_IN_PAST');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('offers issue, adjust and lift only to roles that may, and only while the warning is in force', async () => {
    const active = warningView({ id: 'w-active' });
    const lifted = warningView({ id: 'w-lifted', status: 'lifted', liftReason: '泄漏已封堵' });
    const expired = warningView({ id: 'w-expired', expires: '2020-01-01T00:00:00+08:00' });
    const open = async (id: string) => {
      await userEvent.click(rows().find((r) => r.getAttribute('data-warning-id') === id)!);
      await waitFor(() => expect(screen.getByTestId('warning-detail').getAttribute('data-warning-id')).toBe(id));
    };
    for (const roles of [['viewer'], ['admin'], ['drill_coordinator']]) {
      answerFetch({ ...base, 'GET /warnings': { body: [active] } });
      const { unmount } = renderInConsole(<WarningsScreen session={session(roles)} />);
      await waitFor(() => expect(rows()).toHaveLength(1));
      expect(screen.queryByTestId('warnings-issue-open')).toBeNull();
      expect(screen.getByTestId('warnings-read-only')).toBeTruthy();
      await open('w-active');
      expect(screen.queryByTestId('warning-adjust')).toBeNull();
      expect(screen.queryByTestId('warning-lift')).toBeNull();
      // Reading the CAP message is for everyone who reads warnings.
      expect(screen.getByTestId('warning-cap-preview')).toBeTruthy();
      unmount();
    }
    answerFetch({ ...base, 'GET /warnings': { body: [active, lifted, expired] } });
    renderInConsole(<WarningsScreen session={session(['duty_officer'])} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByTestId('warnings-issue-open')).toBeTruthy();
    await open('w-active');
    expect(screen.getByTestId('warning-adjust').textContent).toBe('调整');
    expect(screen.getByTestId('warning-lift').textContent).toBe('解除');
    await open('w-lifted');
    expect(screen.queryByTestId('warning-adjust')).toBeNull();
    expect(screen.queryByTestId('warning-lift')).toBeNull();
    expect(screen.getByTestId('warning-final').textContent).toBe('预警已解除，不能再调整或解除');
    await open('w-expired');
    expect(screen.queryByTestId('warning-adjust')).toBeNull();
    expect(screen.getByTestId('warning-final').textContent).toBe('预警已过期失效，不能再调整或解除');
  });

  it('a drill coordinator may adjust a drill’s warning, not a real one', async () => {
    answerFetch({
      ...base,
      'GET /drills': { body: [{ id: 'd-1', title: '桌面推演', status: 'running' }] },
      'GET /warnings': { body: [] },
      'GET /warnings?drillId=d-1': { body: [warningView({ id: 'w-drill', drillId: 'd-1' })] },
    });
    renderInConsole(<WarningsScreen session={session(['drill_coordinator'])} />);
    await waitFor(() => expect(screen.getByTestId('warnings-empty')).toBeTruthy());
    expect(screen.queryByTestId('warnings-issue-open')).toBeNull();
    expect(screen.getByTestId('warnings-read-only').textContent).toBe(
      '演练组织者只发布演练预警：请先在“范围”中选择演练',
    );
    await waitFor(() => expect(screen.getByRole('option', { name: '演练：桌面推演' })).toBeTruthy());
    await userEvent.selectOptions(screen.getByTestId('warnings-filter-drill'), 'd-1');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByTestId('warnings-issue-open').textContent).toBe('发布演练预警');
    await userEvent.click(rows()[0]!);
    expect(screen.getByTestId('warning-adjust')).toBeTruthy();
  });

  it('adjusts from a form prefilled with the warning, sending only what changed and the reason', async () => {
    const warning = warningView();
    const calls = answerFetch({
      ...base,
      'GET /warnings': { body: [warning] },
      'POST /warnings/w-1/updates': {
        body: {
          ...warning,
          level: 'red',
          levelLabel: '红色预警',
          expires: '2030-03-03T08:00:00+08:00',
          revision: 1,
          messages: [
            ...warning.messages,
            {
              action: 'updated',
              actionLabel: '调整',
              msgType: 'Update',
              sent: '2030-03-01T10:00:00+08:00',
              actor: '张值班',
              reason: '泄漏量增大',
            },
          ],
        },
      },
    });
    renderInConsole(<WarningsScreen session={session(['commander'])} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await userEvent.click(rows()[0]!);
    await userEvent.click(screen.getByTestId('warning-adjust'));
    const form = screen.getByTestId('warning-adjust');
    expect((within(form).getByTestId('warning-adjust-hazard') as HTMLInputElement).value).toBe('危险化学品泄漏');
    expect((within(form).getByTestId('warning-adjust-area') as HTMLTextAreaElement).value).toBe(
      '石空工业园区周边 2 公里',
    );
    expect((within(form).getByTestId('warning-adjust-polygon') as HTMLTextAreaElement).value).toBe(
      '37.45, 105.6\n37.5, 105.6\n37.5, 105.7',
    );
    expect((within(form).getByTestId('warning-adjust-expires') as HTMLInputElement).value).toBe('2030-03-02T20:30');
    expect((within(form).getByTestId('warning-adjust-channel-sms') as HTMLInputElement).checked).toBe(true);
    // Nothing changed: nothing to send.
    await userEvent.click(within(form).getByTestId('warning-adjust-submit'));
    expect(within(form).getByTestId('warning-adjust-problem-reason').textContent).toBe('没有任何改动，无需发布调整');
    await userEvent.selectOptions(within(form).getByTestId('warning-adjust-level'), 'red');
    fireEvent.change(within(form).getByTestId('warning-adjust-expires'), { target: { value: '2030-03-03T08:00' } });
    await fill(within(form).getByTestId('warning-adjust-reason'), '泄漏量增大');
    await userEvent.click(within(form).getByTestId('warning-adjust-submit'));
    await waitFor(() => expect(screen.getByTestId('warning-feedback').textContent).toBe('调整已发布'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/warnings/w-1/updates',
        body: { level: 'red', expires: '2030-03-03T08:00:00+08:00', reason: '泄漏量增大' },
      },
    ]);
    expect(cell(rows()[0]!, 'warning-level')).toBe('红色预警');
    const history = screen.getAllByTestId('warning-history-entry');
    expect(history.map((h) => h.getAttribute('data-action'))).toEqual(['updated', 'issued']);
    expect(history[0]!.textContent).toContain('张值班');
    expect(history[0]!.textContent).toContain('原因：泄漏量增大');
  });

  it('lifts only with a reason and after a confirmation', async () => {
    const warning = warningView();
    const calls = answerFetch({
      ...base,
      'GET /warnings': { body: [warning] },
      'POST /warnings/w-1/lift': {
        body: { ...warning, status: 'lifted', statusLabel: '已解除', liftReason: '泄漏已封堵', revision: 1 },
      },
    });
    renderInConsole(<WarningsScreen session={session(['duty_officer'])} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await userEvent.click(rows()[0]!);
    await userEvent.click(screen.getByTestId('warning-lift'));
    await userEvent.click(screen.getByTestId('warning-lift-submit'));
    expect(screen.getByTestId('warning-lift-problem').textContent).toBe('请填写解除原因');
    expect(screen.queryByTestId('warning-lift-confirm')).toBeNull();
    await fill(screen.getByTestId('warning-lift-reason'), '泄漏已封堵');
    await userEvent.click(screen.getByTestId('warning-lift-submit'));
    expect(screen.getByTestId('warning-lift-confirm').textContent).toContain(
      '确认解除“危险化学品泄漏”橙色预警？解除后不能再调整或解除',
    );
    // Changing one's mind sends nothing.
    await userEvent.click(screen.getByTestId('warning-lift-confirm-no'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await userEvent.click(screen.getByTestId('warning-lift-submit'));
    await userEvent.click(screen.getByTestId('warning-lift-confirm-yes'));
    await waitFor(() => expect(screen.getByTestId('warning-feedback').textContent).toBe('预警已解除'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/warnings/w-1/lift', body: { reason: '泄漏已封堵' } },
    ]);
    expect(cell(rows()[0]!, 'warning-status')).toBe('已解除');
    expect(screen.queryByTestId('warning-lift')).toBeNull();
  });

  it('previews the CAP XML as text, read with the session’s token, and downloads it named by hazard and local day', async () => {
    setSession(session(['viewer']));
    // The day of the latest message on the jurisdiction's clock (UTC+6), not Beijing's: 03-01 23:00 there.
    const warning = warningView({
      hazard: '危化品/泄漏',
      timeZone: 'Asia/Urumqi',
      messages: [
        {
          action: 'issued',
          actionLabel: '发布',
          msgType: 'Alert',
          sent: '2030-03-02T01:00:00+08:00',
          actor: null,
          reason: null,
        },
      ],
    });
    answerFetch({ ...base, 'GET /warnings': { body: [warning] } });
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">' +
      '<status>Actual</status><info><event>危化品/泄漏</event><description>&lt;script&gt;alert(1)&lt;/script&gt;</description></info></alert>';
    const answered = globalThis.fetch;
    const capRequests: { auth: string | null }[] = [];
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/api/v1/warnings/w-1/cap')) {
        capRequests.push({ auth: new Headers(init?.headers).get('authorization') });
        return Promise.resolve(new Response(xml, { headers: { 'content-type': 'application/cap+xml' } }));
      }
      return answered(input, init);
    }) as typeof fetch;
    const saved: { name: string; href: string }[] = [];
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = vi.fn((blob: Blob) => {
      const href = `blob:console/${blobs.size}`;
      blobs.set(href, blob);
      return href;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.getAttribute('href') ?? '' });
    });

    const { container } = renderInConsole(<WarningsScreen session={session(['viewer'])} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await userEvent.click(rows()[0]!);
    await userEvent.click(screen.getByTestId('warning-cap-preview'));
    const pre = await screen.findByTestId('warning-cap-xml');
    expect(pre.tagName).toBe('PRE');
    expect(pre.textContent).toBe(xml);
    expect(container.querySelector('script, alert')).toBeNull();
    expect(capRequests).toEqual([{ auth: 'Bearer token-of-the-session' }]);

    await userEvent.click(screen.getByTestId('warning-cap-download'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('预警-危化品_泄漏-2030-03-01.xml');
    expect(screen.getByTestId('warning-cap-saved').textContent).toBe('已下载 预警-危化品_泄漏-2030-03-01.xml');
    const blob = blobs.get(saved[0]!.href)!;
    expect(blob.type).toBe('application/cap+xml');
    expect(await blob.text()).toBe(xml);
    // The same revision is not read twice.
    expect(capRequests).toHaveLength(1);
  });

  it('keeps script in the hazard, area and message as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    answerFetch({
      ...base,
      'GET /warnings': {
        body: [
          warningView({
            hazard: `${hostile}暴雨`,
            area: { description: `<script>window.__pwned=1</script>河道`, polygon: null },
            message: `${hostile}撤离`,
          }),
        ],
      },
    });
    const { container } = renderInConsole(<WarningsScreen session={session(['duty_officer'])} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await userEvent.click(rows()[0]!);
    expect(cell(rows()[0]!, 'warning-hazard')).toBe(`${hostile}暴雨`);
    expect(cell(rows()[0]!, 'warning-area')).toBe('<script>window.__pwned=1</script>河道');
    expect(screen.getByTestId('warning-detail-hazard').textContent).toBe(`${hostile}暴雨`);
    expect(screen.getByTestId('warning-detail-message').textContent).toBe(`${hostile}撤离`);
    expect(container.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('follows the live deltas: a warning issued elsewhere joins in order, a lift elsewhere shows and an older delta is ignored', async () => {
    answerFetch({
      ...base,
      'GET /warnings?status=active': { body: [warningView({ id: 'w-1', level: 'yellow' })] },
      'GET /warnings': { body: [warningView({ id: 'w-1', level: 'yellow' })] },
    });
    renderInConsole(<WarningsScreen session={session(['duty_officer'])} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    act(() =>
      publishLive('warning.issued', { position: '20', data: warningView({ id: 'w-2', level: 'red', hazard: '暴雪' }) }),
    );
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-warning-id'))).toEqual(['w-2', 'w-1']));
    await userEvent.click(rows()[0]!);
    act(() =>
      publishLive('warning.changed', {
        position: '21',
        data: warningView({ id: 'w-2', level: 'red', hazard: '暴雪', status: 'lifted', revision: 1 }),
      }),
    );
    act(() =>
      publishLive('warning.changed', { position: '19', data: warningView({ id: 'w-2', level: 'red', revision: 0 }) }),
    );
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-warning-id'))).toEqual(['w-1', 'w-2']));
    expect(cell(rows()[1]!, 'warning-status')).toBe('已解除');
    expect(screen.getByTestId('warning-detail-status').textContent).toBe('已解除');
    expect(screen.queryByTestId('warning-lift')).toBeNull();
    // A drill's warning never joins the real list.
    act(() => publishLive('warning.issued', { position: '22', data: warningView({ id: 'w-3', drillId: 'd-1' }) }));
    await new Promise((r) => setTimeout(r, 20));
    expect(rows()).toHaveLength(2);
  });
});

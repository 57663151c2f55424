import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IncidentIntakeDraft, MonitoringAlarmContext } from '@app/monitoring/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { AlarmCentreScreen } from '../alarms/AlarmCentreScreen';
import { UnacknowledgedAlarms } from '../alarms/AlertsPanel';
import { alarmView } from '../alarms/test-alarms';
import { IntakeFromAlarm } from '../intake/IntakeScreen';
import { alarmIdFrom, shanghaiInputOf } from './alarm-draft';

const ALARM_ID = '5b1c0a3e-8d2f-5a41-9c7e-2f4d6b8a0c13';

const session = (roles: string[]): Session => ({
  accessToken: 'token',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user: {
    id: 'u-1',
    username: 'duty',
    displayName: '张值班',
    roles: roles as Session['user']['roles'],
    jurisdiction: '640500',
  },
});

const TREE: JurisdictionNode[] = [
  {
    code: '640500',
    name: '中卫市',
    level: 'city',
    parent: null,
    children: [{ code: '640571', name: '中卫工业园区', level: 'park', parent: '640500', children: [] }],
  },
];

const monitoringAlarm = alarmView({
  id: ALARM_ID,
  kind: 'monitoring',
  kindLabel: '监测',
  title: '液位高高报',
  message: '1号储罐液位 9.8 m，超过高高报阈值 9.5 m',
  jurisdiction: '640571',
  jurisdictionName: '中卫工业园区',
  subject: { type: 'sensor', id: 's-1' },
  dueAt: null,
});

const CONTEXT: MonitoringAlarmContext = {
  alarmId: ALARM_ID,
  sensor: {
    id: 's-1',
    code: 'LT-101',
    name: '1号储罐液位',
    kind: 'level',
    kindLabel: '液位',
    unit: 'm',
    thresholds: { high: 8, highHigh: 9.5, low: 1, lowLow: null },
    expectedIntervalSeconds: 10,
    hazardSourceId: 'h-1',
    enterpriseId: 'e-1',
    jurisdiction: '640571',
    lastValue: 9.8,
    lastReadingAt: '2026-12-06T13:05:10.000Z',
    band: 'high_high',
    bandLabel: '高高报',
    online: true,
    offlineSince: null,
    revision: 4,
    status: 'active',
    retiredAt: null,
    tuning: { deadband: 0.2, debounceReadings: 2, debounceSeconds: 0 },
  },
  enterprise: {
    id: 'e-1',
    name: '<img src=x onerror=alert(1)>美利化工',
    creditCode: '91640500MA76A1B23C',
    address: '中卫工业园区纬三路 8 号',
    location: { lat: 37.533, lng: 105.146 },
    principal: { name: '王建国', phone: '13800000001' },
  },
  hazardSource: {
    id: 'h-1',
    name: '液氨储罐区',
    grade: 2,
    gradeLabel: '二级',
    substances: [
      {
        casNo: '7664-41-7',
        name: '氨',
        category: 'toxic_gas',
        categoryLabel: '毒性气体',
        quantityTonnes: 150,
        criticalQuantityTonnes: 10,
        beta: 2,
        basis: 'named',
        basisNote: 'GB 18218-2018 表1 第2项',
        hazardClass: 'J2',
        tableEntry: 2,
        ratio: 15,
      },
    ],
  },
  nearbyTeams: [
    {
      id: 't-1',
      name: '园区危化救援队',
      specialtyLabels: ['危险化学品处置', '灭火救援'],
      statusLabel: '待命',
      distanceKm: 1.2,
    },
  ],
  matchingPlans: [{ id: 'p-1', name: '中卫市危险化学品事故专项应急预案', kindLabel: '专项应急预案' }],
};

const DRAFT: IncidentIntakeDraft = {
  alarmId: ALARM_ID,
  title: '美利化工·液氨储罐区 1号储罐液位 高高报',
  category: 'hazardous_chemicals',
  jurisdiction: '640571',
  enterpriseId: 'e-1',
  enterprise: '美利化工',
  location: { lat: 37.5331, lng: 105.1462, address: '中卫工业园区纬三路 8 号' },
  occurredAt: '2026-12-06T13:05:12.000Z',
  description: '2026年12月6日 21时05分，在线监测告警：美利化工液氨储罐区的1号储罐液位（位号 LT-101）高高报。',
};

const card = () => screen.getByTestId('alarm');

afterEach(() => {
  window.history.pushState(null, '', '/');
  localStorage.clear();
});

describe('a monitoring alarm in the alarm centre', () => {
  it('shows the enterprise, the hazard source with grade and substances, the reading against thresholds, teams and plans', async () => {
    setSession(session(['duty_officer']));
    const calls = answerFetch({
      'GET /alarms': { body: [monitoringAlarm] },
      [`GET /alarms/${ALARM_ID}/context`]: { body: CONTEXT },
    });
    const { container } = renderInConsole(<AlarmCentreScreen session={session(['duty_officer'])} />);
    const context = await screen.findByTestId('alarm-context-enterprise');
    expect(card().contains(context)).toBe(true);
    // The server's words as text, never markup.
    expect(context.textContent).toContain('<img src=x onerror=alert(1)>美利化工');
    expect(container.querySelector('img')).toBeNull();
    expect(context.textContent).toContain('统一社会信用代码 91640500MA76A1B23C');
    expect(context.textContent).toContain('主要负责人 王建国 13800000001');
    expect(screen.getByTestId('alarm-context-grade').textContent).toBe('二级重大危险源');
    expect(screen.getByTestId('alarm-context-substances').textContent).toBe('氨 150 吨（临界量 10 吨）');
    expect(screen.getByTestId('alarm-context-sensor').getAttribute('data-band')).toBe('high_high');
    expect(screen.getByTestId('alarm-context-reading').textContent).toContain('读数 9.8m');
    expect(screen.getByTestId('alarm-context-thresholds').textContent).toBe('阈值：高高报 9.5m；高报 8m；低报 1m');
    expect(screen.getByTestId('alarm-context-teams').textContent).toBe(
      '园区危化救援队（危险化学品处置、灭火救援）· 待命 · 1.2 公里',
    );
    expect(screen.getByTestId('alarm-context-plans').textContent).toContain('中卫市危险化学品事故专项应急预案');
    // Reading is all it did.
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('turns it into an intake only on the click: one open-incident call, no incident filed, on to the prefilled intake', async () => {
    setSession(session(['duty_officer']));
    const calls = answerFetch({
      'GET /alarms': { body: [monitoringAlarm] },
      [`GET /alarms/${ALARM_ID}/context`]: { body: CONTEXT },
      [`POST /alarms/${ALARM_ID}/open-incident`]: { body: DRAFT },
    });
    renderInConsole(<AlarmCentreScreen session={session(['duty_officer'])} />);
    const button = await screen.findByTestId('alarm-open-incident');
    expect(button.textContent).toBe('转为事故接报');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await userEvent.click(button);
    await waitFor(() => expect(window.location.pathname).toBe('/intake'));
    expect(alarmIdFrom(window.location.search)).toBe(ALARM_ID);
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`/alarms/${ALARM_ID}/open-incident`]);
    expect(calls.some((c) => c.path.startsWith('/incidents'))).toBe(false);
  });

  it('offers no button to a role that may not report, and shows a refused context in Chinese', async () => {
    setSession(session(['viewer']));
    answerFetch({
      'GET /alarms': { body: [monitoringAlarm] },
      [`GET /alarms/${ALARM_ID}/context`]: {
        status: 409,
        body: { code: 'MONITORING_ALARM_SUBJECT_GONE', status: 409, detail: '告警所指的传感器已不在登记中' },
      },
    });
    renderInConsole(<AlarmCentreScreen session={session(['viewer'])} />);
    const error = await screen.findByTestId('alarm-context-error');
    expect(error.getAttribute('data-code')).toBe('MONITORING_ALARM_SUBJECT_GONE');
    expect(error.textContent).toContain('告警所指的传感器、危险源或企业已不在登记中');
    expect(screen.queryByTestId('alarm-open-incident')).toBeNull();
  });

  it('shows no monitoring panel under other kinds of alarm', async () => {
    setSession(session(['duty_officer']));
    const calls = answerFetch({ 'GET /alarms': { body: [alarmView({ id: 'a-deadline' })] } });
    renderInConsole(<AlarmCentreScreen session={session(['duty_officer'])} />);
    await waitFor(() => expect(card()).toBeTruthy());
    expect(screen.queryByTestId('alarm-context')).toBeNull();
    expect(calls.map((c) => c.path)).toEqual(['/alarms']);
  });
});

describe("the desk's side panel", () => {
  it("lists a monitoring alarm without its context: the detail and the button are the alarm centre's", async () => {
    setSession(session(['duty_officer']));
    const calls = answerFetch({ 'GET /alarms?status=raised': { body: [monitoringAlarm] } });
    renderInConsole(<UnacknowledgedAlarms session={session(['duty_officer'])} />);
    await waitFor(() => expect(card().getAttribute('data-kind')).toBe('monitoring'));
    expect(screen.queryByTestId('alarm-context')).toBeNull();
    expect(screen.queryByTestId('alarm-open-incident')).toBeNull();
    expect(calls.map((c) => c.path)).toEqual(['/alarms?status=raised']);
  });
});

describe('the intake prefilled from an alarm', () => {
  const renderIntake = (roles = ['duty_officer']) => {
    setSession(session(roles));
    const onCreated = vi.fn();
    renderInConsole(
      <IntakeFromAlarm alarmId={ALARM_ID} session={session(roles)} jurisdictions={TREE} onCreated={onCreated} />,
    );
    return onCreated;
  };
  const field = (name: string) => screen.getByTestId(`intake-${name}`) as HTMLInputElement;
  const fillCaller = () => {
    fireEvent.change(field('reporterName'), { target: { value: '李安全' } });
    fireEvent.change(field('reporterPhone'), { target: { value: '0955-7654321' } });
    fireEvent.change(field('reporterOrganization'), { target: { value: '美利化工安全科' } });
  };

  it('fills the form from the draft and files nothing until the officer submits; the incident names the enterprise', async () => {
    const calls = answerFetch({
      [`POST /alarms/${ALARM_ID}/open-incident`]: { body: DRAFT },
      'GET /incidents/nearby': { body: [] },
      'POST /incidents': { status: 201, body: { id: '7d9a1c2e-8f3b-4a6d-9e1f-7c2b3a4d5e6f', title: DRAFT.title } },
    });
    const onCreated = renderIntake();
    await screen.findByTestId('intake-form');
    expect(field('title').value).toBe(DRAFT.title);
    expect(field('category').value).toBe('hazardous_chemicals');
    expect(field('jurisdiction').value).toBe('640571');
    expect(field('enterprise').value).toBe('美利化工');
    expect(field('address').value).toBe('中卫工业园区纬三路 8 号');
    expect([field('lat').value, field('lng').value]).toEqual(['37.5331', '105.1462']);
    // The alarm's raise time, as Beijing wall time.
    expect(field('occurredAt').value).toBe('2026-12-06T21:05');
    expect(field('description').value).toBe(DRAFT.description);
    expect(field('reporterName').value).toBe('');
    expect(screen.getByTestId('intake-from-alarm').textContent).toContain(DRAFT.title);
    expect(screen.getByTestId('intake-from-alarm-enterprise').textContent).toContain('美利化工');
    expect(screen.queryByTestId('intake-draft-restored')).toBeNull();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/incidents')).toBe(false);

    fillCaller();
    await userEvent.click(screen.getByTestId('intake-submit'));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    const posted = calls.filter((c) => c.method === 'POST' && c.path === '/incidents');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toMatchObject({
      title: DRAFT.title,
      category: 'hazardous_chemicals',
      jurisdiction: '640571',
      enterprise: '美利化工',
      enterpriseId: 'e-1',
      occurredAt: '2026-12-06T21:05:00+08:00',
      location: { address: '中卫工业园区纬三路 8 号', lat: 37.5331, lng: 105.1462 },
      reporter: { name: '李安全', phone: '0955-7654321', organization: '美利化工安全科' },
    });
  });

  it('drops the link to the registered enterprise once the officer names another unit', async () => {
    const calls = answerFetch({
      [`POST /alarms/${ALARM_ID}/open-incident`]: { body: DRAFT },
      'GET /incidents/nearby': { body: [] },
      'POST /incidents': { status: 201, body: { id: '7d9a1c2e-8f3b-4a6d-9e1f-7c2b3a4d5e6f', title: DRAFT.title } },
    });
    const onCreated = renderIntake();
    await screen.findByTestId('intake-form');
    fireEvent.change(field('enterprise'), { target: { value: '园区承包商某公司' } });
    expect(screen.queryByTestId('intake-from-alarm-enterprise')).toBeNull();
    fillCaller();
    await userEvent.click(screen.getByTestId('intake-submit'));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    const body = calls.find((c) => c.method === 'POST' && c.path === '/incidents')!.body as Record<string, unknown>;
    expect(body.enterprise).toBe('园区承包商某公司');
    expect(body).not.toHaveProperty('enterpriseId');
  });

  it('says why when the alarm gives no draft, and offers a blank intake', async () => {
    answerFetch({
      [`POST /alarms/${ALARM_ID}/open-incident`]: {
        status: 409,
        body: { code: 'ALARM_NOT_MONITORING', status: 409, detail: '该告警不是在线监测告警（报告时限）' },
      },
    });
    renderIntake();
    const error = await screen.findByTestId('intake-from-alarm-error');
    expect(error.textContent).toContain('该告警不是在线监测告警，不能转为事故接报');
    expect(screen.queryByTestId('intake-form')).toBeNull();
    await userEvent.click(screen.getByTestId('intake-from-alarm-blank'));
    expect(window.location.pathname + window.location.search).toBe('/intake');
  });

  it('asks nothing of the server for a role that may not report', () => {
    const calls = answerFetch({});
    renderIntake(['viewer']);
    expect(screen.getByText('当前角色无接报权限')).toBeTruthy();
    expect(calls).toEqual([]);
  });
});

describe('the draft helpers', () => {
  it('reads only an id from ?fromAlarm= and writes instants as Beijing wall time', () => {
    expect(alarmIdFrom(`?fromAlarm=${ALARM_ID.toUpperCase()}`)).toBe(ALARM_ID);
    expect(alarmIdFrom('?fromAlarm=../../users')).toBeNull();
    expect(alarmIdFrom('')).toBeNull();
    expect(shanghaiInputOf('2026-12-31T16:30:00Z')).toBe('2027-01-01T00:30');
    expect(shanghaiInputOf('not a time')).toBe('');
  });
});

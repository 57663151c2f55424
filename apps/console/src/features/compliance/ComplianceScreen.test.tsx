import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComplianceObligationView, ComplianceSummary, ComplianceView } from '@app/incidents/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { Compliance } from './ComplianceScreen';

const session = {
  accessToken: 'token',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u-1', username: 'chief', displayName: '王指挥', roles: ['commander'], jurisdiction: '640500' },
} as unknown as Session;

const node = (code: string, name: string, children: JurisdictionNode[] = []): JurisdictionNode => ({
  code,
  name,
  level: children.length > 0 ? 'city' : 'county',
  parent: null,
  children,
});
const tree = [node('640500', '中卫市', [node('640521', '中宁县'), node('640522', '海原县')])];

const summary = (counts: Partial<ComplianceSummary>): ComplianceSummary => ({
  total: 0,
  met: 0,
  late: 0,
  missed: 0,
  overdue: 0,
  writtenOff: 0,
  pending: 0,
  onTimeRate: null,
  ...counts,
});

const INCIDENT = '11111111-1111-4111-8111-111111111111';
const obligation = (o: Partial<ComplianceObligationView>): ComplianceObligationView => ({
  incidentId: INCIDENT,
  title: '<script>alert(1)</script>化工厂爆炸',
  jurisdiction: '640522',
  obligationId: 'initial:city',
  kind: 'initial',
  kindLabel: '逐级上报',
  responsible: 'bureau',
  responsibleLabel: '本机关（逐级上报与通知）',
  level: 'city',
  levelLabel: '设区的市级',
  party: null,
  partyLabel: null,
  basis: '条例493 第十一条',
  dueAt: '2027-01-05T12:00:00+08:00',
  status: 'late',
  statusLabel: '迟报',
  reportedAt: '2027-01-05T12:35:00+08:00',
  reportedBy: 'u-duty',
  reportedByName: '<img src=x onerror=alert(1)>李值班',
  ...o,
});

const real: ComplianceView = {
  jurisdiction: '640500',
  drillId: null,
  summary: summary({ total: 9, met: 2, late: 1, missed: 1, overdue: 2, writtenOff: 1, pending: 2, onTimeRate: 0.3333 }),
  unit: summary({ total: 2, met: 1, late: 1, onTimeRate: 0.5 }),
  byLevel: [
    {
      key: 'level:county',
      level: 'county',
      party: null,
      label: '县级',
      ...summary({ total: 1, met: 1, onTimeRate: 1 }),
    },
    {
      key: 'level:city',
      level: 'city',
      party: null,
      label: '设区的市级',
      ...summary({ total: 3, met: 1, late: 1, overdue: 1, onTimeRate: 0.3333 }),
    },
    {
      key: 'party:public_security',
      level: null,
      party: 'public_security',
      label: '公安机关',
      ...summary({ total: 5, missed: 1, overdue: 1, writtenOff: 1, pending: 2, onTimeRate: 0 }),
    },
  ],
  statusLabels: {
    met: '按时',
    late: '迟报',
    missed: '漏报',
    overdue: '逾期未报',
    written_off: '核销',
    pending: '待报',
  },
  byReporter: [
    { reportedBy: 'u-duty', name: '<img src=x onerror=alert(1)>李值班', met: 1, late: 1 },
    { reportedBy: 'u-chief', name: '王指挥', met: 1, late: 0 },
  ],
  obligations: [
    obligation({}),
    obligation({
      obligationId: 'notification:public_security',
      kind: 'notification',
      kindLabel: '通知',
      level: null,
      levelLabel: null,
      party: 'public_security',
      partyLabel: '公安机关',
      status: 'missed',
      statusLabel: '漏报',
      reportedAt: null,
      reportedBy: null,
      reportedByName: null,
    }),
    obligation({
      obligationId: 'unit',
      kind: 'unit',
      kindLabel: '事故单位报告',
      responsible: 'unit',
      level: 'county',
      levelLabel: '县级',
      status: 'met',
      statusLabel: '按时',
      reportedBy: '事故单位',
      reportedByName: '事故单位',
      dueAt: '2027-01-05T10:00:00+08:00',
      reportedAt: '2027-01-05T09:40:00+08:00',
    }),
  ],
  obligationsTotal: 3,
  obligationsNext: null,
};

const DRILL = '22222222-2222-4222-8222-222222222222';
const drillView: ComplianceView = {
  ...real,
  drillId: DRILL,
  summary: summary({ total: 1, overdue: 1, onTimeRate: 0 }),
  unit: summary({}),
  byLevel: [
    { key: 'level:city', level: 'city', party: null, label: '设区的市级', ...summary({ total: 1, overdue: 1 }) },
  ],
  byReporter: [],
  obligations: [
    obligation({
      title: '演练：危化品泄漏',
      status: 'overdue',
      statusLabel: '逾期未报',
      reportedAt: null,
      reportedBy: null,
      reportedByName: null,
    }),
  ],
  obligationsTotal: 1,
};

const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);

beforeEach(() => setSession(session));
afterEach(() => setSession(null));

describe('Compliance', { timeout: 30_000 }, () => {
  it('counts the bureau’s and the unit’s obligations apart in the law’s words, by level and by reporter', async () => {
    const calls = answerFetch({ 'GET /compliance': { body: real }, 'GET /drills': { body: [] } });
    const { container } = renderInConsole(<Compliance session={session} jurisdictions={tree} />);
    await screen.findByTestId('compliance-summary-bureau');
    const count = (id: string) => within(screen.getByTestId(id)).getByRole('definition').textContent;
    expect(count('compliance-bureau-met')).toBe('2');
    expect(count('compliance-bureau-late')).toBe('1');
    expect(count('compliance-bureau-missed')).toBe('1');
    expect(count('compliance-bureau-overdue')).toBe('2');
    expect(count('compliance-bureau-written_off')).toBe('1');
    expect(count('compliance-bureau-pending')).toBe('2');
    expect(count('compliance-bureau-rate')).toBe('33.3%');
    expect(screen.getByTestId('compliance-bureau-overdue').textContent).toContain('逾期未报');
    expect(count('compliance-unit-met')).toBe('1');
    expect(count('compliance-unit-rate')).toBe('50%');

    // Levels of the chain lowest first, then the parties notified; named, never coded.
    expect(screen.getAllByTestId('compliance-level-row').map(cells)).toEqual([
      ['县级', '1', '0', '0', '0', '0', '0', '1', '100%'],
      ['设区的市级', '1', '1', '0', '1', '0', '0', '3', '33.3%'],
      ['公安机关', '0', '0', '1', '1', '1', '2', '5', '0%'],
    ]);
    // Reporters by display name; a name that looks like markup stays text.
    expect(screen.getAllByTestId('compliance-reporter-row').map(cells)).toEqual([
      ['<img src=x onerror=alert(1)>李值班', '1', '1'],
      ['王指挥', '1', '0'],
    ]);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();

    // The period asked is this month of the jurisdiction's calendar, as instants with offset; drills are not asked.
    const asked = new URLSearchParams(calls.find((c) => c.path.startsWith('/compliance'))!.path.split('?')[1]);
    expect(asked.get('jurisdiction')).toBe('640500');
    expect(asked.get('from')).toMatch(/^\d{4}-\d{2}-01T00:00:00\+08:00$/);
    expect(asked.get('to')).toMatch(/^\d{4}-\d{2}-01T00:00:00\+08:00$/);
    expect(asked.has('drillId')).toBe(false);
  });

  it('lists each obligation with its incident (a link), what was owed to whom, local times, who and the status', async () => {
    answerFetch({ 'GET /compliance': { body: real }, 'GET /drills': { body: [] } });
    renderInConsole(<Compliance session={session} jurisdictions={tree} />);
    const rows = await screen.findAllByTestId('compliance-obligation');
    expect(rows.map(cells)).toEqual([
      [
        '<script>alert(1)</script>化工厂爆炸',
        '海原县',
        '逐级上报',
        '设区的市级',
        '本机关',
        '2027/01/05 12:00',
        '2027/01/05 12:35',
        '<img src=x onerror=alert(1)>李值班',
        '迟报',
      ],
      [
        '<script>alert(1)</script>化工厂爆炸',
        '海原县',
        '通知',
        '公安机关',
        '本机关',
        '2027/01/05 12:00',
        '—',
        '—',
        '漏报',
      ],
      [
        '<script>alert(1)</script>化工厂爆炸',
        '海原县',
        '事故单位报告',
        '县级',
        '事故单位',
        '2027/01/05 10:00',
        '2027/01/05 09:40',
        '事故单位',
        '按时',
      ],
    ]);
    const link = within(rows[0]!).getByTestId('compliance-incident-link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(`/incidents/${INCIDENT}`);
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['late', 'missed', 'met']);
  });

  it('shows one drill’s obligations alone when a drill is chosen, without the period', async () => {
    const calls = answerFetch({
      [`GET /compliance?jurisdiction=640500&drillId=${DRILL}`]: { body: drillView },
      'GET /compliance': { body: real },
      'GET /drills': { body: [{ id: DRILL, title: '危化品泄漏桌面推演', status: 'ended' }] },
    });
    renderInConsole(<Compliance session={session} jurisdictions={tree} />);
    await screen.findAllByTestId('compliance-obligation');
    await waitFor(() => expect(screen.getByTestId('compliance-drill').querySelectorAll('option')).toHaveLength(2));
    expect(screen.getByTestId('compliance-drill').textContent).toContain('演练：危化品泄漏桌面推演');
    await userEvent.selectOptions(screen.getByTestId('compliance-drill'), DRILL);
    await waitFor(() => expect(screen.getAllByTestId('compliance-obligation')).toHaveLength(1));
    expect(cells(screen.getByTestId('compliance-obligation'))[0]).toBe('演练：危化品泄漏');
    expect(screen.getByTestId('compliance-note').textContent).toContain('危化品泄漏桌面推演');
    const last = calls.filter((c) => c.path.startsWith('/compliance')).at(-1)!;
    expect(last.path).toBe(`/compliance?jurisdiction=640500&drillId=${DRILL}`);
    expect((screen.getByTestId('compliance-period-thisYear') as HTMLButtonElement).closest('fieldset')!.disabled).toBe(
      true,
    );
  });

  it('shows the first page of lines with the total, and reads further pages on demand', async () => {
    const next = '/api/v1/compliance/obligations?jurisdiction=640500&cursor=abc.def';
    const calls = answerFetch({
      'GET /compliance': { body: { ...real, obligations: real.obligations.slice(0, 2), obligationsNext: next } },
      'GET /compliance/obligations?jurisdiction=640500&cursor=abc.def': { body: real.obligations.slice(2) },
      'GET /drills': { body: [] },
    });
    renderInConsole(<Compliance session={session} jurisdictions={tree} />);
    await waitFor(() => expect(screen.getAllByTestId('compliance-obligation')).toHaveLength(2));
    expect(screen.getByTestId('compliance-obligations').textContent).toContain('共 3 项');
    await userEvent.click(screen.getByTestId('compliance-more'));
    await waitFor(() => expect(screen.getAllByTestId('compliance-obligation')).toHaveLength(3));
    expect(calls.some((c) => c.path === '/compliance/obligations?jurisdiction=640500&cursor=abc.def')).toBe(true);
    // The last page named no next one: nothing more to ask for.
    expect(screen.queryByTestId('compliance-more')).toBeNull();
  });

  it('asks for the chosen jurisdiction and period', async () => {
    const calls = answerFetch({ 'GET /compliance': { body: real }, 'GET /drills': { body: [] } });
    renderInConsole(<Compliance session={session} jurisdictions={tree} />);
    await screen.findAllByTestId('compliance-obligation');
    await userEvent.selectOptions(screen.getByTestId('compliance-place'), '640522');
    await userEvent.click(screen.getByTestId('compliance-period-custom'));
    const first = screen.getByTestId('compliance-first');
    const last = screen.getByTestId('compliance-last');
    await userEvent.clear(first);
    await userEvent.type(first, '2026-02-01');
    await userEvent.clear(last);
    await userEvent.type(last, '2026-02-28');
    await waitFor(() => {
      const asked = new URLSearchParams(
        calls
          .filter((c) => c.path.startsWith('/compliance'))
          .at(-1)!
          .path.split('?')[1],
      );
      expect([asked.get('jurisdiction'), asked.get('from'), asked.get('to')]).toEqual([
        '640522',
        '2026-02-01T00:00:00+08:00',
        '2026-03-01T00:00:00+08:00',
      ]);
    });
  });
});

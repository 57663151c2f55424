import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlarmView } from '@app/alarms/contract';
import { setSession } from '../../api';
import { parseRoute } from '../../router';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { formatTime } from '../../time';
import { AlarmCard } from '../alarms/AlarmCard';
import { enterpriseView } from '../enterprises/test-enterprises';
import { HiddenHazardsScreen } from './HiddenHazardsScreen';
import {
  cityOfficer,
  citySupervision,
  coordinator,
  ENTERPRISE_ID,
  hazardView,
  HH_ID,
  summaryView,
  TREE,
} from './test-hidden-hazards';

const SECOND_ID = '8d4e5f60-7182-4d9e-9fa0-000000000002';

function serve(extra: Record<string, { status?: number; body?: unknown }> = {}) {
  return answerFetch({
    'GET /jurisdictions': { body: TREE },
    'GET /enterprises': { body: [enterpriseView({ id: ENTERPRISE_ID })] },
    'GET /hidden-hazards': {
      body: [
        hazardView({ supervision: citySupervision }, 3),
        hazardView(
          {
            id: SECOND_ID,
            title: '<img src=x onerror=alert(1)>配电室无应急照明',
            grade: 'general',
            gradeLabel: '一般事故隐患',
            standard: null,
          },
          -2,
        ),
      ],
    },
    'GET /hidden-hazards/summary?groupBy=enterprise': { body: summaryView('enterprise') },
    'GET /hidden-hazards/summary?groupBy=jurisdiction': { body: summaryView('jurisdiction') },
    ...extra,
  });
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent);

describe('the hidden-hazard register', () => {
  beforeEach(() => setSession(cityOfficer));
  afterEach(() => setSession(null));

  it('is reached at /hidden-hazards and /hidden-hazards/{id}', () => {
    expect(parseRoute('/hidden-hazards')).toEqual({ name: 'hiddenHazards' });
    expect(parseRoute(`/hidden-hazards/${HH_ID}`)).toEqual({ name: 'hiddenHazard', id: HH_ID });
  });

  it('lists each hazard with its enterprise, grade, supervision level, local deadline, time left in words and status', async () => {
    serve();
    const { container } = renderInConsole(<HiddenHazardsScreen session={cityOfficer} />);
    const rows = await screen.findAllByTestId('hh-row');
    expect(rows).toHaveLength(2);
    const first = hazardView({}, 3);
    expect(cells(rows[0]!)).toEqual([
      '液氯储罐区可燃气体报警器失效',
      '宁夏瑞泰化工有限公司',
      '重大事故隐患',
      '市级挂牌督办',
      formatTime(first.rectification.deadline),
      '还剩 3 天',
      '整改中',
    ]);
    // The deadline is a local time, never the ISO instant the server sent.
    expect(cells(rows[0]!)[4]).not.toContain('T');
    expect(rows[0]!.dataset.overdue).toBeUndefined();
    // Two days past the deadline: overdue, in words; script in a title is the characters typed.
    expect(cells(rows[1]!)).toEqual([
      '<img src=x onerror=alert(1)>配电室无应急照明',
      '宁夏瑞泰化工有限公司',
      '一般事故隐患',
      '未挂牌',
      expect.any(String) as string,
      expect.stringMatching(/^已逾期 1 天 23 小时$|^已逾期 2 天$/) as string,
      '整改中',
    ]);
    expect(rows[1]!.dataset.overdue).toBe('true');
    expect(container.querySelector('img')).toBeNull();
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe(`/hidden-hazards/${HH_ID}`);
    // The watch records hidden hazards.
    expect(screen.getByTestId('hh-record')).toBeTruthy();
  });

  it('asks the server with the chosen status, grade, enterprise and overdue only as query parameters', async () => {
    const calls = serve({
      'GET /hidden-hazards?status=rectifying': { body: [] },
      'GET /hidden-hazards?status=rectifying&grade=major': { body: [] },
      [`GET /hidden-hazards?status=rectifying&grade=major&enterpriseId=${ENTERPRISE_ID}`]: { body: [] },
      [`GET /hidden-hazards?status=rectifying&grade=major&overdue=true&enterpriseId=${ENTERPRISE_ID}`]: {
        body: [hazardView({}, -1)],
      },
    });
    renderInConsole(<HiddenHazardsScreen session={cityOfficer} />);
    await screen.findAllByTestId('hh-row');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId('hh-filter-status'), 'rectifying');
    await user.selectOptions(screen.getByTestId('hh-filter-grade'), 'major');
    await waitFor(() => expect(screen.getByTestId('hh-filter-enterprise').querySelectorAll('option')).toHaveLength(2));
    await user.selectOptions(screen.getByTestId('hh-filter-enterprise'), ENTERPRISE_ID);
    await user.click(screen.getByTestId('hh-filter-overdue'));
    await waitFor(() => expect(screen.getAllByTestId('hh-row')).toHaveLength(1));
    const asked = calls.filter((c) => c.method === 'GET' && c.path.startsWith('/hidden-hazards?')).map((c) => c.path);
    expect(asked).toEqual([
      '/hidden-hazards?status=rectifying',
      '/hidden-hazards?status=rectifying&grade=major',
      `/hidden-hazards?status=rectifying&grade=major&enterpriseId=${ENTERPRISE_ID}`,
      `/hidden-hazards?status=rectifying&grade=major&overdue=true&enterpriseId=${ENTERPRISE_ID}`,
    ]);
    expect(screen.getByTestId('hh-left-cell').textContent).toMatch(/^已逾期/);
  });

  it('shows the 整改率 per enterprise and per jurisdiction with the total, names as text', async () => {
    serve();
    const { container } = renderInConsole(<HiddenHazardsScreen session={cityOfficer} />);
    const byEnterprise = await screen.findByTestId('hh-summary-enterprise');
    const rows = within(byEnterprise).getAllByTestId('hh-summary-row');
    const line = (row: HTMLElement) => [
      row.querySelector('th')!.textContent,
      ...[...row.querySelectorAll('td')].map((c) => c.textContent),
    ];
    expect(line(rows[0]!)).toEqual(['宁夏瑞泰化工有限公司', '4', '1', '3', '1', '0', '1', '75.0%', '—']);
    expect(line(rows[1]!)).toEqual(['<b>某</b>商贸公司', '3', '1', '1', '2', '0', '1', '33.3%', '—']);
    expect(container.querySelector('b')).toBeNull();
    expect(line(within(byEnterprise).getByTestId('hh-summary-total'))).toEqual([
      '合计（中卫市）',
      '7',
      '1',
      '4',
      '3',
      '0',
      '1',
      '57.1%',
      '—',
    ]);
    // The rates as bars too (SVG text, so the names are real text there as well).
    const chart = screen.getByTestId('hh-summary-chart');
    expect(chart.getAttribute('aria-label')).toBe('各企业整改率');
    expect(chart.querySelector('svg')).not.toBeNull();
    const byJurisdiction = await screen.findByTestId('hh-summary-jurisdiction');
    expect(line(within(byJurisdiction).getByTestId('hh-summary-row'))[0]).toBe('中宁县');
    expect(
      within(within(byJurisdiction).getByTestId('hh-summary-row')).getByTestId('hh-summary-rate').textContent,
    ).toBe('57.1%');
  });

  it('names grades, levels and statuses in English when the console is in English', async () => {
    serve();
    renderInConsole(<HiddenHazardsScreen session={cityOfficer} />, { lang: 'en' });
    const rows = await screen.findAllByTestId('hh-row');
    const first = cells(rows[0]!);
    expect([first[2], first[3], first[5], first[6]]).toEqual([
      'Major hidden hazard',
      'Supervised by the city',
      '3 days left',
      'Being rectified',
    ]);
    expect(cells(rows[1]!)[3]).toBe('Not supervised');
  });

  it('leaves the record button out for a role that cannot record', async () => {
    serve();
    renderInConsole(<HiddenHazardsScreen session={coordinator} />);
    await screen.findAllByTestId('hh-row');
    expect(screen.queryByTestId('hh-record')).toBeNull();
  });

  it('shows a failed read in Chinese from the server code', async () => {
    serve({
      'GET /hidden-hazards': {
        status: 403,
        body: { type: 'about:blank', title: 'Forbidden', status: 403, code: 'FORBIDDEN', detail: 'no' },
      },
    });
    renderInConsole(<HiddenHazardsScreen session={cityOfficer} />);
    expect((await screen.findByTestId('hh-error')).textContent).toContain('当前角色无权执行此操作');
  });
});

describe("a hidden hazard's alarm in the alarm centre", () => {
  it("links to the hazard's page", () => {
    const alarm = {
      id: 'a1',
      kind: 'hidden_hazard',
      kindLabel: '隐患',
      severity: 'major',
      severityLabel: '重要',
      status: 'raised',
      statusLabel: '未确认',
      title: '重大事故隐患逾期未整改',
      message: '液氯储罐区可燃气体报警器失效',
      jurisdiction: '640521',
      jurisdictionName: '中宁县',
      subject: { type: 'hidden_hazard', id: HH_ID },
      raisedAt: new Date().toISOString(),
      dueAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      acknowledgementNote: null,
      escalation: { level: 0, label: null, at: null },
      resolvedAt: null,
      resolution: null,
      resolutionLabel: null,
      urgency: 1,
      revision: 1,
      position: '1',
    } as AlarmView;
    renderInConsole(
      <ul>
        <AlarmCard alarm={alarm} now={Date.now()} canAcknowledge={false} />
      </ul>,
    );
    expect(screen.getByRole('link').getAttribute('href')).toBe(`/hidden-hazards/${HH_ID}`);
  });
});

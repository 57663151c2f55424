import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatisticsGroupBy, StatisticsLineView, StatisticsView } from '@app/incidents/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import { setSession } from '../../api';
import { renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { Statistics } from './StatisticsScreen';

const session = {
  accessToken: 'token-of-the-session',
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
const tree = [
  node('640500', '中卫市', [node('640502', '沙坡头区'), node('640521', '中宁县'), node('640522', '海原县')]),
];

const line = (key: string, label: string, figures: Partial<StatisticsLineView> = {}): StatisticsLineView => ({
  key,
  label,
  incidents: 0,
  deaths: 0,
  missing: 0,
  seriousInjuries: 0,
  minorInjuries: 0,
  injuries: 0,
  directLossYuan: 0,
  grades: { general: 0, major: 0, serious: 0, especially_serious: 0 },
  majorOrAboveShare: 0,
  ...figures,
});

const totals = line('total', '合计', {
  incidents: 5,
  deaths: 3,
  missing: 1,
  seriousInjuries: 2,
  minorInjuries: 4,
  injuries: 6,
  directLossYuan: 12_345_600,
  grades: { general: 4, major: 1, serious: 0, especially_serious: 0 },
  majorOrAboveShare: 0.2,
});

const view = (groupBy: StatisticsGroupBy, rows: StatisticsLineView[]): StatisticsView => ({
  jurisdiction: '640500',
  from: '2027-01-01T00:00:00+08:00',
  to: '2028-01-01T00:00:00+08:00',
  timeZone: 'Asia/Shanghai',
  groupBy,
  drillsExcluded: true,
  rows,
  totals,
  target: { majorOrAboveShareMax: 0.02, met: false, source: 'default', year: 2026 },
});

const answers: Partial<Record<StatisticsGroupBy, StatisticsView>> = {
  month: view('month', [
    line('2027-01', '2027-01', {
      incidents: 3,
      deaths: 1,
      injuries: 4,
      directLossYuan: 2_345_600,
      grades: { general: 3, major: 0, serious: 0, especially_serious: 0 },
    }),
    line('2027-02', '2027-02', {
      incidents: 2,
      deaths: 2,
      missing: 1,
      injuries: 2,
      directLossYuan: 10_000_000,
      grades: { general: 1, major: 1, serious: 0, especially_serious: 0 },
    }),
  ]),
  day: view('day', [line('2027-01-05', '2027-01-05', { incidents: 5 })]),
  jurisdiction: view('jurisdiction', [
    line('640521', '中宁县', { incidents: 2 }),
    line('640522', '海原县', { incidents: 3, deaths: 3 }),
  ]),
  category: view('category', [
    line('road_traffic', '道路交通', { incidents: 4 }),
    line('hazardous_chemicals', '危险化学品', { incidents: 1 }),
  ]),
};

const CSV = '\ufeff分组,事故起数\n中宁县,2\n海原县,3\n合计,5\n';

/** Answers GET /statistics by its `groupBy` (JSON) or as CSV; records every request with its headers. */
function answerStatistics() {
  const calls: { query: URLSearchParams; headers: Record<string, string> }[] = [];
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input, 'http://console.test');
    if (url.pathname !== '/api/v1/statistics') return Promise.reject(new Error(`unexpected ${url.pathname}`));
    calls.push({ query: url.searchParams, headers: { ...(init?.headers as Record<string, string>) } });
    if (url.searchParams.get('format') === 'csv')
      return Promise.resolve(new Response(CSV, { headers: { 'content-type': 'text/csv; charset=utf-8' } }));
    const body = answers[url.searchParams.get('groupBy') as StatisticsGroupBy];
    if (!body) return Promise.reject(new Error(`no answer for ${url.search}`));
    return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  }) as typeof fetch;
  return calls;
}

const rowsOf = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByTestId('statistics-row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

beforeEach(() => setSession(session));
afterEach(() => {
  setSession(null);
  vi.useRealTimers();
});

// Charts are real SVG drawn by recharts, which takes a while in the simulated DOM.
describe('Statistics', { timeout: 60_000 }, () => {
  it('shows the four indicators, the grades, the share against its target and each chart’s figures as a table', async () => {
    answerStatistics();
    renderInConsole(<Statistics session={session} jurisdictions={tree} />);
    await waitFor(() => expect(screen.getByTestId('indicator-incidents-value').textContent).toBe('5'));
    expect(screen.getByTestId('indicator-incidents').textContent).toContain('起');
    expect(screen.getByTestId('indicator-deaths-value').textContent).toBe('3');
    expect(screen.getByTestId('indicator-deaths').textContent).toContain('失踪 1 人');
    expect(screen.getByTestId('indicator-injuries-value').textContent).toBe('6');
    expect(screen.getByTestId('indicator-injuries').textContent).toContain('重伤 2 人，轻伤 4 人');
    // 12,345,600 yuan is 1,234.56 万元.
    expect(screen.getByTestId('indicator-loss-value').textContent).toBe('1,234.56');
    expect(screen.getByTestId('indicator-loss').textContent).toContain('万元');
    const grades = [...screen.getByTestId('statistics-grades').querySelectorAll('tr')].map((r) => r.textContent);
    expect(grades).toEqual(['一般事故4 起', '较大事故1 起', '重大事故0 起', '特别重大事故0 起']);
    expect(screen.getByTestId('statistics-share').textContent).toContain('20%');
    expect(screen.getByTestId('statistics-share').textContent).toContain('控制目标 ≤ 2%');
    expect(screen.getByTestId('statistics-share-verdict').textContent).toBe('超出目标');
    expect(screen.getByTestId('statistics-drill-note').textContent).toContain('演练事故不计入统计');

    await waitFor(() => expect(rowsOf('statistics-jurisdiction')).toHaveLength(2));
    expect(rowsOf('statistics-period')).toEqual([
      ['2027年1月', '3', '1', '0', '4', '234.56', '0'],
      ['2027年2月', '2', '2', '1', '2', '1,000', '1'],
    ]);
    // Names, never codes; Chinese category labels from the console's catalogue.
    expect(rowsOf('statistics-jurisdiction').map((r) => r[0])).toEqual(['中宁县', '海原县']);
    expect(rowsOf('statistics-jurisdiction')[1]).toEqual(['海原县', '3', '3', '0', '0', '0', '0']);
    await waitFor(() => expect(rowsOf('statistics-category')).toHaveLength(2));
    expect(rowsOf('statistics-category').map((r) => r[0])).toEqual(['道路交通', '危险化学品']);
    const total = within(screen.getByTestId('statistics-period')).getByTestId('statistics-total');
    expect([...total.querySelectorAll('th, td')].map((c) => c.textContent)).toEqual([
      '合计',
      '5',
      '3',
      '1',
      '6',
      '1,234.56',
      '1',
    ]);
  });

  it('draws each chart as SVG with labelled axes (what and in which unit) and the groups’ names as ticks', async () => {
    answerStatistics();
    renderInConsole(<Statistics session={session} jurisdictions={tree} />);
    const chart = await screen.findByTestId('statistics-jurisdiction-chart');
    await waitFor(() => expect(chart.querySelector('svg')).not.toBeNull());
    const texts = [...chart.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(texts).toContain('辖区');
    expect(texts).toContain('事故起数（起）');
    expect(texts).toContain('人数（人）');
    expect(texts).toContain('中宁县');
    expect(texts).toContain('海原县');
    expect(texts).not.toContain('640521');
    const period = [...screen.getByTestId('statistics-period-chart').querySelectorAll('svg text')].map(
      (t) => t.textContent,
    );
    expect(period).toContain('时段');
    expect(period).toContain('2027年1月');
  });

  it('sends the presets as the jurisdiction zone’s calendar instants with offset, and custom dates inclusive', async () => {
    // 17:00 UTC on 31 December is already 1 January in Beijing: "this year" is the new year there.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T17:00:00Z'));
    const calls = answerStatistics();
    const asked = () => {
      const last = calls.filter((c) => c.query.get('groupBy') === 'jurisdiction').at(-1)!;
      return [last.query.get('from'), last.query.get('to'), last.query.get('jurisdiction')];
    };
    renderInConsole(<Statistics session={session} jurisdictions={tree} />);
    await waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(3));
    expect(asked()).toEqual(['2027-01-01T00:00:00+08:00', '2028-01-01T00:00:00+08:00', '640500']);
    expect(calls[0]!.headers.authorization).toBe('Bearer token-of-the-session');
    expect(screen.getByTestId('statistics-span').textContent).toBe('2027-01-01 至 2027-12-31');

    await userEvent.click(screen.getByTestId('statistics-period-thisMonth'));
    await waitFor(() => expect(asked()).toEqual(['2027-01-01T00:00:00+08:00', '2027-02-01T00:00:00+08:00', '640500']));
    await userEvent.click(screen.getByTestId('statistics-period-lastYear'));
    await waitFor(() => expect(asked()).toEqual(['2026-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00', '640500']));

    await userEvent.selectOptions(screen.getByTestId('statistics-place'), '640522');
    await waitFor(() => expect(asked()[2]).toBe('640522'));

    await userEvent.click(screen.getByTestId('statistics-period-custom'));
    const first = screen.getByTestId('statistics-first') as HTMLInputElement;
    const last = screen.getByTestId('statistics-last') as HTMLInputElement;
    // Switching to custom keeps the dates shown until one is edited.
    expect([first.value, last.value]).toEqual(['2026-01-01', '2026-12-31']);
    await userEvent.clear(last);
    await userEvent.type(last, '2026-03-31');
    await waitFor(() => expect(asked()).toEqual(['2026-01-01T00:00:00+08:00', '2026-04-01T00:00:00+08:00', '640522']));
    // A first date after the last is refused on screen and nothing is asked.
    const before = calls.length;
    await userEvent.clear(first);
    await userEvent.type(first, '2026-05-01');
    expect(screen.getByRole('alert').textContent).toBe('请选择有效的起止日期（起不晚于止）');
    expect(calls.length).toBe(before);
  });

  it('downloads the CSV of what a chart shows with the session’s token, named after the place and the dates', async () => {
    const calls = answerStatistics();
    const saved: { name: string; href: string }[] = [];
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:console/${blobs.size}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href });
    });
    renderInConsole(<Statistics session={session} jurisdictions={tree} />);
    await waitFor(() => expect(rowsOf('statistics-jurisdiction')).toHaveLength(2));
    await userEvent.click(screen.getByTestId('statistics-jurisdiction-csv'));
    await waitFor(() => expect(saved).toHaveLength(1));
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
    expect(saved[0]!.name).toBe(`事故统计-中卫市-${year}-01-01至${year}-12-31-按辖区.csv`);
    const csvCall = calls.find((c) => c.query.get('format') === 'csv')!;
    expect(csvCall.query.get('groupBy')).toBe('jurisdiction');
    expect(csvCall.query.get('jurisdiction')).toBe('640500');
    expect(csvCall.query.get('from')).toBe(`${year}-01-01T00:00:00+08:00`);
    expect(csvCall.headers.authorization).toBe('Bearer token-of-the-session');
    expect(csvCall.headers.accept).toBe('text/csv');
    const blob = blobs.get(saved[0]!.href)!;
    // Byte for byte, the byte-order mark included (spreadsheet programs need it to read the Chinese headers).
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer())).toBe(CSV);
  });

  it('keeps a name that looks like markup as text', async () => {
    answers.category = view('category', [line('other', '<img src=x onerror=alert(1)>', { incidents: 1 })]);
    answers.jurisdiction = view('jurisdiction', [line('640599', '<script>alert(1)</script>县', { incidents: 1 })]);
    answerStatistics();
    const { container } = renderInConsole(<Statistics session={session} jurisdictions={tree} />);
    await waitFor(() => expect(rowsOf('statistics-jurisdiction')).toHaveLength(1));
    expect(rowsOf('statistics-jurisdiction')[0]![0]).toBe('<script>alert(1)</script>县');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
  });
});

import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { IncidentView } from '@app/incidents/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import { publishLive } from '../../app/live-events';
import { renderInConsole } from '../../test-support/render';
import { Board } from './BoardScreen';

const TREE: JurisdictionNode[] = [
  {
    code: '640500',
    name: '中卫市',
    level: 'city',
    parent: null,
    children: [
      { code: '640502', name: '沙坡头区', level: 'county', parent: '640500', children: [] },
      { code: '640571', name: '中卫工业园区', level: 'park', parent: '640500', children: [] },
    ],
  },
] as JurisdictionNode[];

const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
let serial = 0;

/** An incident as GET /incidents gives it; `dueIn` minutes until its next report (negative: overdue), null: none. */
function incident(over: Partial<IncidentView> & { dueIn?: number | null } = {}): IncidentView {
  serial += 1;
  const { dueIn = 50, ...rest } = over;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    title: `事故${serial}`,
    category: 'fire',
    categoryLabel: '火灾',
    jurisdiction: '640502',
    jurisdictionName: '沙坡头区',
    grade: 'general',
    responseLevel: null,
    status: 'open',
    drillId: null,
    enterprise: null,
    location: { address: '沙坡头区某路', lat: 37.5, lng: 105.1 },
    receivedAt: minutes(-30),
    reportedAt: minutes(-30),
    revision: 1,
    deadlines:
      dueIn === null
        ? []
        : [
            {
              id: `o${serial}`,
              level: 'city',
              party: null,
              partyLabel: null,
              status: dueIn < 0 ? 'overdue' : 'pending',
              dueAt: minutes(dueIn),
            },
          ],
    ...rest,
  } as unknown as IncidentView;
}

interface Answer {
  body: IncidentView[];
  total: number;
  open: number;
  next?: string;
}

/** Answers GET /incidents… by exact path (after /api/v1) with the board's headers; records every path asked. */
function serveBoard(pages: Record<string, Answer>) {
  const asked: string[] = [];
  globalThis.fetch = ((input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : input, 'http://console.test');
    const path = url.pathname.replace(/^\/api\/v1/, '') + url.search;
    asked.push(path);
    const page = pages[path];
    if (!page) return Promise.reject(new Error(`unexpected request ${path}`));
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-total-count': String(page.total),
      'x-open-count': String(page.open),
    };
    if (page.next) headers.link = `</api/v1${page.next}>; rel="next"`;
    return Promise.resolve(new Response(JSON.stringify(page.body), { status: 200, headers }));
  }) as typeof fetch;
  return asked;
}

const FIRST = '/incidents?order=urgency&limit=50';
const rowIds = () => screen.queryAllByTestId('incident-row').map((r) => r.getAttribute('data-incident-id'));

describe('the incident board', () => {
  it('shows the server’s list in its order and says how many match and how many are open', async () => {
    const rows = [
      incident({ dueIn: -20, title: '逾期未报' }),
      incident({ dueIn: 5 }),
      incident({ status: 'closed' as const, dueIn: null }),
    ];
    const asked = serveBoard({
      [FIRST]: { body: rows, total: 3_031 + 400, open: 3_031, next: '/incidents?order=urgency&limit=50&cursor=c1' },
    });
    renderInConsole(<Board jurisdictions={TREE} />);
    await waitFor(() => expect(screen.getByTestId('board-count').textContent).toBe('共 3431 起，未终止 3031 起'));
    expect(asked).toEqual([FIRST]);
    expect(rowIds()).toEqual(rows.map((r) => r.id));
    // The overdue obligation stands out: the row is marked and its countdown says how long ago it was due.
    const overdue = screen.getAllByTestId('incident-row')[0]!;
    expect(overdue.getAttribute('data-overdue')).toBe('true');
    expect(overdue.className).toContain('board-overdue');
    expect(within(overdue).getByText(/已超时/)).toBeTruthy();
    expect(screen.getAllByTestId('incident-row')[1]!.getAttribute('data-overdue')).toBe('false');
    expect(screen.getByTestId('board-shown').textContent).toBe('已显示 3 起');
  });

  it('loads the next page on demand from the Link the server gave, until all are shown', async () => {
    const first = [incident(), incident()];
    const second = [incident({ status: 'closed' as const, dueIn: null })];
    const next = '/incidents?order=urgency&limit=50&cursor=abc.def';
    const asked = serveBoard({
      [FIRST]: { body: first, total: 3, open: 2, next },
      [next]: { body: second, total: 3, open: 2 },
    });
    renderInConsole(<Board jurisdictions={TREE} />);
    await userEvent.click(await screen.findByTestId('board-load-more'));
    await waitFor(() => expect(rowIds()).toEqual([...first, ...second].map((r) => r.id)));
    expect(asked).toEqual([FIRST, next]);
    expect(screen.getByTestId('board-shown').textContent).toBe('已全部显示');
    expect(screen.queryByTestId('board-load-more')).toBeNull();
  });

  it('sends the filters to the server instead of filtering in the browser; the drill filter finds drill incidents', async () => {
    const drill = incident({ drillId: '9a0c1f52-5b1e-4f1e-9b53-0d6f2c1a7e11', title: '演练：储罐泄漏' });
    const open = incident({ jurisdiction: '640571', jurisdictionName: '中卫工业园区' });
    const asked = serveBoard({
      [FIRST]: { body: [incident()], total: 1, open: 1 },
      '/incidents?order=urgency&limit=50&status=open': { body: [incident()], total: 1, open: 1 },
      '/incidents?order=urgency&limit=50&status=open&jurisdiction=640571': { body: [open], total: 1, open: 1 },
      '/incidents?order=urgency&limit=50&status=open&jurisdiction=640571&drill=drill': {
        body: [drill],
        total: 1,
        open: 1,
      },
      '/incidents?order=urgency&limit=50&status=open&jurisdiction=640571&drill=drill&q=%E5%82%A8%E7%BD%90': {
        body: [drill],
        total: 1,
        open: 1,
      },
    });
    renderInConsole(<Board jurisdictions={TREE} />);
    await screen.findByTestId('board-count');
    await userEvent.selectOptions(screen.getByTestId('filter-status'), 'open');
    await userEvent.selectOptions(screen.getByTestId('filter-jurisdiction'), '640571');
    await waitFor(() => expect(rowIds()).toEqual([open.id]));
    await userEvent.selectOptions(screen.getByTestId('filter-drill'), 'drill');
    await waitFor(() => expect(rowIds()).toEqual([drill.id]));
    expect(screen.getByText('演练：储罐泄漏')).toBeTruthy();
    await userEvent.type(screen.getByTestId('filter-q'), '储罐');
    await waitFor(() => expect(asked[asked.length - 1]).toContain('q=%E5%82%A8%E7%BD%90'));
    // One request for the whole word once typing paused, not one per keystroke.
    expect(asked.filter((p) => p.includes('q='))).toHaveLength(1);
  });

  it('reads the drill filter again each time it is shown: drill incidents never arrive as live deltas', async () => {
    // The drill's incident is reported after the coordinator first looked at 演练 (when it was empty). Its delta goes
    // only to the drill's room, so the board must ask the server again rather than show what it cached then.
    const pages: Record<string, Answer> = {
      [FIRST]: { body: [incident()], total: 1, open: 1 },
      [`${FIRST}&drill=drill`]: { body: [], total: 0, open: 0 },
    };
    const asked = serveBoard(pages);
    renderInConsole(<Board jurisdictions={TREE} />);
    await screen.findByTestId('board-count');
    await userEvent.selectOptions(screen.getByTestId('filter-drill'), 'drill');
    await waitFor(() => expect(screen.getByTestId('board-count').textContent).toBe('共 0 起，未终止 0 起'));
    await userEvent.selectOptions(screen.getByTestId('filter-drill'), 'real');
    await waitFor(() => expect(rowIds()).toHaveLength(1));
    const drill = incident({ drillId: '9a0c1f52-5b1e-4f1e-9b53-0d6f2c1a7e11', title: '演练：储罐泄漏' });
    pages[`${FIRST}&drill=drill`] = { body: [drill], total: 1, open: 1 };
    await userEvent.selectOptions(screen.getByTestId('filter-drill'), 'drill');
    await waitFor(() => expect(rowIds()).toEqual([drill.id]));
    expect(asked.filter((p) => p === `${FIRST}&drill=drill`)).toHaveLength(2);
  });

  it('asks for incidents received in the last 48 hours', async () => {
    const asked = serveBoard({ [FIRST]: { body: [], total: 0, open: 0 } });
    renderInConsole(<Board jurisdictions={TREE} />);
    await screen.findByTestId('board-count');
    globalThis.fetch = ((input: RequestInfo | URL) => {
      const url = new URL(input instanceof Request ? input.url : input, 'http://console.test');
      asked.push(url.search);
      return Promise.resolve(
        new Response('[]', {
          headers: { 'content-type': 'application/json', 'x-total-count': '252', 'x-open-count': '252' },
        }),
      );
    }) as typeof fetch;
    const before = Date.now();
    await userEvent.selectOptions(screen.getByTestId('filter-received'), '48');
    await waitFor(() => expect(screen.getByTestId('board-count').textContent).toBe('共 252 起，未终止 252 起'));
    const since = Date.parse(new URLSearchParams(asked[asked.length - 1]).get('since')!);
    expect(Math.abs(since - (before - 48 * 3_600_000))).toBeLessThan(2 * 60_000);
  });

  it('patches a row in place from a live delta and inserts a new matching incident at its place', async () => {
    const a = incident({ dueIn: 10, title: '先到期' });
    const b = incident({ dueIn: 40, title: '后到期' });
    serveBoard({ [FIRST]: { body: [a, b], total: 2, open: 2 } });
    renderInConsole(<Board jurisdictions={TREE} />);
    await waitFor(() => expect(rowIds()).toEqual([a.id, b.id]));
    // The commander sets a response level on the second: it changes where it stands (rows do not jump).
    act(() => publishLive('incident.changed', { position: '9', data: { ...b, responseLevel: 'III', revision: 2 } }));
    await waitFor(() => expect(within(screen.getAllByTestId('incident-row')[1]!).getByText('Ⅲ级响应')).toBeTruthy());
    expect(rowIds()).toEqual([a.id, b.id]);
    // A new incident due between the two appears between them; the count follows.
    const c = incident({ dueIn: 20, title: '新接报' });
    act(() => publishLive('incident.changed', { position: '10', data: c }));
    await waitFor(() => expect(rowIds()).toEqual([a.id, c.id, b.id]));
    expect(screen.getByTestId('board-count').textContent).toBe('共 3 起，未终止 3 起');
    // A drill incident never enters the real board, and an older copy than the one shown changes nothing. (The cache
    // tells the screen on a later tick: a change sent after them, once shown, proves they were handled.)
    const drill = incident({ drillId: '9a0c1f52-5b1e-4f1e-9b53-0d6f2c1a7e11', dueIn: 15 });
    act(() => publishLive('incident.changed', { position: '11', data: drill }));
    act(() => publishLive('incident.changed', { position: '8', data: { ...b, revision: 1 } }));
    act(() =>
      publishLive('incident.changed', { position: '12', data: { ...a, title: '先到期（已续报）', revision: 2 } }),
    );
    await waitFor(() => expect(screen.getByText('先到期（已续报）')).toBeTruthy());
    expect(rowIds()).toEqual([a.id, c.id, b.id]);
    expect(within(screen.getAllByTestId('incident-row')[2]!).getByText('Ⅲ级响应')).toBeTruthy();
  });

  it('drops an incident that no longer matches (ended while the board shows open ones) and counts it out', async () => {
    const a = incident();
    const b = incident();
    serveBoard({
      [FIRST]: { body: [incident()], total: 1, open: 1 },
      '/incidents?order=urgency&limit=50&status=open': { body: [a, b], total: 2, open: 2 },
    });
    renderInConsole(<Board jurisdictions={TREE} />);
    await screen.findByTestId('board-count');
    await userEvent.selectOptions(screen.getByTestId('filter-status'), 'open');
    await waitFor(() => expect(rowIds()).toEqual([a.id, b.id]));
    act(() => publishLive('incident.changed', { position: '12', data: { ...a, status: 'closed', revision: 5 } }));
    await waitFor(() => expect(rowIds()).toEqual([b.id]));
    expect(screen.getByTestId('board-count').textContent).toBe('共 1 起，未终止 1 起');
  });

  it('keeps its countdowns running', async () => {
    const soon = incident({ dueIn: 3 });
    serveBoard({ [FIRST]: { body: [soon], total: 1, open: 1 } });
    renderInConsole(<Board jurisdictions={TREE} />);
    const countdown = () => screen.getByTestId('incident-row').querySelector('.countdown strong')!.textContent;
    await waitFor(() => expect(countdown()).toMatch(/^剩余 0:0[23]:\d\d$/));
    const first = countdown();
    await waitFor(() => expect(countdown()).not.toBe(first), { timeout: 2_500 });
  });

  it('speaks English when the console is switched, and says when the board could not be loaded', async () => {
    serveBoard({
      [FIRST]: { body: [incident()], total: 12, open: 7, next: '/incidents?order=urgency&limit=50&cursor=x.y' },
    });
    renderInConsole(<Board jurisdictions={TREE} />, { lang: 'en' });
    await waitFor(() => expect(screen.getByTestId('board-count').textContent).toBe('12 incidents, 7 open'));
    expect(screen.getByTestId('board-load-more').textContent).toBe('Load more');
    globalThis.fetch = (() => Promise.resolve(new Response(null, { status: 503 }))) as typeof fetch;
    await userEvent.click(screen.getByTestId('board-load-more'));
    await waitFor(() => expect(screen.getByTestId('board-error').textContent).toMatch(/could not be loaded/));
  });
});

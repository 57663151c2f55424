import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSession } from '../../api';
import { parseRoute } from '../../router';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { ExpertScreen } from './ExpertScreen';
import { ExpertsScreen } from './ExpertsScreen';
import { adminSession, EXPERT_2, EXPERT_ID, expertView, officerSession, TREE } from './test-resources';

const HOSTILE = '<script>alert(1)</script>赵工';

function serve(extra: Record<string, { status?: number; body?: unknown }> = {}) {
  return answerFetch({
    'GET /jurisdictions': { body: TREE },
    'GET /experts': {
      body: [
        expertView(),
        expertView({
          id: EXPERT_2,
          name: HOSTILE,
          specialties: ['coal_mine'],
          specialtyLabels: ['煤矿'],
          organization: '<b>矿山</b>救护队',
          active: false,
        }),
      ],
    },
    ...extra,
  });
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent);

describe('the expert library', () => {
  afterEach(() => setSession(null));

  it('is reached at /experts and /experts/{id}, /shelters and /shelters/{id}', () => {
    expect(parseRoute('/experts')).toEqual({ name: 'experts' });
    expect(parseRoute(`/experts/${EXPERT_ID}`)).toEqual({ name: 'expert', id: EXPERT_ID });
    expect(parseRoute('/shelters')).toEqual({ name: 'shelters' });
    expect(parseRoute(`/shelters/${EXPERT_ID}`)).toEqual({ name: 'shelter', id: EXPERT_ID });
  });

  describe('read by a duty officer', () => {
    beforeEach(() => setSession(officerSession));

    it('lists each expert with specialties in words, title, organisation, phone and state; script stays text', async () => {
      serve();
      const { container } = renderInConsole(<ExpertsScreen session={officerSession} />);
      const rows = await screen.findAllByTestId('expert-row');
      expect(cells(rows[0]!)).toEqual([
        '王建国',
        '危险化学品、消防',
        '正高级工程师',
        '宁夏化工研究院',
        '13900000001',
        '中卫市',
        '在库',
      ]);
      expect(cells(rows[1]!)).toEqual([
        HOSTILE,
        '煤矿',
        '正高级工程师',
        '<b>矿山</b>救护队',
        '13900000001',
        '中卫市',
        '已退出',
      ]);
      expect(container.querySelector('script')).toBeNull();
      expect(container.querySelector('b')).toBeNull();
      expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe(`/experts/${EXPERT_ID}`);
      // The sub-navigation leads to the shelters; registering is the admins'.
      expect(screen.getByTestId('resources-nav-shelters').getAttribute('href')).toBe('/shelters');
      expect(screen.queryByTestId('expert-register')).toBeNull();
    });

    it('asks the server by specialty and by words', async () => {
      const calls = serve({
        'GET /experts?specialty=medical': { body: [] },
        'GET /experts?specialty=medical&q=%E7%8E%8B': { body: [expertView()] },
      });
      renderInConsole(<ExpertsScreen session={officerSession} />);
      await screen.findAllByTestId('expert-row');
      await userEvent.selectOptions(screen.getByTestId('expert-filter-specialty'), 'medical');
      await screen.findByTestId('experts-empty');
      await userEvent.type(screen.getByTestId('expert-filter-q'), '王');
      await waitFor(() => expect(screen.getAllByTestId('expert-row')).toHaveLength(1));
      expect(calls.map((c) => c.path)).toContain('/experts?specialty=medical&q=%E7%8E%8B');
    });

    it('offers no edit nor withdrawal on an expert page', async () => {
      serve({ [`GET /experts/${EXPERT_ID}`]: { body: expertView({ engagedIn: 2 }) } });
      renderInConsole(<ExpertScreen id={EXPERT_ID} session={officerSession} />);
      expect((await screen.findByTestId('expert-state')).textContent).toBe('会商中 2 起');
      expect(screen.getByTestId('expert-specialty-names').textContent).toBe('危险化学品、消防');
      expect(screen.queryByTestId('expert-edit')).toBeNull();
      expect(screen.queryByTestId('expert-withdraw')).toBeNull();
    });
  });

  describe('kept by an admin', () => {
    beforeEach(() => setSession(adminSession));

    it('registers an expert with the specialties ticked, after saying what is missing', async () => {
      const calls = serve({
        'POST /experts': { status: 201, body: expertView({ id: EXPERT_2 }) },
        [`GET /experts/${EXPERT_2}`]: { body: expertView({ id: EXPERT_2 }) },
      });
      renderInConsole(<ExpertsScreen session={adminSession} />);
      await userEvent.click(await screen.findByTestId('expert-register'));
      await userEvent.type(screen.getByTestId('expert-name'), '王建国');
      await userEvent.click(screen.getByTestId('expert-submit'));
      expect(screen.getByTestId('expert-problem-specialties').textContent).toBe('至少选择一个专业领域');
      expect(screen.getByTestId('expert-problem-title').textContent).toBe('此项必填');
      expect(calls.some((c) => c.method === 'POST')).toBe(false);
      await userEvent.type(screen.getByTestId('expert-title'), '正高级工程师');
      await userEvent.type(screen.getByTestId('expert-organization'), '宁夏化工研究院');
      await userEvent.type(screen.getByTestId('expert-phone'), '13900000001');
      await userEvent.click(screen.getByTestId('expert-specialty-fire'));
      await userEvent.click(screen.getByTestId('expert-specialty-hazardous_chemicals'));
      await waitFor(() => expect(screen.getByTestId('expert-jurisdiction')).toHaveProperty('value', '640500'));
      await userEvent.click(screen.getByTestId('expert-submit'));
      await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
      expect(calls.find((c) => c.method === 'POST')).toEqual({
        method: 'POST',
        path: '/experts',
        body: {
          name: '王建国',
          // The catalogue's order, not the order ticked.
          specialties: ['hazardous_chemicals', 'fire'],
          title: '正高级工程师',
          organization: '宁夏化工研究院',
          phone: '13900000001',
          jurisdiction: '640500',
        },
      });
    });

    it('withdraws an expert only after confirming, and says so', async () => {
      const one: { body: unknown } = { body: expertView() };
      const calls = serve({
        [`GET /experts/${EXPERT_ID}`]: one,
        [`POST /experts/${EXPERT_ID}/withdraw`]: { body: expertView({ active: false, revision: 2 }) },
      });
      renderInConsole(<ExpertScreen id={EXPERT_ID} session={adminSession} />);
      await userEvent.click(await screen.findByTestId('expert-withdraw'));
      const confirm = screen.getByTestId('expert-withdraw-confirm');
      expect(confirm.textContent).toContain('确定将 王建国 退出专家库？');
      await userEvent.click(screen.getByTestId('expert-withdraw-no'));
      expect(calls.some((c) => c.method === 'POST')).toBe(false);
      await userEvent.click(screen.getByTestId('expert-withdraw'));
      // What the server holds once the withdrawal is stored.
      one.body = expertView({ active: false, revision: 2 });
      await userEvent.click(screen.getByTestId('expert-withdraw-yes'));
      await screen.findByTestId('expert-withdrawn');
      expect(calls.filter((c) => c.method === 'POST')).toEqual([
        { method: 'POST', path: `/experts/${EXPERT_ID}/withdraw`, body: {} },
      ]);
      await waitFor(() => expect(screen.getByTestId('expert-state').textContent).toBe('已退出'));
      // A withdrawn expert is neither edited nor withdrawn again.
      expect(screen.queryByTestId('expert-withdraw')).toBeNull();
    });

    it('edits an expert without sending the jurisdiction, fixed at registration', async () => {
      const calls = serve({
        [`GET /experts/${EXPERT_ID}`]: { body: expertView() },
        [`PATCH /experts/${EXPERT_ID}`]: { body: expertView({ phone: '13900000009', revision: 2 }) },
      });
      renderInConsole(<ExpertScreen id={EXPERT_ID} session={adminSession} />);
      await userEvent.click(await screen.findByTestId('expert-edit'));
      expect(screen.getByTestId('expert-jurisdiction-fixed').textContent).toBe('中卫市');
      await userEvent.clear(screen.getByTestId('expert-phone'));
      await userEvent.type(screen.getByTestId('expert-phone'), '13900000009');
      await userEvent.click(screen.getByTestId('expert-submit'));
      await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
      expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({
        name: '王建国',
        specialties: ['hazardous_chemicals', 'fire'],
        title: '正高级工程师',
        organization: '宁夏化工研究院',
        phone: '13900000009',
      });
    });
  });
});

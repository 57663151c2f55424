import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HazardGrade } from '@app/enterprises/contract';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { HAZARD_GRADE_STYLES } from '../map/layers/styles';
import { HazardSourcesScreen } from './HazardSourcesScreen';
import {
  adminSession,
  ENTERPRISE_ID,
  enterpriseView,
  HAZARD_ID,
  hazardSourceView,
  officerSession,
  TREE,
} from './test-enterprises';

function colour(value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value;
  return probe.style.color;
}

const idOf = (n: number) => `6b2e3d4c-5f60-4b7c-9d8e-${String(n).padStart(12, '0')}`;

function serve(extra: Record<string, { status?: number; body?: unknown }> = {}) {
  return answerFetch({
    'GET /jurisdictions': { body: TREE },
    'GET /hazard-sources': {
      body: [
        ...([1, 2, 3, 4] as HazardGrade[]).map((grade) =>
          hazardSourceView({ id: idOf(grade), name: `${grade}号罐区`, grade, r: [120, 64.25, 12, 3.5][grade - 1]! }),
        ),
        hazardSourceView({ id: idOf(9), name: '小型仓库', grade: null, sumRatio: 0.42, isMajor: false, r: 0 }),
      ],
    },
    ...extra,
  });
}

describe('the major hazard source register', () => {
  beforeEach(() => setSession(officerSession));
  afterEach(() => setSession(null));

  it('colours each grade as the map does and prints Σq/Q, R, unit and enterprise', async () => {
    serve();
    renderInConsole(<HazardSourcesScreen session={officerSession} />);
    const rows = await screen.findAllByTestId('hazard-source-row');
    expect(rows).toHaveLength(5);
    const fills = new Set<string>();
    for (const [i, grade] of (['1', '2', '3', '4'] as const).entries()) {
      const badge = within(rows[i]!).getByTestId('hazard-source-grade');
      expect(badge.textContent).toBe(['一级', '二级', '三级', '四级'][i]);
      expect(colour(badge.style.backgroundColor)).toBe(colour(HAZARD_GRADE_STYLES[grade].fill));
      fills.add(badge.style.backgroundColor);
    }
    expect(fills.size).toBe(4);
    expect([...rows[1]!.querySelectorAll('td')].map((c) => c.textContent)).toEqual([
      '2号罐区',
      '宁夏瑞泰化工有限公司',
      '储存单元',
      '12.5',
      '64.25',
      '二级',
      '中卫工业园区',
    ]);
    // Below the threshold: no R, no grade colour.
    const small = rows[4]!;
    expect(within(small).getByTestId('hazard-source-r').textContent).toBe('—');
    const none = within(small).getByTestId('hazard-source-grade');
    expect(none.textContent).toBe('未构成重大危险源');
    expect(none.style.backgroundColor).toBe('');
    expect(within(rows[0]!).getAllByRole('link')[0]!.getAttribute('href')).toBe(`/hazard-sources/${idOf(1)}`);
    expect(screen.queryByTestId('hazard-register')).toBeNull();
  });

  it('asks for the chosen grade, jurisdiction and major sources only', async () => {
    const calls = serve({
      'GET /hazard-sources?grade=1': { body: [hazardSourceView()] },
      'GET /hazard-sources?jurisdiction=640571&grade=1': { body: [hazardSourceView()] },
      'GET /hazard-sources?jurisdiction=640571&grade=1&major=true': { body: [hazardSourceView()] },
    });
    renderInConsole(<HazardSourcesScreen session={officerSession} />);
    await screen.findAllByTestId('hazard-source-row');
    await waitFor(() => expect(screen.getAllByRole('option', { name: /中卫工业园区/ })).toHaveLength(1));
    await userEvent.selectOptions(screen.getByTestId('hazard-filter-grade'), '1');
    await userEvent.selectOptions(screen.getByTestId('hazard-filter-jurisdiction'), '640571');
    await userEvent.click(screen.getByTestId('hazard-filter-major'));
    await waitFor(() => expect(screen.getAllByTestId('hazard-source-row')).toHaveLength(1));
    expect(calls.map((c) => c.path)).toEqual(
      expect.arrayContaining([
        '/hazard-sources?grade=1',
        '/hazard-sources?jurisdiction=640571&grade=1',
        '/hazard-sources?jurisdiction=640571&grade=1&major=true',
      ]),
    );
  });

  it('registers a hazard source and reads back where each substance’s Q and β came from', async () => {
    setSession(adminSession);
    const created = hazardSourceView({
      id: HAZARD_ID,
      name: '液氯及丙烷储罐区',
      substances: [
        hazardSourceView().substances[0]!,
        {
          casNo: null,
          name: '某混合溶剂',
          category: 'flammable_liquid',
          categoryLabel: '易燃液体',
          quantityTonnes: 1500,
          criticalQuantityTonnes: 5000,
          beta: 1,
          basis: 'category',
          basisNote: 'GB 18218-2018 表2 W5.4',
          hazardClass: 'W5.4',
          tableEntry: null,
          ratio: 0.3,
        },
      ],
    });
    const calls = serve({
      'GET /enterprises': { body: [enterpriseView()] },
      'POST /hazard-sources': { status: 201, body: created },
    });
    renderInConsole(<HazardSourcesScreen session={adminSession} />);
    await userEvent.click(await screen.findByTestId('hazard-register'));
    await userEvent.click(screen.getByTestId('hazard-submit'));
    expect(screen.getByTestId('hazard-problem-enterpriseId').textContent).toBe('此项必填');
    expect(screen.getByTestId('hazard-problem-substances').textContent).toBe('至少填写一种危险化学品');
    await waitFor(() => expect(screen.getByRole('option', { name: '宁夏瑞泰化工有限公司' })).toBeTruthy());
    await userEvent.selectOptions(screen.getByTestId('hazard-enterprise'), ENTERPRISE_ID);
    await userEvent.type(screen.getByTestId('hazard-name'), '液氯及丙烷储罐区');
    await userEvent.type(screen.getByTestId('hazard-exposed'), '120');
    const first = screen.getAllByTestId('hazard-substance-row')[0]!;
    await userEvent.type(within(first).getByTestId('hazard-sub-cas'), '7782-50-5');
    await userEvent.type(within(first).getByTestId('hazard-sub-name'), '液氯');
    await userEvent.type(within(first).getByTestId('hazard-sub-q'), '50');
    await userEvent.click(screen.getByTestId('hazard-add-substance'));
    const second = screen.getAllByTestId('hazard-substance-row')[1]!;
    await userEvent.type(within(second).getByTestId('hazard-sub-name'), '某混合溶剂');
    await userEvent.selectOptions(within(second).getByTestId('hazard-sub-category'), 'W5.4');
    await userEvent.type(within(second).getByTestId('hazard-sub-q'), '0');
    await userEvent.click(screen.getByTestId('hazard-submit'));
    expect(screen.getByTestId('hazard-problem-substances-1-quantityTonnes').textContent).toBe('请填写大于 0 的数');
    await userEvent.clear(within(second).getByTestId('hazard-sub-q'));
    await userEvent.type(within(second).getByTestId('hazard-sub-q'), '1500');
    await userEvent.click(screen.getByTestId('hazard-submit'));
    expect((await screen.findByTestId('hazard-saved-grade')).textContent).toBe('已保存：一级重大危险源');
    expect([...screen.getByTestId('hazard-lookup').querySelectorAll('li')].map((l) => l.textContent)).toEqual([
      '7782-50-5 → 氯：标准表 1 所列，Q = 5 吨，β = 4',
      '某混合溶剂：无 CAS 号，标准表 1 未列，按类别“易燃液体”取 Q = 5000 吨，β = 1',
    ]);
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      enterpriseId: ENTERPRISE_ID,
      name: '液氯及丙烷储罐区',
      unitKind: 'storage',
      exposedPopulation: 120,
      substances: [
        { casNo: '7782-50-5', name: '液氯', quantityTonnes: 50 },
        { name: '某混合溶剂', category: 'W5.4', quantityTonnes: 1500 },
      ],
    });
    await userEvent.click(screen.getByTestId('hazard-saved-done'));
    await waitFor(() => expect(window.location.pathname).toBe(`/hazard-sources/${HAZARD_ID}`));
  });
});

import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Recommendations } from '@app/dispatch/contract';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { AllocateSheet, lineProblem } from './allocate-sheet';
import type { Act } from './shared';
import { INCIDENT_ID, recommendations, warehouseView } from './test-fixtures';

const run: Act = async (_label, fn, after) => {
  await fn();
  after?.();
};

const recommended = (warehouseId: string, name: string, sufficient = true) => ({
  warehouseId,
  name,
  distanceKm: 4.9,
  sufficient,
  shortfall: [],
  reason: `距离 4.9 公里，所需物资可全部满足`,
});

describe('AllocateSheet', () => {
  it('offers nothing to allocate once every need is covered', () => {
    const recs = recommendations({
      materialNeeds: [{ materialCode: '2010102', needed: 10, allocated: 10, remaining: 0 }],
      neededMaterials: [],
      warehouses: [],
    });
    renderInConsole(
      <AllocateSheet
        incidentId={INCIDENT_ID}
        recs={recs}
        warehouses={{ 'w-1': warehouseView() }}
        busy={false}
        act={run}
      />,
    );
    expect(screen.getByTestId('allocate-covered').textContent).toBe('所需物资已全部调拨，无需再次调拨');
    expect(screen.getByTestId('material-need').textContent).toBe('重型防化服：已调拨 10/10');
    expect(screen.queryByTestId('allocate-submit')).toBeNull();
    expect(screen.queryByTestId('recommended-warehouse')).toBeNull();
  });

  it('starts from what is still to allocate and sends the quantity as edited', async () => {
    const calls = answerFetch({ 'POST /warehouses/w-1/allocations': { status: 201, body: { allocationId: 'a-1' } } });
    const recs = recommendations({ warehouses: [recommended('w-1', '中卫市应急物资储备库')] });
    renderInConsole(
      <AllocateSheet
        incidentId={INCIDENT_ID}
        recs={recs}
        warehouses={{ 'w-1': warehouseView() }}
        busy={false}
        act={run}
      />,
    );
    const quantity = screen.getByTestId('allocate-quantity') as HTMLInputElement;
    expect(quantity.value).toBe('6');
    expect(screen.getByText('可用 20')).toBeTruthy();
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '3');
    await userEvent.click(screen.getByTestId('allocate-submit'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/warehouses/w-1/allocations',
      body: { incidentId: INCIDENT_ID, items: [{ materialCode: '2010102', quantity: 3 }] },
    });
  });

  it('holds the form back after an allocation until the needs show it, so it cannot be sent twice', async () => {
    const calls = answerFetch({ 'POST /warehouses/w-1/allocations': { status: 201, body: { allocationId: 'a-1' } } });
    // The workspace hands the sheet each new reading of the recommendations; so does this harness.
    let show: (recs: Recommendations) => void = () => undefined;
    function Harness({ first }: { first: Recommendations }) {
      const [recs, setRecs] = useState(first);
      show = setRecs;
      return (
        <AllocateSheet
          incidentId={INCIDENT_ID}
          recs={recs}
          warehouses={{ 'w-1': warehouseView() }}
          busy={false}
          act={run}
        />
      );
    }
    const before = recommendations({ warehouses: [recommended('w-1', '中卫市应急物资储备库')] });
    renderInConsole(<Harness first={before} />);
    await userEvent.click(screen.getByTestId('allocate-submit'));
    await waitFor(() => expect(screen.getByTestId('allocate-updating')).toBeTruthy());
    expect(screen.queryByTestId('allocate-submit')).toBeNull();
    // The same needs read again (the board not caught up yet): still held back.
    act(() => show({ ...before }));
    expect(screen.queryByTestId('allocate-submit')).toBeNull();
    // The needs now show the allocation: what is left is offered.
    act(() =>
      show(
        recommendations({
          materialNeeds: [{ materialCode: '2010102', needed: 10, allocated: 8, remaining: 2 }],
          neededMaterials: [{ materialCode: '2010102', quantity: 2 }],
          warehouses: [recommended('w-1', '中卫市应急物资储备库')],
        }),
      ),
    );
    await waitFor(() => expect((screen.getByTestId('allocate-quantity') as HTMLInputElement).value).toBe('2'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('refuses a quantity above what the warehouse has or not a whole number, and warns below the minimum', async () => {
    answerFetch({});
    const recs = recommendations({ warehouses: [recommended('w-1', '中卫市应急物资储备库')] });
    renderInConsole(
      <AllocateSheet
        incidentId={INCIDENT_ID}
        recs={recs}
        warehouses={{ 'w-1': warehouseView({}, 20, 16) }}
        busy={false}
        act={run}
      />,
    );
    const quantity = screen.getByTestId('allocate-quantity') as HTMLInputElement;
    const submit = screen.getByTestId('allocate-submit') as HTMLButtonElement;
    // 20 available, minimum 16: six leaves 14, allowed in an emergency but said.
    expect(screen.getByTestId('allocate-problem').textContent).toBe('调拨后低于最低库存（16）');
    expect(submit.disabled).toBe(false);
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '21');
    expect(screen.getByTestId('allocate-problem').textContent).toBe('超过该库可用数量（20）');
    expect(submit.disabled).toBe(true);
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '2.5');
    expect(screen.getByTestId('allocate-problem').textContent).toBe('请输入正整数');
    expect(submit.disabled).toBe(true);
  });

  it('lets a line be removed, and switches warehouses with the lines started afresh', async () => {
    answerFetch({});
    const recs = recommendations({
      materialNeeds: [
        { materialCode: '2010102', needed: 10, allocated: 0, remaining: 10 },
        { materialCode: '2040101', needed: 2, allocated: 0, remaining: 2 },
      ],
      neededMaterials: [
        { materialCode: '2010102', quantity: 10 },
        { materialCode: '2040101', quantity: 2 },
      ],
      warehouses: [recommended('w-1', '一号库'), recommended('w-2', '二号库', false)],
    });
    renderInConsole(<AllocateSheet incidentId={INCIDENT_ID} recs={recs} warehouses={{}} busy={false} act={run} />);
    expect(screen.getAllByTestId('allocate-line')).toHaveLength(2);
    await userEvent.click(screen.getAllByTestId('allocate-remove')[1]!);
    expect(screen.getAllByTestId('allocate-line').map((l) => l.getAttribute('data-material'))).toEqual(['2010102']);
    await userEvent.click(screen.getAllByTestId('allocate-remove')[0]!);
    expect(screen.getByText('请至少保留一项物资')).toBeTruthy();
    expect((screen.getByTestId('allocate-submit') as HTMLButtonElement).disabled).toBe(true);
    const second = screen.getAllByTestId('recommended-warehouse')[1]!;
    await userEvent.click(within(second).getByTestId('allocate-choose'));
    expect(screen.getAllByTestId('allocate-line')).toHaveLength(2);
  });

  it('judges a line: whole numbers above zero, within what is available', () => {
    expect(lineProblem('0', { available: 5, minimum: 0 })).toEqual({ kind: 'error', key: 'bad' });
    expect(lineProblem('6', { available: 5, minimum: 0 })).toEqual({ kind: 'error', key: 'tooMany' });
    expect(lineProblem('5', { available: 5, minimum: 1 })).toEqual({ kind: 'warning', key: 'belowMinimum' });
    expect(lineProblem('4', { available: 5, minimum: 1 })).toBeNull();
  });
});

import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInConsole } from '../../test-support/render';
import { AllocationsPanel } from './resource-panels';
import { incidentView } from './test-fixtures';

const WAREHOUSE = '0d3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b';
const allocation = (status: string, simulated?: boolean) => ({
  allocationId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  warehouseId: WAREHOUSE,
  items: [{ materialCode: '1010401', quantity: 3 }],
  status,
  allocatedAt: '2026-11-23T10:10:00+08:00',
  updatedAt: '2026-11-23T10:10:00+08:00',
  ...(simulated ? { simulated } : {}),
});

describe('AllocationsPanel', () => {
  it('labels a drill’s simulated allocation in words and never names a warehouse by its id', () => {
    renderInConsole(
      <AllocationsPanel
        incident={incidentView({
          drillId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
          allocations: [allocation('simulated', true)],
        })}
        warehouses={{}}
        mayCommand={true}
        busy={false}
        act={() => Promise.resolve()}
      />,
    );
    const row = screen.getByTestId('allocation');
    expect(row.textContent).toContain('演练模拟（不动用库存）');
    expect(row.textContent).toContain('辖区外仓库');
    expect(row.textContent).not.toContain('simulated');
    expect(row.textContent).not.toContain(WAREHOUSE);
  });
});

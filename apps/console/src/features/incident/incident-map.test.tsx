import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { IncidentMapPanel, kmBetween, warehousesFor } from './incident-map';
import { incidentView, teamView, warehouseView } from './test-fixtures';

const assigned = {
  teamId: 'team-1',
  name: '中卫市危化品救援一队',
  task: null,
  status: 'dispatched',
  dispatchedAt: '2026-11-23T02:10:00Z',
  arrivedAt: null,
  releasedAt: null,
};

const warehouses = {
  near: warehouseView({ id: 'near', name: '近库', location: { address: 'a', lat: 37.54, lng: 105.14 } }),
  mid: warehouseView({ id: 'mid', name: '中库', location: { address: 'b', lat: 37.6, lng: 105.14 } }),
  far: warehouseView({ id: 'far', name: '远库', location: { address: 'c', lat: 37.8, lng: 105.14 } }),
  farthest: warehouseView({ id: 'farthest', name: '最远库', location: { address: 'd', lat: 38.2, lng: 105.14 } }),
};

describe('IncidentMapPanel', () => {
  it('measures kilometres (0.1° of latitude ≈ 11.1 km)', () => {
    expect(kmBetween({ lat: 37.5, lng: 105.2 }, { lat: 37.6, lng: 105.2 })).toBe(11.1);
  });

  it('shows the warehouses supplying the incident, then the three nearest others', () => {
    const incident = incidentView({
      allocations: [
        {
          allocationId: 'a-1',
          warehouseId: 'farthest',
          items: [],
          status: 'shipped',
          allocatedAt: '2026-11-23T02:10:00Z',
          updatedAt: '2026-11-23T02:10:00Z',
        },
      ],
    });
    expect(warehousesFor(incident, warehouses).map((w) => [w.warehouse.id, w.supplying])).toEqual([
      ['farthest', true],
      ['near', false],
      ['mid', false],
      ['far', false],
    ]);
  });

  it('marks the incident, its assigned teams and nearby warehouses, and names each in words under the map', async () => {
    answerFetch({});
    const incident = incidentView({ assignedTeams: [assigned] });
    const { container } = renderInConsole(
      <IncidentMapPanel
        incident={incident}
        teams={{ 'team-1': teamView({ status: 'en_route', nextStatuses: ['on_scene', 'returning'] }) }}
        warehouses={warehouses}
      />,
    );
    await waitFor(() => expect(container.querySelectorAll('.mini-incident.mini-marker')).toHaveLength(1));
    expect(container.querySelectorAll('.mini-team.mini-marker')).toHaveLength(1);
    expect(container.querySelectorAll('.mini-warehouse.mini-marker')).toHaveLength(3);
    expect(screen.getByTestId('map-team').textContent).toContain('已派队伍：中卫市危化品救援一队（途中）');
    expect(screen.getAllByTestId('map-warehouse').map((w) => w.textContent)).toEqual([
      ' 储备库：近库 · 1.1 公里',
      ' 储备库：中库 · 7.8 公里',
      ' 储备库：远库 · 30 公里',
    ]);
    // The key's swatches carry the markers' own classes, so their colours cannot drift apart.
    expect(container.querySelector('.mini-sw.mini-team')).not.toBeNull();
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { INCIDENT_ID, incidentView } from '../incident/test-fixtures';
import {
  adminSession,
  commanderSession,
  coordinatorSession,
  officerSession,
  SHELTER_2,
  SHELTER_ID,
  shelterView,
  TREE,
} from '../experts/test-resources';
import { occupancyProblem } from './OccupancyForm';
import { mayRecordOccupancy, mayRegisterShelters } from './queries';
import { ShelterScreen } from './ShelterScreen';
import { SheltersScreen } from './SheltersScreen';

const HOSTILE = '<img src=x onerror="window.__pwned=1">体育馆';
const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent);
const posts = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method === 'POST');

function serve(extra: Record<string, { status?: number; body?: unknown }> = {}) {
  return answerFetch({
    'GET /jurisdictions': { body: TREE },
    'GET /shelters': {
      body: [
        shelterView(),
        shelterView({
          id: SHELTER_2,
          name: HOSTILE,
          kind: 'stadium',
          kindLabel: '体育场馆',
          capacity: 800,
          occupants: 780,
          freeCapacity: 20,
          occupancyRate: 0.975,
          facilities: [],
          facilityLabels: [],
          address: '中宁县',
        }),
      ],
    },
    ...extra,
  });
}

describe('the shelter register', () => {
  afterEach(() => setSession(null));

  it('lets admins register, duty officers and commanders record occupancy, nobody else', () => {
    expect(mayRegisterShelters(adminSession)).toBe(true);
    expect(mayRegisterShelters(officerSession)).toBe(false);
    expect(mayRecordOccupancy(officerSession)).toBe(true);
    expect(mayRecordOccupancy(commanderSession)).toBe(true);
    expect(mayRecordOccupancy(adminSession)).toBe(false);
    expect(mayRecordOccupancy(coordinatorSession)).toBe(false);
  });

  it('refuses a count that is not a whole number or is above the capacity', () => {
    expect(occupancyProblem('2000', 2000)).toBeNull();
    expect(occupancyProblem('0', 2000)).toBeNull();
    expect(occupancyProblem('2001', 2000)).toEqual({ key: 'shelters.occupancy.overCapacity', capacity: 2000 });
    expect(occupancyProblem('-1', 2000)).toEqual({ key: 'shelters.occupancy.integer' });
    expect(occupancyProblem('1.5', 2000)).toEqual({ key: 'shelters.occupancy.integer' });
    expect(occupancyProblem('', 2000)).toEqual({ key: 'shelters.occupancy.integer' });
  });

  describe('read by a duty officer', () => {
    beforeEach(() => setSession(officerSession));

    it('lists kind, capacity, occupants, free room, rate and facilities in words; filters by kind and words', async () => {
      serve();
      const { container } = renderInConsole(<SheltersScreen session={officerSession} />);
      const rows = await screen.findAllByTestId('shelter-row');
      expect(cells(rows[0]!)).toEqual([
        '沙坡头公园',
        '公园绿地',
        '2000',
        '500',
        '1500',
        ' 25%',
        '应急供水、应急厕所、医疗救护',
        '中卫市',
      ]);
      expect(cells(rows[1]!)).toEqual([HOSTILE, '体育场馆', '800', '780', '20', ' 97.5%', '未登记配套设施', '中卫市']);
      expect(container.querySelector('img')).toBeNull();
      expect(screen.queryByTestId('shelter-register')).toBeNull();
      await userEvent.selectOptions(screen.getByTestId('shelter-filter-kind'), 'stadium');
      expect(screen.getAllByTestId('shelter-row').map((r) => r.getAttribute('data-shelter-id'))).toEqual([SHELTER_2]);
      await userEvent.selectOptions(screen.getByTestId('shelter-filter-kind'), '');
      await userEvent.type(screen.getByTestId('shelter-filter-q'), '文昌路');
      expect(screen.getAllByTestId('shelter-row').map((r) => r.getAttribute('data-shelter-id'))).toEqual([SHELTER_ID]);
    });

    it('shows the history in local times and records a count for an open incident, never above the capacity', async () => {
      const calls = serve({
        [`GET /shelters/${SHELTER_ID}`]: {
          body: shelterView({
            incident: { id: INCIDENT_ID, title: '园区储罐泄漏' },
            occupancyUpdatedAt: '2026-11-23T02:30:00Z',
          }),
        },
        [`GET /shelters/${SHELTER_ID}/occupancy`]: {
          body: [
            {
              at: '2026-11-23T02:30:00Z',
              occupants: 500,
              incidentId: INCIDENT_ID,
              incidentTitle: '园区储罐泄漏',
              note: '<b>第一批</b>',
              by: '值班员',
            },
          ],
        },
        'GET /incidents?status=open&limit=200': {
          body: [incidentView(), incidentView({ id: 'drill-one', title: '演练事故', drillId: 'd1' })],
        },
        [`POST /shelters/${SHELTER_ID}/occupancy`]: { body: shelterView({ occupants: 1800 }) },
      });
      const { container } = renderInConsole(<ShelterScreen id={SHELTER_ID} session={officerSession} />);
      const row = await screen.findByTestId('shelter-history-row');
      // 02:30 UTC is 10:30 in the jurisdiction's zone.
      expect(cells(row)).toEqual(['11/23 10:30', '500', '园区储罐泄漏', '<b>第一批</b>', '值班员']);
      expect(container.querySelector('b')).toBeNull();
      expect(screen.getByTestId('shelter-rate').textContent).toBe(' 25%');
      expect(screen.getByTestId('shelter-facility-names').textContent).toBe('应急供水、应急厕所、医疗救护');
      expect(screen.getByTestId('shelter-incident').textContent).toBe('园区储罐泄漏');
      // Admins' work is not offered.
      expect(screen.queryByTestId('shelter-edit')).toBeNull();

      const occupants = screen.getByTestId('occupancy-occupants');
      expect((occupants as HTMLInputElement).value).toBe('500');
      await userEvent.clear(occupants);
      await userEvent.type(occupants, '2001');
      expect(screen.getByTestId('occupancy-problem').textContent).toBe('安置人数不能超过可容纳人数 2000 人');
      expect((screen.getByTestId('occupancy-submit') as HTMLButtonElement).disabled).toBe(true);
      await userEvent.click(screen.getByTestId('occupancy-submit'));
      expect(posts(calls)).toEqual([]);

      // Only real incidents in response are offered (a drill never changes a real shelter).
      await waitFor(() => expect(screen.getByTestId('occupancy-incident').querySelectorAll('option')).toHaveLength(2));
      expect(
        [...screen.getByTestId('occupancy-incident').querySelectorAll('option')].map((o) => o.textContent),
      ).toEqual(['不关联事故', '园区储罐泄漏']);
      // The incident the shelter's people belong to now is chosen already; it can be changed.
      expect((screen.getByTestId('occupancy-incident') as HTMLSelectElement).value).toBe(INCIDENT_ID);
      await userEvent.selectOptions(screen.getByTestId('occupancy-incident'), '');
      await userEvent.selectOptions(screen.getByTestId('occupancy-incident'), INCIDENT_ID);
      await userEvent.clear(occupants);
      await userEvent.type(occupants, '1800');
      await userEvent.type(screen.getByTestId('occupancy-note'), '第二批转移到位');
      await userEvent.click(screen.getByTestId('occupancy-submit'));
      await screen.findByTestId('occupancy-recorded');
      expect(posts(calls)).toEqual([
        {
          method: 'POST',
          path: `/shelters/${SHELTER_ID}/occupancy`,
          body: { occupants: 1800, incidentId: INCIDENT_ID, note: '第二批转移到位' },
        },
      ]);
    });
  });

  describe('kept by an admin', () => {
    beforeEach(() => setSession(adminSession));

    it('registers a shelter with its kind, capacity, facilities and position, after saying what is wrong', async () => {
      const calls = serve({
        'POST /shelters': { status: 201, body: shelterView({ id: SHELTER_2 }) },
        [`GET /shelters/${SHELTER_2}`]: { body: shelterView({ id: SHELTER_2 }) },
      });
      renderInConsole(<SheltersScreen session={adminSession} />);
      await userEvent.click(await screen.findByTestId('shelter-register'));
      await userEvent.type(screen.getByTestId('shelter-name'), '中卫一中操场');
      await userEvent.type(screen.getByTestId('shelter-capacity'), '0');
      await userEvent.type(screen.getByTestId('shelter-lat'), '91');
      await userEvent.click(screen.getByTestId('shelter-submit'));
      expect(screen.getByTestId('shelter-problem-capacity').textContent).toBe('可容纳人数应为大于 0 的整数');
      expect(screen.getByTestId('shelter-problem-lat').textContent).toBe('纬度应为 -90 至 90 之间的数');
      expect(screen.getByTestId('shelter-problem-kind').textContent).toBe('此项必填');
      expect(posts(calls)).toEqual([]);
      await userEvent.selectOptions(screen.getByTestId('shelter-kind'), 'school');
      await userEvent.clear(screen.getByTestId('shelter-capacity'));
      await userEvent.type(screen.getByTestId('shelter-capacity'), '1200');
      await userEvent.clear(screen.getByTestId('shelter-lat'));
      await userEvent.type(screen.getByTestId('shelter-lat'), '37.5');
      await userEvent.type(screen.getByTestId('shelter-lng'), '105.18');
      await userEvent.type(screen.getByTestId('shelter-address'), '中卫市沙坡头区');
      await userEvent.click(screen.getByTestId('shelter-facility-toilets'));
      await userEvent.click(screen.getByTestId('shelter-facility-water'));
      await waitFor(() => expect(screen.getByTestId('shelter-jurisdiction')).toHaveProperty('value', '640500'));
      await userEvent.click(screen.getByTestId('shelter-submit'));
      await waitFor(() => expect(posts(calls)).toHaveLength(1));
      expect(posts(calls)[0]).toEqual({
        method: 'POST',
        path: '/shelters',
        body: {
          name: '中卫一中操场',
          kind: 'school',
          capacity: 1200,
          facilities: ['water', 'toilets'],
          address: '中卫市沙坡头区',
          location: { lat: 37.5, lng: 105.18 },
          jurisdiction: '640500',
        },
      });
    });

    it('edits a shelter, and records no occupancy (that is the watch’s)', async () => {
      const one: { body: unknown } = { body: shelterView() };
      const calls = serve({
        [`GET /shelters/${SHELTER_ID}`]: one,
        [`GET /shelters/${SHELTER_ID}/occupancy`]: { body: [] },
        [`PATCH /shelters/${SHELTER_ID}`]: { body: shelterView({ capacity: 2500 }) },
      });
      renderInConsole(<ShelterScreen id={SHELTER_ID} session={adminSession} />);
      await userEvent.click(await screen.findByTestId('shelter-edit'));
      expect(screen.queryByTestId('occupancy-form')).toBeNull();
      expect(screen.getByText('尚无安置人数记录')).toBeTruthy();
      await userEvent.clear(screen.getByTestId('shelter-capacity'));
      await userEvent.type(screen.getByTestId('shelter-capacity'), '2500');
      one.body = shelterView({ capacity: 2500, freeCapacity: 2000, occupancyRate: 0.2, revision: 4 });
      await userEvent.click(screen.getByTestId('shelter-submit'));
      await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
      const patch = calls.find((c) => c.method === 'PATCH')!;
      expect(patch.body).toEqual({
        name: '沙坡头公园',
        kind: 'park',
        capacity: 2500,
        facilities: ['water', 'toilets', 'medical'],
        address: '中卫市沙坡头区文昌路',
        location: { lat: 37.51, lng: 105.19 },
      });
      await waitFor(() => expect(screen.getByTestId('shelter-capacity-shown').textContent).toBe('2500 人'));
      expect(screen.getByTestId('shelter-free-shown').textContent).toBe('2000 人');
      expect(screen.getByTestId('shelter-rate').textContent).toBe(' 20%');
    });
  });
});

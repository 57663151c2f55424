import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { INCIDENT_ID, incidentView } from '../incident/test-fixtures';
import { officerSession, SHELTER_2, SHELTER_ID, shelterRecs, shelterView } from '../experts/test-resources';
import { ShelterPanel } from './ShelterPanel';

const RECS = `GET /incidents/${INCIDENT_ID}/shelter-recommendations`;
const posts = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method === 'POST');

describe('避难场所 on the incident', () => {
  beforeEach(() => setSession(officerSession));
  afterEach(() => setSession(null));

  it('opens with the shelters by distance and free room when the plan calls for evacuation', async () => {
    answerFetch({ [RECS]: { body: shelterRecs(INCIDENT_ID) } });
    renderInConsole(<ShelterPanel incident={incidentView()} mayRecord />);
    const rows = await screen.findAllByTestId('shelter-recommendation');
    expect(rows.map((r) => r.getAttribute('data-shelter-id'))).toEqual([SHELTER_ID, SHELTER_2]);
    expect(rows[0]!.textContent).toContain('公园绿地 · 2.3 公里 · 尚可容纳 1500 人');
    expect(rows[0]!.textContent).toContain('距事发地 2.3 公里，尚可容纳 1,500 人');
    expect(screen.getByTestId('shelter-evacuation').textContent).toBe(
      '预案要求疏散：组织周边群众疏散撤离 待安置 300 人',
    );
  });

  it('stays collapsed when no plan task calls for evacuation, and opens on request', async () => {
    answerFetch({
      [RECS]: {
        body: shelterRecs(INCIDENT_ID, { evacuationCalledFor: false, evacuationTasks: [], peopleToShelter: null }),
      },
    });
    renderInConsole(<ShelterPanel incident={incidentView()} mayRecord />);
    await screen.findByText('当前预案任务未要求疏散；如需转移安置，可参考下列避难场所。');
    expect(screen.queryByTestId('shelter-recommendation')).toBeNull();
    await userEvent.click(screen.getByTestId('shelter-panel-toggle'));
    expect(screen.getAllByTestId('shelter-recommendation')).toHaveLength(2);
  });

  it('records a count for this incident, refusing one above the capacity', async () => {
    const calls = answerFetch({
      [RECS]: { body: shelterRecs(INCIDENT_ID) },
      [`POST /shelters/${SHELTER_2}/occupancy`]: { body: shelterView({ id: SHELTER_2 }) },
    });
    renderInConsole(<ShelterPanel incident={incidentView()} mayRecord />);
    const stadium = (await screen.findAllByTestId('shelter-recommendation'))[1]!;
    await userEvent.click(within(stadium).getByTestId('shelter-record'));
    const count = within(stadium).getByTestId('occupancy-occupants');
    // The count now is what the capacity leaves no room for.
    expect((count as HTMLInputElement).value).toBe('0');
    // The incident is this one: no choice is offered.
    expect(within(stadium).queryByTestId('occupancy-incident')).toBeNull();
    await userEvent.clear(count);
    await userEvent.type(count, '801');
    expect(within(stadium).getByTestId('occupancy-problem').textContent).toBe('安置人数不能超过可容纳人数 800 人');
    await userEvent.click(within(stadium).getByTestId('occupancy-submit'));
    expect(posts(calls)).toEqual([]);
    await userEvent.clear(count);
    await userEvent.type(count, '300');
    await userEvent.click(within(stadium).getByTestId('occupancy-submit'));
    await screen.findByTestId('shelter-panel-recorded');
    expect(posts(calls)).toEqual([
      { method: 'POST', path: `/shelters/${SHELTER_2}/occupancy`, body: { occupants: 300, incidentId: INCIDENT_ID } },
    ]);
  });

  it('offers no recording on a drill incident, after the response, nor to a caller who may not record', async () => {
    answerFetch({ [RECS]: { body: shelterRecs(INCIDENT_ID) } });
    const { unmount } = renderInConsole(<ShelterPanel incident={incidentView({ drillId: 'drill-1' })} mayRecord />);
    await screen.findAllByTestId('shelter-recommendation');
    expect(screen.getByText('演练事故不改变真实避难场所的安置人数')).toBeTruthy();
    expect(screen.queryByTestId('shelter-record')).toBeNull();
    unmount();
    const closed = renderInConsole(<ShelterPanel incident={incidentView({ status: 'closed' })} mayRecord />);
    await waitFor(() => expect(screen.getAllByTestId('shelter-recommendation')).toHaveLength(2));
    expect(screen.queryByTestId('shelter-record')).toBeNull();
    closed.unmount();
    renderInConsole(<ShelterPanel incident={incidentView()} mayRecord={false} />);
    await waitFor(() => expect(screen.getAllByTestId('shelter-recommendation')).toHaveLength(2));
    expect(screen.queryByTestId('shelter-record')).toBeNull();
  });
});

import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IncidentAccountView } from '@app/incidents/contract';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { AccountPanel } from './account-panel';
import { INCIDENT_ID, timelineEntry } from './test-fixtures';

const casualties = { deaths: 0, missing: 0, seriousInjuries: 1, minorInjuries: 0, trapped: 0 };
const account: IncidentAccountView = {
  incidentId: INCIDENT_ID,
  timeZone: 'Asia/Shanghai',
  original: {
    kind: 'initial',
    revision: 0,
    at: '2026-11-23T10:05:00+08:00',
    author: '王值班员',
    description: '储罐阀门泄漏，现场有刺激性气味',
    measures: null,
    casualties,
    directLossYuan: null,
    outsideWindow: false,
  },
  followUps: [
    {
      kind: 'follow_up',
      revision: 2,
      at: '2026-11-23T10:40:00+08:00',
      author: '李指挥长',
      description: '泄漏扩大，一人死亡',
      measures: '设置警戒区',
      casualties: { ...casualties, deaths: 1 },
      directLossYuan: null,
      outsideWindow: false,
    },
    {
      kind: 'follow_up',
      revision: 5,
      at: '2026-11-23T11:00:00+08:00',
      author: '王值班员',
      description: null,
      measures: null,
      casualties: { ...casualties, deaths: 1, seriousInjuries: 2 },
      directLossYuan: null,
      outsideWindow: false,
    },
  ],
};

describe('AccountPanel', () => {
  it('keeps the account as received at intake beside the follow-ups, each with its time and author', async () => {
    answerFetch({ [`GET /incidents/${INCIDENT_ID}/account`]: { body: account } });
    renderInConsole(<AccountPanel incidentId={INCIDENT_ID} />);
    const original = await screen.findByTestId('account-original');
    expect(within(original).getByTestId('account-description').textContent).toBe('储罐阀门泄漏，现场有刺激性气味');
    expect(within(original).getByTestId('account-author').textContent).toBe('王值班员');
    expect(original.textContent).toContain('接报原始经过');
    expect(within(original).getByRole('time').textContent).toBe('2026/11/23 10:05:00');
    const followUps = screen.getAllByTestId('account-follow-up');
    expect(followUps.map((f) => within(f).getByTestId('account-author').textContent)).toEqual(['李指挥长', '王值班员']);
    expect(followUps[0]!.textContent).toContain('第 1 次续报');
    expect(followUps[0]!.textContent).toContain('泄漏扩大，一人死亡');
    expect(followUps[0]!.textContent).toContain('设置警戒区');
    expect(followUps[1]!.textContent).toContain('（本次未补充经过）');
  });

  it('renders a hostile account as text', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    answerFetch({
      [`GET /incidents/${INCIDENT_ID}/account`]: {
        body: { ...account, original: { ...account.original, description: payload } },
      },
    });
    renderInConsole(<AccountPanel incidentId={INCIDENT_ID} />);
    await waitFor(() => expect(screen.getByTestId('account-original')).toBeTruthy());
    expect(screen.getAllByTestId('account-description')[0]!.textContent).toBe(payload);
    expect(document.querySelector('img')).toBeNull();
  });

  it('reads the account again when a follow-up line comes live, and not for other lines', async () => {
    const calls = answerFetch({ [`GET /incidents/${INCIDENT_ID}/account`]: { body: account } });
    renderInConsole(<AccountPanel incidentId={INCIDENT_ID} />);
    await screen.findByTestId('account-original');
    const reads = () => calls.filter((c) => c.path.endsWith('/account')).length;
    expect(reads()).toBe(1);
    const level = timelineEntry(9, { type: 'ResponseLevelSet' });
    act(() => publishLive('timeline.appended', { position: level.position, data: level }));
    const followUp = timelineEntry(10, { type: 'SituationUpdated' });
    act(() => publishLive('timeline.appended', { position: followUp.position, data: followUp }));
    await waitFor(() => expect(reads()).toBe(2));
  });
});

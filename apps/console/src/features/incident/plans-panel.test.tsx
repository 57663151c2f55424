import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { IncidentView } from '@app/incidents/contract';
import type { PlanSuggestionsView, PlanView } from '@app/plans/contract';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { LevelConfirmDialog, type LevelChange } from './level-confirm';
import { PlanActions } from './plans-panel';
import type { Act } from './shared';
import { INCIDENT_ID, incidentView } from './test-fixtures';

const run: Act = async (_label, fn, after) => {
  await fn();
  after?.();
};

const PLAN = 'plan-hazmat';
const suggestions = (action: 'activate' | 'raise_level', level = 'II'): PlanSuggestionsView => ({
  incidentId: INCIDENT_ID,
  title: '园区储罐泄漏',
  responseLevel: 'III',
  drillId: null,
  suggestions: [
    { planId: PLAN, version: 1, title: '危险化学品事故专项应急预案', level, reasons: ['死亡 1 人（≥ 1）'], action },
  ],
});

/** The plan actions with the workspace's confirmation dialog, as the workspace wires them. */
function WithConfirmation({ incident, view }: { incident: IncidentView; view: PlanSuggestionsView }) {
  const [change, setChange] = useState<LevelChange | null>(null);
  return (
    <>
      <PlanActions
        incident={incident}
        suggestions={view}
        plans={[{ id: PLAN, title: '危险化学品事故专项应急预案', inForceVersion: 1, status: 'published' } as PlanView]}
        busy={false}
        act={run}
        confirmLevel={setChange}
      />
      {change && <LevelConfirmDialog change={change} onClose={() => setChange(null)} />}
    </>
  );
}

const posts = (calls: { method: string }[]) => calls.filter((c) => c.method === 'POST');

describe('PlanActions', () => {
  it('asks before a suggestion raises the level (Ⅲ → Ⅱ), and a cancel sends nothing', async () => {
    const calls = answerFetch({ [`POST /incidents/${INCIDENT_ID}/plan-activations`]: { status: 201, body: {} } });
    renderInConsole(
      <WithConfirmation incident={incidentView({ responseLevel: 'III' })} view={suggestions('activate')} />,
    );
    await userEvent.click(screen.getByTestId('plan-suggestion-activate'));
    const dialog = screen.getByTestId('level-confirm');
    expect(within(dialog).getByTestId('level-confirm-change').textContent).toBe(
      '响应级别将由「Ⅲ级响应」调整为「Ⅱ级响应」。',
    );
    expect(dialog.textContent).toContain('同时启动预案《危险化学品事故专项应急预案》。');
    expect(within(dialog).getByTestId('level-confirm-reason').textContent).toBe('理由：预案建议：死亡 1 人（≥ 1）');
    await userEvent.click(screen.getByTestId('level-confirm-cancel'));
    expect(screen.queryByTestId('level-confirm')).toBeNull();
    expect(posts(calls)).toHaveLength(0);

    await userEvent.click(screen.getByTestId('plan-suggestion-activate'));
    await userEvent.click(screen.getByTestId('level-confirm-ok'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toMatchObject({
      path: `/incidents/${INCIDENT_ID}/plan-activations`,
      body: { planId: PLAN, level: 'II', reason: '预案建议：死亡 1 人（≥ 1）' },
    });
  });

  it('activates at the level already in force without asking', async () => {
    const calls = answerFetch({ [`POST /incidents/${INCIDENT_ID}/plan-activations`]: { status: 201, body: {} } });
    renderInConsole(
      <WithConfirmation incident={incidentView({ responseLevel: 'II' })} view={suggestions('activate', 'II')} />,
    );
    await userEvent.click(screen.getByTestId('plan-suggestion-activate'));
    expect(screen.queryByTestId('level-confirm')).toBeNull();
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
  });

  it('a suggestion to raise the level sets it only once confirmed', async () => {
    const calls = answerFetch({ [`POST /incidents/${INCIDENT_ID}/response-level`]: { body: {} } });
    renderInConsole(
      <WithConfirmation incident={incidentView({ responseLevel: 'III' })} view={suggestions('raise_level')} />,
    );
    await userEvent.click(screen.getByTestId('plan-suggestion-level'));
    expect(posts(calls)).toHaveLength(0);
    await userEvent.click(screen.getByTestId('level-confirm-ok'));
    await waitFor(() =>
      expect(posts(calls)[0]).toMatchObject({
        path: `/incidents/${INCIDENT_ID}/response-level`,
        body: { level: 'II', reason: '预案建议：死亡 1 人（≥ 1）' },
      }),
    );
  });

  it('the activation form asks too when it names another level', async () => {
    answerFetch({});
    renderInConsole(
      <WithConfirmation
        incident={incidentView({ responseLevel: null })}
        view={{ ...suggestions('activate'), suggestions: [] }}
      />,
    );
    await userEvent.selectOptions(screen.getByTestId('plan-select'), PLAN);
    await userEvent.selectOptions(screen.getByLabelText('响应级别（可选）'), 'IV');
    await userEvent.click(screen.getByTestId('plan-activate'));
    expect(screen.getByTestId('level-confirm-change').textContent).toBe(
      '响应级别将由「未启动响应」调整为「Ⅳ级响应」。',
    );
  });
});

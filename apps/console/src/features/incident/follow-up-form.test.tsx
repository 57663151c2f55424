import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { FollowUpForm } from './follow-up-form';
import { useIncident } from './incident-queries';
import { INCIDENT_ID, incidentView } from './test-fixtures';

/** The form as the workspace shows it: fed by the incident in the query cache, which live deltas patch. */
function LiveFollowUp({ onSubmit }: { onSubmit: (body: Record<string, unknown>, reset: () => void) => void }) {
  const incident = useIncident(INCIDENT_ID).data;
  return incident ? (
    <>
      <span data-testid="shown-revision">{incident.revision}</span>
      <FollowUpForm incident={incident} busy={false} onSubmit={onSubmit} />
    </>
  ) : null;
}

const field = (name: string) => screen.getByTestId(`followup-${name}`) as HTMLInputElement;
/**
 * Another console's change, as the live line delivers it; `shown` is the revision the screen must then show (the
 * cache tells its observers a moment later).
 */
async function delta(overrides: Parameters<typeof incidentView>[0], position: string, shown = overrides?.revision) {
  act(() => publishLive('incident.changed', { position, data: incidentView({ ...overrides, position }) }));
  await waitFor(() => expect(screen.getByTestId('shown-revision').textContent).toBe(String(shown)));
}

describe('FollowUpForm', () => {
  it('keeps the typed figures when another console changes the incident', async () => {
    answerFetch({ [`GET /incidents/${INCIDENT_ID}`]: { body: incidentView() } });
    const onSubmit = vi.fn();
    renderInConsole(<LiveFollowUp onSubmit={onSubmit} />);
    await waitFor(() => expect(field('deaths').value).toBe('1'));
    await userEvent.clear(field('deaths'));
    await userEvent.type(field('deaths'), '4');
    await userEvent.clear(field('seriousInjuries'));
    await userEvent.type(field('seriousInjuries'), '6');

    // A commander sets the response level: the incident's revision moves, its figures do not.
    await delta({ responseLevel: 'II', responseLevelLabel: 'Ⅱ级', revision: 4 }, '101/1');
    expect(field('deaths').value).toBe('4');
    expect(field('seriousInjuries').value).toBe('6');
    expect(screen.queryByTestId('followup-deaths-changed')).toBeNull();
    // An untouched figure still follows the server.
    await delta(
      { responseLevel: 'II', revision: 5, casualties: { ...incidentView().casualties, trapped: 3 } },
      '102/1',
    );
    expect(field('trapped').value).toBe('3');

    await userEvent.click(screen.getByTestId('followup-submit'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      casualties: { deaths: 4, missing: 0, seriousInjuries: 6, minorInjuries: 0, trapped: 3 },
    });
  });

  it('says beside the field when the server changed what was typed over, and lets the officer choose', async () => {
    answerFetch({ [`GET /incidents/${INCIDENT_ID}`]: { body: incidentView() } });
    const onSubmit = vi.fn();
    renderInConsole(<LiveFollowUp onSubmit={onSubmit} />);
    await waitFor(() => expect(field('deaths').value).toBe('1'));
    await userEvent.clear(field('deaths'));
    await userEvent.type(field('deaths'), '4');
    await userEvent.clear(field('seriousInjuries'));
    await userEvent.type(field('seriousInjuries'), '6');

    // Another console's follow-up: deaths 2, serious injuries 5.
    await delta({ revision: 4, casualties: { ...incidentView().casualties, deaths: 2, seriousInjuries: 5 } }, '101/1');
    expect(field('deaths').value).toBe('4');
    expect(screen.getByTestId('followup-deaths-changed').textContent).toContain('服务器已更新为 2');
    expect(screen.getByTestId('followup-seriousInjuries-changed').textContent).toContain('服务器已更新为 5');

    // Nothing is sent while a change under the typing is not decided.
    await userEvent.click(screen.getByTestId('followup-submit'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      '此项已被他人更新：请先选择采用服务器值或保留输入',
    );

    await userEvent.click(screen.getByTestId('followup-deaths-take-server'));
    expect(field('deaths').value).toBe('2');
    await userEvent.click(screen.getByTestId('followup-seriousInjuries-keep-mine'));
    expect(field('seriousInjuries').value).toBe('6');
    expect(screen.queryByTestId('followup-deaths-changed')).toBeNull();
    expect(screen.queryByTestId('followup-seriousInjuries-changed')).toBeNull();

    await userEvent.click(screen.getByTestId('followup-submit'));
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      casualties: { deaths: 2, missing: 0, seriousInjuries: 6, minorInjuries: 0, trapped: 0 },
    });
  });

  it('once stored, lets go of the draft and follows the server again', async () => {
    answerFetch({ [`GET /incidents/${INCIDENT_ID}`]: { body: incidentView() } });
    renderInConsole(
      <LiveFollowUp
        onSubmit={(_body, reset) => {
          reset();
        }}
      />,
    );
    await waitFor(() => expect(field('deaths').value).toBe('1'));
    await userEvent.clear(field('deaths'));
    await userEvent.type(field('deaths'), '4');
    await userEvent.type(screen.getByTestId('followup-measures'), '设置警戒区');
    await userEvent.click(screen.getByTestId('followup-submit'));
    expect((screen.getByTestId('followup-measures') as HTMLTextAreaElement).value).toBe('');
    await delta({ revision: 4, casualties: { ...incidentView().casualties, deaths: 4 } }, '101/1');
    expect(field('deaths').value).toBe('4');
    expect(field('deaths').dataset.draft).toBe('server');
    await delta({ revision: 5, casualties: { ...incidentView().casualties, deaths: 5 } }, '102/1');
    expect(field('deaths').value).toBe('5');
    expect(screen.queryByTestId('followup-deaths-changed')).toBeNull();
  });

  it('ignores a delta older than what it shows', async () => {
    answerFetch({ [`GET /incidents/${INCIDENT_ID}`]: { body: incidentView({ position: '200/1', revision: 9 }) } });
    renderInConsole(<LiveFollowUp onSubmit={vi.fn()} />);
    await waitFor(() => expect(field('deaths').value).toBe('1'));
    await delta({ revision: 2, casualties: { ...incidentView().casualties, deaths: 0 } }, '150/1', 9);
    // Given time to apply it, had it been taken.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByTestId('shown-revision').textContent).toBe('9');
    expect(field('deaths').value).toBe('1');
  });
});

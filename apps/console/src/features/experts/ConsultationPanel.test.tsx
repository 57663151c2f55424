import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSession } from '../../api';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { DRILL_ID, drillView } from '../drills/test-drills';
import { INCIDENT_ID, incidentView } from '../incident/test-fixtures';
import { ConsultationPanel } from './ConsultationPanel';
import { mayConsult } from './queries';
import {
  adminSession,
  commanderSession,
  consultationView,
  coordinatorSession,
  EXPERT_2,
  EXPERT_ID,
  expertRecs,
  officerSession,
} from './test-resources';

const LIST = `GET /incidents/${INCIDENT_ID}/experts`;
const RECS = `GET /incidents/${INCIDENT_ID}/expert-recommendations`;

const posts = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method === 'POST');

describe('专家会商 on the incident', () => {
  beforeEach(() => setSession(officerSession));
  afterEach(() => setSession(null));

  it('is the watch’s: duty officers and commanders consult, admins and drill coordinators only read', () => {
    expect(mayConsult(officerSession)).toBe(true);
    expect(mayConsult(commanderSession)).toBe(true);
    expect(mayConsult(adminSession)).toBe(false);
    expect(mayConsult(coordinatorSession)).toBe(false);
  });

  it('shows the specialties needed and the recommended experts with their reasons', async () => {
    answerFetch({ [LIST]: { body: [] }, [RECS]: { body: expertRecs(INCIDENT_ID) } });
    renderInConsole(<ConsultationPanel incident={incidentView()} mayConsult />);
    const recs = await screen.findAllByTestId('expert-recommendation');
    expect(recs.map((r) => within(r).getByTestId('expert-reason').textContent)).toEqual([
      '匹配专业：危险化学品',
      '预案要求：医疗救护',
    ]);
    expect(screen.getByTestId('expert-needed').textContent).toBe(
      '所需专业：危险化学品（事故类别）、医疗救护（预案要求）',
    );
    expect(recs[1]!.textContent).toContain('正在其他事故会商');
    expect(screen.getByText('尚未邀请专家')).toBeTruthy();
  });

  it('invites a recommended expert with the mode and topic, not before a topic is written', async () => {
    const lists = [[], [consultationView(INCIDENT_ID, { mode: 'on_site', modeLabel: '现场会商' })]];
    const list = { body: lists[0] as unknown };
    const calls = answerFetch({
      [LIST]: list,
      [RECS]: { body: expertRecs(INCIDENT_ID) },
      [`POST /incidents/${INCIDENT_ID}/experts`]: {
        status: 201,
        body: consultationView(INCIDENT_ID, { mode: 'on_site' }),
      },
    });
    renderInConsole(<ConsultationPanel incident={incidentView()} mayConsult />);
    const first = (await screen.findAllByTestId('expert-recommendation'))[0]!;
    await userEvent.click(within(first).getByTestId('expert-invite'));
    await userEvent.click(screen.getByTestId('invite-mode-on_site'));
    await userEvent.click(screen.getByTestId('invite-send'));
    expect(screen.getByTestId('invite-topic-missing').textContent).toBe('请填写会商事项');
    expect(posts(calls)).toEqual([]);
    await userEvent.type(screen.getByTestId('invite-topic'), '  泄漏处置方案 ');
    list.body = lists[1];
    await userEvent.click(screen.getByTestId('invite-send'));
    await screen.findByTestId('consult-feedback');
    expect(posts(calls)).toEqual([
      {
        method: 'POST',
        path: `/incidents/${INCIDENT_ID}/experts`,
        body: { expertId: EXPERT_ID, mode: 'on_site', topic: '泄漏处置方案' },
      },
    ]);
    // The invitation is read again and listed with its status and mode.
    const row = await screen.findByTestId('consultation');
    expect(within(row).getByTestId('consultation-status').textContent).toBe('已邀请');
    expect(row.textContent).toContain('现场会商');
    expect(screen.queryByTestId('expert-invite-form')).toBeNull();
  });

  it('records the acceptance with the note given by phone, and a refusal without one', async () => {
    const calls = answerFetch({
      [LIST]: {
        body: [
          consultationView(INCIDENT_ID),
          consultationView(INCIDENT_ID, { expertId: EXPERT_2, expertName: '李梅' }),
        ],
      },
      [RECS]: { body: expertRecs(INCIDENT_ID) },
      [`POST /incidents/${INCIDENT_ID}/experts/${EXPERT_ID}/accept`]: { body: consultationView(INCIDENT_ID) },
      [`POST /incidents/${INCIDENT_ID}/experts/${EXPERT_2}/decline`]: { body: consultationView(INCIDENT_ID) },
    });
    renderInConsole(<ConsultationPanel incident={incidentView()} mayConsult />);
    const [wang, li] = await screen.findAllByTestId('consultation');
    await userEvent.click(within(wang!).getByTestId('consultation-accept'));
    expect(within(wang!).getByText('专家通常电话答复，由值班人员在此记录')).toBeTruthy();
    await userEvent.type(within(wang!).getByTestId('consultation-note'), '电话答复，30 分钟到场');
    await userEvent.click(within(wang!).getByTestId('consultation-confirm'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    await userEvent.click(within(li!).getByTestId('consultation-decline'));
    expect(within(li!).getByTestId('consultation-confirm').textContent).toBe('确认谢绝');
    await userEvent.click(within(li!).getByTestId('consultation-confirm'));
    await waitFor(() => expect(posts(calls)).toHaveLength(2));
    expect(posts(calls)).toEqual([
      {
        method: 'POST',
        path: `/incidents/${INCIDENT_ID}/experts/${EXPERT_ID}/accept`,
        body: { note: '电话答复，30 分钟到场' },
      },
      { method: 'POST', path: `/incidents/${INCIDENT_ID}/experts/${EXPERT_2}/decline`, body: {} },
    ]);
  });

  it('only reads when the caller may not act: no invite, no answer buttons; script in a topic is text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">研判';
    answerFetch({
      [LIST]: {
        body: [consultationView(INCIDENT_ID, { topic: hostile, status: 'accepted', answerNote: '<b>到场</b>' })],
      },
      [RECS]: { body: expertRecs(INCIDENT_ID) },
    });
    const { container } = renderInConsole(<ConsultationPanel incident={incidentView()} mayConsult={false} />);
    const row = await screen.findByTestId('consultation');
    expect(within(row).getByTestId('consultation-topic').textContent).toBe(`会商事项：${hostile}`);
    expect(row.textContent).toContain('<b>到场</b>');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    await screen.findAllByTestId('expert-recommendation');
    expect(screen.queryByTestId('expert-invite')).toBeNull();
    expect(screen.queryByTestId('consultation-accept')).toBeNull();
  });

  it('reads the invitations again when another console changes one of this incident', async () => {
    const list = { body: [] as unknown };
    const calls = answerFetch({ [LIST]: list, [RECS]: { body: expertRecs(INCIDENT_ID) } });
    renderInConsole(<ConsultationPanel incident={incidentView()} mayConsult />);
    await screen.findByText('尚未邀请专家');
    list.body = [consultationView(INCIDENT_ID, { status: 'accepted' })];
    publishLive('consultation.changed', { position: '1', data: consultationView('someone-else') });
    publishLive('consultation.changed', { position: '2', data: consultationView(INCIDENT_ID) });
    const row = await screen.findByTestId('consultation');
    expect(row.getAttribute('data-status')).toBe('accepted');
    expect(calls.filter((c) => c.path === `/incidents/${INCIDENT_ID}/experts`)).toHaveLength(2);
  });

  it('acts on a drill incident only while its drill runs, and never once the response has ended', async () => {
    const drill = { body: drillView({ status: 'running', startedAt: '2026-12-06T02:00:00Z' }) as unknown };
    answerFetch({
      [LIST]: { body: [consultationView(INCIDENT_ID, { drillId: DRILL_ID })] },
      [RECS]: { body: expertRecs(INCIDENT_ID) },
      [`GET /drills/${DRILL_ID}`]: drill,
    });
    const running = renderInConsole(<ConsultationPanel incident={incidentView({ drillId: DRILL_ID })} mayConsult />);
    expect(screen.getByText('演练事故的会商为演练记录')).toBeTruthy();
    expect((await screen.findAllByTestId('expert-invite')).length).toBe(2);
    expect(screen.getByTestId('consultation-accept')).toBeTruthy();
    running.unmount();

    drill.body = drillView({ status: 'ended', statusLabel: '已结束' });
    const ended = renderInConsole(<ConsultationPanel incident={incidentView({ drillId: DRILL_ID })} mayConsult />);
    await screen.findAllByTestId('expert-recommendation');
    await screen.findByTestId('consultation');
    expect(screen.queryByTestId('expert-invite')).toBeNull();
    expect(screen.queryByTestId('consultation-accept')).toBeNull();
    ended.unmount();

    renderInConsole(<ConsultationPanel incident={incidentView({ status: 'closed' })} mayConsult />);
    await screen.findAllByTestId('expert-recommendation');
    await screen.findByTestId('consultation');
    expect(screen.queryByTestId('expert-invite')).toBeNull();
    expect(screen.queryByTestId('consultation-accept')).toBeNull();
  });
});

import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { HiddenHazardView } from '@app/hidden-hazards/contract';
import type { Session } from '../../ui-types';
import { setSession } from '../../api';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { formatTime } from '../../time';
import { HiddenHazardScreen } from './HiddenHazardScreen';
import { supervisableLevels } from './queries';
import {
  cityCommander,
  cityOfficer,
  citySupervision,
  coordinator,
  countyCommander,
  hazardView,
  HH_ID,
  TREE,
} from './test-hidden-hazards';

type Routes = Record<string, { status?: number; body?: unknown }>;

function open(session: Session, view: HiddenHazardView, extra: Routes = {}) {
  setSession(session);
  const calls = answerFetch({
    'GET /jurisdictions': { body: TREE },
    [`GET /hidden-hazards/${HH_ID}`]: { body: view },
    ...extra,
  });
  renderInConsole(<HiddenHazardScreen id={HH_ID} session={session} />);
  return calls;
}

const shownActions = () =>
  ['hh-supervise', 'hh-rectify', 'hh-verify', 'hh-close'].filter((id) => screen.queryByTestId(id) !== null);

describe("a hidden hazard's page", () => {
  afterEach(() => setSession(null));

  it('reads as a record: names, local times, supervision and every 验收, user text as text', async () => {
    const view = hazardView({
      title: '<script>alert(1)</script>报警器失效',
      description: '<img src=x onerror=alert(2)>',
      supervision: citySupervision,
      status: 'rectifying',
      statusLabel: '整改中',
      rectifiedAt: '2026-12-04T06:00:00Z',
      rectificationNote: '已更换',
      verifications: [{ at: '2026-12-05T02:00:00Z', passed: false, note: '未联调', by: '张指挥' }],
    });
    open(cityOfficer, view);
    expect((await screen.findByTestId('hh-detail-title')).textContent).toBe('<script>alert(1)</script>报警器失效');
    expect(screen.getByTestId('hh-detail-description').textContent).toBe('<img src=x onerror=alert(2)>');
    expect(document.querySelector('.main script, section script, img')).toBeNull();
    expect(screen.getByTestId('hh-detail-grade').textContent).toBe('重大事故隐患');
    expect(screen.getByTestId('hh-detail-status').textContent).toBe('整改中');
    expect(screen.getByTestId('hh-detail-standard').textContent).toBe(
      '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）',
    );
    expect(screen.getByTestId('hh-detail-deadline').textContent).toContain(formatTime(view.rectification.deadline));
    expect(screen.getByTestId('hh-detail-deadline').textContent).toContain('还剩 10 天');
    expect(screen.getByTestId('hh-detail-responsible').textContent).toBe('李安全 13995512345');
    expect(screen.getByTestId('hh-detail-supervision').textContent).toBe(
      `市级挂牌督办：中卫市，张指挥 于 ${formatTime('2026-12-03T02:00:00Z')} 挂牌`,
    );
    const checks = screen.getAllByTestId('hh-verification');
    expect(checks).toHaveLength(1);
    expect(checks[0]!.textContent).toBe(`${formatTime('2026-12-05T02:00:00Z')} · 张指挥 · 验收未通过，退回整改未联调`);
    // Times are local words, never the instants the server sent.
    expect(document.body.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
  });

  it('offers a city commander 挂牌督办 at county or city level (never province) and posts the level chosen', async () => {
    const calls = open(cityCommander, hazardView(), {
      [`POST /hidden-hazards/${HH_ID}/supervise`]: {
        body: hazardView({ supervision: citySupervision }),
      },
    });
    await screen.findByTestId('hh-supervise');
    expect(shownActions()).toEqual(['hh-supervise', 'hh-rectify']);
    const options = [...screen.getByTestId('hh-supervise-level').querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['县级挂牌督办', '市级挂牌督办']);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId('hh-supervise-level'), 'city');
    await user.click(screen.getByTestId('hh-supervise-submit'));
    await waitFor(() => expect(screen.getByTestId('hh-detail-supervision').textContent).toContain('市级挂牌督办'));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe(`/hidden-hazards/${HH_ID}/supervise`);
    expect(post.body).toEqual({ level: 'city' });
    expect(screen.getByTestId('hh-action-done').textContent).toBe('已办理：挂牌督办');
    // Under city supervision a city commander cannot raise it further: province is no level of theirs.
    expect(screen.queryByTestId('hh-supervise')).toBeNull();
  });

  it('limits the levels by the commander and the hazard: a county commander only its county; a park acts as a county', () => {
    expect(supervisableLevels(TREE, hazardView(), '640521')).toEqual(['county']);
    expect(supervisableLevels(TREE, hazardView({ jurisdiction: '640571' }), '640500')).toEqual(['county', 'city']);
    expect(supervisableLevels(TREE, hazardView({ jurisdiction: '640571' }), '640571')).toEqual(['county']);
    // A town's enterprise: its county and city are on its line.
    expect(supervisableLevels(TREE, hazardView({ jurisdiction: '640521100' }), '640500')).toEqual(['county', 'city']);
    expect(supervisableLevels(TREE, hazardView({ supervision: citySupervision }), '640521')).toEqual([]);
    expect(supervisableLevels(TREE, hazardView(), '640521100')).toEqual([]);
  });

  it('gives a duty officer only the report of rectification, a note required, and posts it', async () => {
    const calls = open(cityOfficer, hazardView(), {
      [`POST /hidden-hazards/${HH_ID}/rectify`]: {
        body: hazardView({
          status: 'rectified',
          statusLabel: '已整改待验收',
          rectifiedAt: new Date().toISOString(),
          rectificationNote: '已更换报警器',
        }),
      },
    });
    await screen.findByTestId('hh-rectify');
    expect(shownActions()).toEqual(['hh-rectify']);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('hh-rectify-submit'));
    expect(screen.getByTestId('hh-problem-note').textContent).toBe('请填写说明');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.type(screen.getByTestId('hh-action-note'), '已更换报警器');
    await user.click(screen.getByTestId('hh-rectify-submit'));
    await waitFor(() => expect(screen.getByTestId('hh-detail-status').textContent).toBe('已整改待验收'));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ note: '已更换报警器' });
    // Rectified: nothing left for the watch (验收 is a commander's).
    expect(shownActions()).toEqual([]);
    expect(screen.getByTestId('hh-no-actions')).toBeTruthy();
  });

  it('hides 验收 from a county commander when the city supervises (the next case offers it to the city commander)', async () => {
    const rectified = hazardView({
      status: 'rectified',
      statusLabel: '已整改待验收',
      supervision: citySupervision,
      rectifiedAt: new Date().toISOString(),
    });
    open(countyCommander, rectified);
    await screen.findByTestId('hh-actions');
    expect(shownActions()).toEqual([]);
  });

  it('sends a failed 验收 back to rectification with its note', async () => {
    const rectified = hazardView({ status: 'rectified', statusLabel: '已整改待验收', supervision: citySupervision });
    const calls = open(cityCommander, rectified, {
      [`POST /hidden-hazards/${HH_ID}/verify`]: {
        body: hazardView({
          status: 'rectifying',
          statusLabel: '整改中',
          supervision: citySupervision,
          verifications: [{ at: new Date().toISOString(), passed: false, note: '未联调', by: '张指挥' }],
        }),
      },
    });
    await screen.findByTestId('hh-verify');
    expect(shownActions()).toEqual(['hh-verify']);
    const user = userEvent.setup();
    await user.type(screen.getByTestId('hh-action-note'), '未联调');
    await user.click(screen.getByTestId('hh-verify-fail'));
    await waitFor(() => expect(screen.getByTestId('hh-detail-status').textContent).toBe('整改中'));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ passed: false, note: '未联调' });
    expect(screen.getAllByTestId('hh-verification')[0]!.dataset.passed).toBe('false');
    // Back in rectification the commander may report it done again, not accept it.
    expect(shownActions()).toEqual(['hh-rectify']);
  });

  it('passes 验收 with a note', async () => {
    const rectified = hazardView({ status: 'rectified', statusLabel: '已整改待验收' });
    const calls = open(cityCommander, rectified, {
      [`POST /hidden-hazards/${HH_ID}/verify`]: {
        body: hazardView({ status: 'verified', statusLabel: '验收通过' }),
      },
    });
    await screen.findByTestId('hh-verify');
    const user = userEvent.setup();
    await user.type(screen.getByTestId('hh-action-note'), '报警器联调合格');
    await user.click(screen.getByTestId('hh-verify-pass'));
    await waitFor(() => expect(screen.getByTestId('hh-detail-status').textContent).toBe('验收通过'));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ passed: true, note: '报警器联调合格' });
    expect(shownActions()).toEqual(['hh-close']);
  });

  it('closes only after confirmation, and shows a refusal in Chinese from its code', async () => {
    const verified = hazardView({ status: 'verified', statusLabel: '验收通过', supervision: citySupervision });
    const calls = open(cityCommander, verified, {
      [`POST /hidden-hazards/${HH_ID}/close`]: {
        status: 412,
        body: { type: 'about:blank', title: 'Precondition Failed', status: 412, code: 'STALE_REVISION', detail: 'x' },
      },
    });
    await screen.findByTestId('hh-close');
    const user = userEvent.setup();
    await user.click(screen.getByTestId('hh-close'));
    const question = screen.getByTestId('hh-close-confirm');
    expect(question.textContent).toContain('确认销号“液氯储罐区可燃气体报警器失效”');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.click(within(question).getByTestId('hh-close-no'));
    expect(screen.queryByTestId('hh-close-confirm')).toBeNull();
    await user.click(screen.getByTestId('hh-close'));
    await user.click(screen.getByTestId('hh-close-yes'));
    expect((await screen.findByTestId('hh-action-error')).textContent).toContain('数据已被他人更新');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`/hidden-hazards/${HH_ID}/close`]);
  });

  it('shows no action to a drill coordinator', async () => {
    open(coordinator, hazardView());
    await screen.findByTestId('hh-actions');
    expect(shownActions()).toEqual([]);
  });

  it('takes a live change of the hazard', async () => {
    open(cityOfficer, hazardView());
    await screen.findByTestId('hh-rectify');
    act(() =>
      publishLive('hidden_hazard.changed', {
        position: '9',
        data: hazardView({
          status: 'closed',
          statusLabel: '已销号',
          closedAt: '2026-12-06T08:00:00Z',
          closedBy: '张指挥',
        }),
      }),
    );
    await waitFor(() => expect(screen.getByTestId('hh-detail-status').textContent).toBe('已销号'));
    expect(screen.getByTestId('hh-detail-closed').textContent).toBe(
      `已于 ${formatTime('2026-12-06T08:00:00Z')} 由 张指挥 销号`,
    );
    expect(shownActions()).toEqual([]);
  });
});

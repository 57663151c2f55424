import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { GazetteerEntryView, NearbyIncidentView } from '@app/incidents/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { draftKey } from './drafts';
import { IntakeForm } from './IntakeScreen';

const TREE: JurisdictionNode[] = [
  {
    code: '640500',
    name: '中卫市',
    level: 'city',
    parent: null,
    children: [
      { code: '640522', name: '海原县', level: 'county', parent: '640500', children: [] },
      { code: '640571', name: '中卫工业园区', level: 'park', parent: '640500', children: [] },
    ],
  },
];

function sessionOf(id: string, token = `token-of-${id}`): Session {
  return {
    accessToken: token,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: { id, username: id, displayName: '', roles: ['duty_officer'], jurisdiction: '640500' },
  };
}

const CHEMICAL_WORKS: GazetteerEntryView = {
  id: 'demo-640571-chem',
  kind: 'enterprise',
  kindLabel: '企业',
  name: '中卫某化工有限公司',
  address: '中卫工业园区纬三路（虚构地址）',
  jurisdiction: '640571',
  jurisdictionName: '中卫工业园区',
  lat: 37.533,
  lng: 105.146,
  approximate: true,
  enterpriseId: null,
};

const EARLIER: NearbyIncidentView = {
  id: '0b6f7c1e-3a52-4c1b-9d7e-2f1a4b5c6d7e',
  title: '储罐区泄漏',
  category: 'hazardous_chemicals',
  categoryLabel: '危险化学品',
  status: 'open',
  jurisdiction: '640571',
  jurisdictionName: '中卫工业园区',
  address: '中卫工业园区纬三路（虚构地址）',
  distanceM: 120,
  sameAddress: true,
  occurredAt: '2026-12-06T22:10:00+08:00',
  receivedAt: '2026-12-06T22:15:00+08:00',
};

function renderForm(session: Session = sessionOf('officer-a'), lang: 'zh' | 'en' = 'zh') {
  setSession(session);
  const onCreated = vi.fn();
  const view = renderInConsole(<IntakeForm session={session} jurisdictions={TREE} onCreated={onCreated} />, {
    lang,
  });
  return { ...view, onCreated };
}

const field = (name: string) => screen.getByTestId(`intake-${name}`) as HTMLInputElement;

/** Everything a report needs besides its place (the tests choose that). */
function fillTheRest() {
  fireEvent.change(field('title'), { target: { value: '储罐泄漏' } });
  fireEvent.change(field('category'), { target: { value: 'hazardous_chemicals' } });
  fireEvent.change(field('reporterName'), { target: { value: '张伟' } });
  fireEvent.change(field('reporterPhone'), { target: { value: '0955-1234567' } });
  fireEvent.change(field('reporterOrganization'), { target: { value: '企业安全科' } });
  fireEvent.change(field('description'), { target: { value: '阀门泄漏' } });
}

describe('IntakeForm', () => {
  it('fills place, position, jurisdiction and enterprise from a gazetteer entry', async () => {
    const calls = answerFetch({
      'GET /gazetteer': { body: [CHEMICAL_WORKS] },
      'GET /incidents/nearby': { body: [] },
    });
    renderForm();
    await userEvent.type(screen.getByTestId('intake-place-search'), '化工');
    const option = await screen.findByTestId('intake-place-option');
    expect(option.textContent).toContain('中卫某化工有限公司');
    expect(option.textContent).toContain('示意位置');
    await userEvent.click(option);
    expect(field('address').value).toBe('中卫工业园区纬三路（虚构地址）');
    expect(field('lat').value).toBe('37.533');
    expect(field('lng').value).toBe('105.146');
    expect(field('jurisdiction').value).toBe('640571');
    expect(field('enterprise').value).toBe('中卫某化工有限公司');
    expect(screen.getByTestId('intake-place-picked').textContent).toContain('中卫某化工有限公司');
    const search = calls.find((c) => c.path.startsWith('/gazetteer'));
    expect(new URLSearchParams(search!.path.split('?')[1]).get('q')).toBe('化工');
    // The duplicate check asks about the picked point and its address.
    await waitFor(() => expect(calls.some((c) => c.path.startsWith('/incidents/nearby'))).toBe(true));
    const nearby = new URLSearchParams(calls.find((c) => c.path.startsWith('/incidents/nearby'))!.path.split('?')[1]);
    expect([nearby.get('lat'), nearby.get('lng'), nearby.get('address')]).toEqual([
      '37.533',
      '105.146',
      '中卫工业园区纬三路（虚构地址）',
    ]);
  });

  it('says so when the gazetteer has no match, leaving the fields as they were', async () => {
    answerFetch({ 'GET /gazetteer': { body: [] } });
    renderForm();
    fireEvent.change(field('address'), { target: { value: '手写地址' } });
    await userEvent.type(screen.getByTestId('intake-place-search'), '不存在的地方');
    await screen.findByTestId('intake-place-none');
    expect(field('address').value).toBe('手写地址');
  });

  it('fills an empty form from a template and lists what to ask the caller', async () => {
    answerFetch({});
    renderForm();
    await userEvent.selectOptions(screen.getByTestId('intake-template'), 'chem-leak');
    expect(field('category').value).toBe('hazardous_chemicals');
    expect(field('title').value).toBe('危险化学品泄漏');
    expect(field('description').value).toContain('现场风向、风速');
    const ask = screen.getByTestId('intake-template-ask');
    expect(
      within(ask)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toContain('现场风向、风速');
    expect(screen.queryByTestId('intake-template-conflict')).toBeNull();
  });

  it('never overwrites typed text with a template without asking', async () => {
    answerFetch({});
    renderForm();
    await userEvent.type(field('title'), '罐区起火');
    await userEvent.type(field('description'), '报告人称东侧罐区冒烟');
    await userEvent.selectOptions(screen.getByTestId('intake-template'), 'chem-fire');
    // Asked, and nothing changed yet.
    const conflict = screen.getByTestId('intake-template-conflict');
    expect(conflict.textContent).toContain('事故名称');
    expect(conflict.textContent).toContain('事故简要经过');
    expect(field('title').value).toBe('罐区起火');
    expect(field('description').value).toBe('报告人称东侧罐区冒烟');
    // "Fill empty fields only": typed text stays, the empty category is filled.
    await userEvent.click(screen.getByTestId('intake-template-fill-blank'));
    expect(field('title').value).toBe('罐区起火');
    expect(field('description').value).toBe('报告人称东侧罐区冒烟');
    expect(field('category').value).toBe('hazardous_chemicals');
    // Asked again, the user may choose to replace.
    await userEvent.selectOptions(screen.getByTestId('intake-template'), 'road');
    expect(field('category').value).toBe('hazardous_chemicals');
    await userEvent.click(screen.getByTestId('intake-template-replace'));
    expect(field('title').value).toBe('道路交通事故');
    expect(field('category').value).toBe('road_traffic');
  });

  it('warns of an incident logged nearby within the hour and submits only once confirmed', async () => {
    const calls = answerFetch({
      'GET /incidents/nearby': { body: [EARLIER] },
      'POST /incidents': { status: 201, body: { id: '5d9a1c2e-8f3b-4a6d-9e1f-7c2b3a4d5e6f', title: '储罐泄漏' } },
    });
    const { onCreated } = renderForm();
    fillTheRest();
    fireEvent.change(field('address'), { target: { value: '中卫工业园区纬三路（虚构地址）' } });
    fireEvent.change(field('lat'), { target: { value: '37.533' } });
    fireEvent.change(field('lng'), { target: { value: '105.146' } });
    fireEvent.change(field('jurisdiction'), { target: { value: '640571' } });
    const warning = await screen.findByTestId('intake-nearby');
    const link = within(warning).getByTestId('intake-nearby-link');
    expect(link.getAttribute('href')).toBe(`/incidents/${EARLIER.id}`);
    expect(link.textContent).toContain('储罐区泄漏');
    expect(link.textContent).toContain('120 米');

    await userEvent.click(screen.getByTestId('intake-submit'));
    expect(screen.getByTestId('intake-error').textContent).toContain('请先核对');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.click(screen.getByTestId('intake-nearby-confirm'));
    await userEvent.click(screen.getByTestId('intake-submit'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const sent = calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      title: '储罐泄漏',
      jurisdiction: '640571',
      location: { address: '中卫工业园区纬三路（虚构地址）', lat: 37.533, lng: 105.146 },
    });
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    // Submitted: the draft is gone.
    expect(localStorage.getItem(draftKey('officer-a'))).toBeNull();
  });

  it('checks for nearby incidents at submit even when the check made while typing has not answered yet', async () => {
    const calls = answerFetch({
      'GET /incidents/nearby': { body: [EARLIER] },
      'POST /incidents': { status: 201, body: { id: '5d9a1c2e-8f3b-4a6d-9e1f-7c2b3a4d5e6f', title: '储罐泄漏' } },
    });
    renderForm();
    fillTheRest();
    fireEvent.change(field('address'), { target: { value: '纬三路' } });
    fireEvent.change(field('lat'), { target: { value: '37.533' } });
    fireEvent.change(field('lng'), { target: { value: '105.146' } });
    // At once, within the pause the form waits before checking on its own.
    fireEvent.click(screen.getByTestId('intake-submit'));
    await screen.findByTestId('intake-nearby');
    await waitFor(() => expect(screen.getByTestId('intake-error').textContent).toContain('请先核对'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('asks the server again at submit: an incident logged since the last check still warns', async () => {
    const routes: Parameters<typeof answerFetch>[0] = {
      'GET /incidents/nearby': { body: [] },
      'POST /incidents': { status: 201, body: { id: '5d9a1c2e-8f3b-4a6d-9e1f-7c2b3a4d5e6f', title: '储罐泄漏' } },
    };
    const calls = answerFetch(routes);
    renderForm();
    fillTheRest();
    fireEvent.change(field('address'), { target: { value: '纬三路' } });
    fireEvent.change(field('lat'), { target: { value: '37.533' } });
    fireEvent.change(field('lng'), { target: { value: '105.146' } });
    await waitFor(() => expect(calls.some((c) => c.path.startsWith('/incidents/nearby'))).toBe(true));
    expect(screen.queryByTestId('intake-nearby')).toBeNull();
    // Meanwhile another console logs the same incident.
    routes['GET /incidents/nearby'] = { body: [EARLIER] };
    await userEvent.click(screen.getByTestId('intake-submit'));
    await screen.findByTestId('intake-nearby');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('restores the draft after a remount, with a notice, and discards it on request', async () => {
    answerFetch({});
    const first = renderForm();
    await userEvent.type(field('title'), '夜间接报草稿');
    fireEvent.change(field('reporterName'), { target: { value: '李娜' } });
    first.unmount();
    expect(localStorage.getItem(draftKey('officer-a'))).toContain('夜间接报草稿');

    renderForm();
    expect(field('title').value).toBe('夜间接报草稿');
    expect(field('reporterName').value).toBe('李娜');
    expect(screen.getByTestId('intake-draft-restored').textContent).toContain('已恢复');
    await userEvent.click(screen.getByTestId('intake-draft-discard'));
    expect(field('title').value).toBe('');
    expect(screen.queryByTestId('intake-draft-restored')).toBeNull();
    expect(localStorage.getItem(draftKey('officer-a'))).toBeNull();
  });

  it("never shows one user's draft to another, and never stores the token", async () => {
    answerFetch({});
    const first = renderForm(sessionOf('officer-a', 'secret-access-token-a'));
    await userEvent.type(field('title'), '甲的草稿');
    first.unmount();

    renderForm(sessionOf('officer-b', 'secret-access-token-b'));
    expect(field('title').value).toBe('');
    expect(screen.queryByTestId('intake-draft-restored')).toBeNull();
    const stored = Object.keys(localStorage).map((k) => localStorage.getItem(k) ?? '');
    expect(stored.join('\n')).toContain('甲的草稿');
    expect(stored.join('\n')).not.toContain('secret-access-token');
  });

  it('speaks English when the console is switched: template prompts, place search and the nearby warning', async () => {
    answerFetch({ 'GET /gazetteer': { body: [CHEMICAL_WORKS] }, 'GET /incidents/nearby': { body: [EARLIER] } });
    renderForm(sessionOf('officer-a'), 'en');
    await userEvent.selectOptions(screen.getByTestId('intake-template'), 'chem-leak');
    const ask = screen.getByTestId('intake-template-ask').textContent ?? '';
    expect(ask).toContain('Wind direction and speed on site');
    expect(ask).not.toMatch(/[\u4e00-\u9fff]/);
    await userEvent.type(screen.getByTestId('intake-place-search'), 'x');
    await userEvent.click(await screen.findByTestId('intake-place-option'));
    expect(screen.getByTestId('intake-place-picked').textContent).toContain('Chosen: 中卫某化工有限公司 (Enterprise');
    const warning = await screen.findByTestId('intake-nearby');
    expect(warning.textContent).toContain('Possibly the same incident');
    expect(warning.textContent).toContain('120 m');
  });
});

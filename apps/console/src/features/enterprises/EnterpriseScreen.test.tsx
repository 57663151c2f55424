import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceKeyView } from '@app/enterprises/contract';
import type { IncidentView } from '@app/incidents/contract';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { EnterpriseScreen } from './EnterpriseScreen';
import {
  adminSession,
  ENTERPRISE_ID,
  enterpriseView,
  hazardSourceView,
  officerSession,
  TREE,
  VALID_CODE,
} from './test-enterprises';

const KEY_ID = '8d4f5e6a-7b8c-4d9e-8f0a-1b2c3d4e5f60';
const SECRET = 'dk_3q9Zt7Wm2Lr8Vx4Nc6Pb1Hs5Jf0Kd2Ge';

function incident(title: string, enterprise: string | null, enterpriseId: string | null = null): IncidentView {
  return {
    enterpriseId,
    id: `9e5f6a7b-8c9d-4e0f-8a1b-${String(title.length).padStart(12, '0')}`,
    title,
    category: 'hazardous_chemicals',
    categoryLabel: '危险化学品事故',
    status: 'open',
    grade: 'major',
    gradeLabel: '较大事故',
    enterprise,
    occurredAt: '2026-12-05T16:30:00Z',
    drillId: null,
  } as IncidentView;
}

const issuedKey = (over: Partial<DeviceKeyView> = {}): DeviceKeyView => ({
  keyId: KEY_ID,
  label: '罐区数据采集网关',
  issuedAt: '2026-12-06T01:00:00Z',
  issuedBy: '系统管理员',
  revokedAt: null,
  lastUsedAt: null,
  ...over,
});

function serve(extra: Record<string, { status?: number; body?: unknown }> = {}) {
  return answerFetch({
    'GET /jurisdictions': { body: TREE },
    [`GET /enterprises/${ENTERPRISE_ID}`]: { body: enterpriseView() },
    [`GET /hazard-sources?enterpriseId=${ENTERPRISE_ID}`]: {
      body: [hazardSourceView(), hazardSourceView({ id: 'x-2', name: '汽油罐区', grade: null, sumRatio: 0.42 })],
    },
    'GET /incidents': {
      body: [
        incident('液氯储罐泄漏', '宁夏瑞泰化工有限公司', ENTERPRISE_ID),
        // Typed as free text with exactly the unit's name: kept.
        incident('厂区配电室起火', '宁夏瑞泰化工有限公司'),
        // The search matches words anywhere: an incident at another unit whose title names this one is left out,
        incident('宁夏瑞泰化工有限公司门前交通事故', '中卫市某运输公司'),
        // and so is one naming another registered unit of the same name.
        incident('同名企业泄漏事故', '宁夏瑞泰化工有限公司', '0a1b2c3d-4e5f-4a6b-8c7d-000000000009'),
      ],
    },
    [`GET /enterprises/${ENTERPRISE_ID}/device-keys`]: { body: [] },
    ...extra,
  });
}

describe('an enterprise’s page', () => {
  beforeEach(() => setSession(officerSession));
  afterEach(() => setSession(null));

  it('shows the profile, both contacts, its hazard sources and the incidents that name it', async () => {
    const calls = serve();
    renderInConsole(<EnterpriseScreen id={ENTERPRISE_ID} session={officerSession} />);
    expect((await screen.findByTestId('enterprise-title')).textContent).toBe('宁夏瑞泰化工有限公司');
    const profile = screen.getByTestId('enterprise-profile').textContent!;
    expect(profile).toContain(VALID_CODE);
    expect(profile).toContain('危险化学品');
    expect(profile).toContain('中卫工业园区纬三路 8 号');
    expect(profile).toContain('一级重大危险源');
    // Local time (Beijing): 2026-11-02T02:00Z is 10:00 on 2 November.
    expect(profile).toContain('11/02 10:00');
    expect(screen.getByTestId('enterprise-principal').textContent).toBe('马建国 13909550001');
    expect(screen.getByTestId('enterprise-safety').textContent).toBe('李安全 13909550002');
    const sources = await screen.findAllByTestId('hazard-source-row');
    expect(sources.map((r) => r.querySelector('td')!.textContent)).toEqual(['液氯储罐区', '汽油罐区']);
    expect(within(sources[1]!).getByTestId('hazard-source-grade').textContent).toBe('未构成重大危险源');
    const incidents = await screen.findAllByTestId('enterprise-incident-row');
    expect(incidents.map((r) => r.querySelector('td')!.textContent)).toEqual(['液氯储罐泄漏', '厂区配电室起火']);
    const asked = calls.find((c) => c.path.startsWith('/incidents'))!.path;
    expect(new URL(asked, 'http://x').searchParams.get('q')).toBe('宁夏瑞泰化工有限公司');
    // Device keys are the admins': a duty officer neither sees nor asks for them.
    expect(screen.queryByTestId('device-keys')).toBeNull();
    expect(calls.some((c) => c.path.includes('device-keys'))).toBe(false);
    expect(screen.queryByTestId('enterprise-edit')).toBeNull();
  });

  it('says so when no safety officer is registered and no incident names the unit', async () => {
    serve({
      [`GET /enterprises/${ENTERPRISE_ID}`]: {
        body: enterpriseView({ contacts: { principal: { name: '马建国', phone: '139' }, safety: null } }),
      },
      'GET /incidents': { body: [] },
    });
    renderInConsole(<EnterpriseScreen id={ENTERPRISE_ID} session={officerSession} />);
    await waitFor(() => expect(screen.getByTestId('enterprise-safety').textContent).toBe('未登记'));
    expect((await screen.findByTestId('enterprise-no-incidents')).textContent).toBe(
      '没有以该企业为事故发生单位的事故记录',
    );
  });

  it('issues a device key and shows it once, with a copy button and a warning', async () => {
    setSession(adminSession);
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    serve();
    renderInConsole(<EnterpriseScreen id={ENTERPRISE_ID} session={adminSession} />);
    const panel = await screen.findByTestId('device-keys');
    expect(await within(panel).findByText('尚未签发设备密钥')).toBeTruthy();
    expect((within(panel).getByTestId('device-key-issue') as HTMLButtonElement).disabled).toBe(true);
    // The list is read again after issuing: it now holds the new key (never the secret itself).
    const again = serve({
      [`POST /enterprises/${ENTERPRISE_ID}/device-keys`]: { status: 201, body: { keyId: KEY_ID, key: SECRET } },
      [`GET /enterprises/${ENTERPRISE_ID}/device-keys`]: { body: [issuedKey()] },
    });
    await userEvent.type(within(panel).getByTestId('device-key-label'), '罐区数据采集网关');
    await userEvent.click(within(panel).getByTestId('device-key-issue'));
    const shown = await screen.findByTestId('issued-key');
    expect(screen.getByTestId('issued-key-value').textContent).toBe(SECRET);
    expect(screen.getByTestId('issued-key-warning').textContent).toContain('密钥只显示这一次');
    expect(again.find((c) => c.method === 'POST')!.body).toEqual({ label: '罐区数据采集网关' });
    await userEvent.click(within(shown).getByTestId('issued-key-copy'));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(screen.getByTestId('issued-key-copied').textContent).toBe('已复制');
    const row = await screen.findByTestId('device-key-row');
    expect(row.textContent).toContain('罐区数据采集网关');
    expect(row.textContent).not.toContain(SECRET);
    await userEvent.click(screen.getByTestId('issued-key-dismiss'));
    expect(screen.queryByTestId('issued-key')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('revokes a key only after the admin confirms it', async () => {
    setSession(adminSession);
    const calls = serve({
      [`GET /enterprises/${ENTERPRISE_ID}/device-keys`]: {
        body: [issuedKey({ lastUsedAt: '2026-12-06T05:00:00Z' })],
      },
      [`DELETE /enterprises/${ENTERPRISE_ID}/device-keys/${KEY_ID}`]: { status: 204 },
    });
    renderInConsole(<EnterpriseScreen id={ENTERPRISE_ID} session={adminSession} />);
    const row = await screen.findByTestId('device-key-row');
    expect(row.textContent).toContain('12/06 13:00');
    expect(within(row).getByTestId('device-key-state').textContent).toBe('有效');
    await userEvent.click(within(row).getByTestId('device-key-revoke'));
    expect(within(row).getByTestId('device-key-confirm').textContent).toContain(
      '确认吊销“罐区数据采集网关”？使用该密钥的网关将立即无法上报数据。',
    );
    await userEvent.click(within(row).getByTestId('device-key-revoke-no'));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await userEvent.click(within(row).getByTestId('device-key-revoke'));
    await userEvent.click(within(row).getByTestId('device-key-revoke-yes'));
    await waitFor(() => expect(screen.getByTestId('device-keys-notice').textContent).toBe('密钥已吊销'));
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      `/enterprises/${ENTERPRISE_ID}/device-keys/${KEY_ID}`,
    ]);
  });

  it('lets an admin edit the unit; the credit code stays as registered', async () => {
    setSession(adminSession);
    const calls = serve({
      [`PATCH /enterprises/${ENTERPRISE_ID}`]: {
        body: enterpriseView({ contacts: { principal: { name: '马建国', phone: '13909559999' }, safety: null } }),
      },
    });
    renderInConsole(<EnterpriseScreen id={ENTERPRISE_ID} session={adminSession} />);
    await userEvent.click(await screen.findByTestId('enterprise-edit'));
    expect(screen.getByTestId('enterprise-credit-code-fixed').textContent).toBe(VALID_CODE);
    expect(screen.getByTestId('enterprise-jurisdiction-fixed').textContent).toBe('中卫工业园区');
    expect(
      within(screen.getByTestId('enterprise-form')).queryByRole('textbox', { name: /统一社会信用代码/ }),
    ).toBeNull();
    const phone = screen.getByTestId('enterprise-principal-phone');
    await userEvent.clear(phone);
    await userEvent.type(phone, '13909559999');
    await userEvent.clear(screen.getByTestId('enterprise-safety-name'));
    await userEvent.clear(screen.getByTestId('enterprise-safety-phone'));
    await userEvent.click(screen.getByTestId('enterprise-submit'));
    await waitFor(() => expect(screen.queryByTestId('enterprise-form')).toBeNull());
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({
      name: '宁夏瑞泰化工有限公司',
      industry: 'hazardous_chemicals',
      address: '中卫工业园区纬三路 8 号',
      location: { lat: 37.52, lng: 105.18 },
      contacts: { principal: { name: '马建国', phone: '13909559999' }, safety: null },
    });
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSession } from '../../api';
import { parseRoute } from '../../router';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { HAZARD_GRADE_STYLES } from '../map/layers/styles';
import { EnterprisesScreen } from './EnterprisesScreen';
import { adminSession, ENTERPRISE_ID, enterpriseView, officerSession, TREE, VALID_CODE } from './test-enterprises';

const OTHER_ID = '0a1b2c3d-4e5f-4a6b-8c7d-000000000002';

/** The colour as the DOM writes it, so a hex and an rgb() spelling of the same colour compare equal. */
function colour(value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value;
  return probe.style.color;
}

function serve(extra: Record<string, { status?: number; body?: unknown }> = {}) {
  return answerFetch({
    'GET /jurisdictions': { body: TREE },
    'GET /enterprises': {
      body: [
        enterpriseView(),
        enterpriseView({
          id: OTHER_ID,
          name: '<script>alert(1)</script>中宁县某商贸有限公司',
          creditCode: '91110000802100433B',
          industry: 'industry_trade',
          industryLabel: '工贸',
          jurisdiction: '640521',
          jurisdictionName: '中宁县',
          hazardSourceCount: 0,
          highestHazardGrade: null,
        }),
      ],
    },
    ...extra,
  });
}

describe('the enterprise register', () => {
  beforeEach(() => setSession(officerSession));
  afterEach(() => setSession(null));

  it('is reached at /enterprises and /enterprises/{id}', () => {
    expect(parseRoute('/enterprises')).toEqual({ name: 'enterprises' });
    expect(parseRoute(`/enterprises/${ENTERPRISE_ID}`)).toEqual({ name: 'enterprise', id: ENTERPRISE_ID });
    expect(parseRoute('/hazard-sources')).toEqual({ name: 'hazardSources' });
    expect(parseRoute('/monitoring')).toEqual({ name: 'monitoring' });
  });

  it('lists each unit with its credit code, industry, jurisdiction by name, highest grade in its colour and count', async () => {
    serve();
    const { container } = renderInConsole(<EnterprisesScreen session={officerSession} />);
    const rows = await screen.findAllByTestId('enterprise-row');
    expect(rows).toHaveLength(2);
    const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent);
    expect(cells(rows[0]!)).toEqual(['宁夏瑞泰化工有限公司', VALID_CODE, '危险化学品', '中卫工业园区', '一级', '2']);
    const badge = within(rows[0]!).getByTestId('enterprise-grade');
    expect(colour(badge.style.backgroundColor)).toBe(colour(HAZARD_GRADE_STYLES['1'].fill));
    // Script in a name is shown as the characters typed.
    expect(cells(rows[1]!)).toEqual([
      '<script>alert(1)</script>中宁县某商贸有限公司',
      '91110000802100433B',
      '工贸',
      '中宁县',
      '无重大危险源',
      '0',
    ]);
    expect(container.querySelector('script')).toBeNull();
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe(`/enterprises/${ENTERPRISE_ID}`);
    // A duty officer reads the register; registering is the admins'.
    expect(screen.queryByTestId('enterprise-register')).toBeNull();
  });

  it('asks the server with the chosen jurisdiction, industry and words', async () => {
    const calls = serve({
      'GET /enterprises?jurisdiction=640571': { body: [enterpriseView()] },
      'GET /enterprises?jurisdiction=640571&industry=hazardous_chemicals': { body: [enterpriseView()] },
      'GET /enterprises?jurisdiction=640571&industry=hazardous_chemicals&q=%E7%91%9E%E6%B3%B0': {
        body: [enterpriseView()],
      },
    });
    renderInConsole(<EnterprisesScreen session={officerSession} />);
    await screen.findAllByTestId('enterprise-row');
    await waitFor(() => expect(screen.getAllByRole('option', { name: /中卫工业园区/ })).toHaveLength(1));
    await userEvent.selectOptions(screen.getByTestId('enterprise-filter-jurisdiction'), '640571');
    await userEvent.selectOptions(screen.getByTestId('enterprise-filter-industry'), 'hazardous_chemicals');
    await userEvent.type(screen.getByTestId('enterprise-filter-q'), '瑞泰');
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(
        '/enterprises?jurisdiction=640571&industry=hazardous_chemicals&q=%E7%91%9E%E6%B3%B0',
      ),
    );
    await waitFor(() => expect(screen.getAllByTestId('enterprise-row')).toHaveLength(1));
  });

  it('refuses a credit code whose check character is wrong before sending anything', async () => {
    setSession(adminSession);
    const calls = serve();
    renderInConsole(<EnterprisesScreen session={adminSession} />);
    await userEvent.click(await screen.findByTestId('enterprise-register'));
    await userEvent.type(screen.getByTestId('enterprise-name'), '宁夏新建化工有限公司');
    await userEvent.type(screen.getByTestId('enterprise-credit-code'), '91640500MA76XXXX59');
    await userEvent.click(screen.getByTestId('enterprise-submit'));
    expect(screen.getByTestId('enterprise-problem-creditCode').textContent).toBe(
      '统一社会信用代码第 18 位校验码不符，请核对每一位',
    );
    expect(screen.getByTestId('enterprise-problem-principalName').textContent).toBe('此项必填');
    await userEvent.clear(screen.getByTestId('enterprise-credit-code'));
    await userEvent.type(screen.getByTestId('enterprise-credit-code'), '91640500MA76XXXXOQ');
    expect(screen.getByTestId('enterprise-problem-creditCode').textContent).toBe(
      '统一社会信用代码只能包含数字和大写字母（不含 I、O、S、V、Z）',
    );
    // The organisation code's own check (position 17) is checked before the last one.
    await userEvent.clear(screen.getByTestId('enterprise-credit-code'));
    await userEvent.type(screen.getByTestId('enterprise-credit-code'), '91640500MA76XXXX68');
    expect(screen.getByTestId('enterprise-problem-creditCode').textContent).toBe(
      '统一社会信用代码第 9–17 位（组织机构代码）的校验码不符',
    );
    await userEvent.clear(screen.getByTestId('enterprise-credit-code'));
    await userEvent.type(screen.getByTestId('enterprise-credit-code'), '91640500MA76');
    expect(screen.getByTestId('enterprise-problem-creditCode').textContent).toBe('统一社会信用代码应为 18 位');
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('registers a unit with what was typed, and shows the server’s refusal in words', async () => {
    setSession(adminSession);
    const calls = serve({
      'POST /enterprises': {
        status: 409,
        body: {
          code: 'ENTERPRISE_CREDIT_CODE_TAKEN',
          status: 409,
          title: 'Conflict',
          detail: `统一社会信用代码 ${VALID_CODE} 已被其他企业登记`,
        },
      },
    });
    renderInConsole(<EnterprisesScreen session={adminSession} />);
    await userEvent.click(await screen.findByTestId('enterprise-register'));
    await waitFor(() => expect(screen.getAllByRole('option', { name: /中宁县/ }).length).toBeGreaterThan(0));
    await userEvent.type(screen.getByTestId('enterprise-name'), '宁夏新建化工有限公司');
    await userEvent.type(screen.getByTestId('enterprise-credit-code'), VALID_CODE.toLowerCase());
    await userEvent.selectOptions(screen.getByTestId('enterprise-industry'), 'hazardous_chemicals');
    await userEvent.selectOptions(screen.getByTestId('enterprise-jurisdiction'), '640571');
    await userEvent.type(screen.getByTestId('enterprise-address'), '中卫工业园区纬五路 2 号');
    await userEvent.type(screen.getByTestId('enterprise-lat'), '37.51');
    await userEvent.type(screen.getByTestId('enterprise-lng'), '105.17');
    await userEvent.type(screen.getByTestId('enterprise-principal-name'), '王主任');
    await userEvent.type(screen.getByTestId('enterprise-principal-phone'), '13909551111');
    await userEvent.click(screen.getByTestId('enterprise-submit'));
    const alert = await screen.findByTestId('enterprise-form-error');
    expect(alert.textContent).toContain('该统一社会信用代码已被其他企业登记');
    expect(alert.getAttribute('data-code')).toBe('ENTERPRISE_CREDIT_CODE_TAKEN');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/enterprises');
    expect(post.body).toEqual({
      name: '宁夏新建化工有限公司',
      creditCode: VALID_CODE,
      industry: 'hazardous_chemicals',
      jurisdiction: '640571',
      address: '中卫工业园区纬五路 2 号',
      location: { lat: 37.51, lng: 105.17 },
      contacts: { principal: { name: '王主任', phone: '13909551111' }, safety: null },
    });
  });

  it('opens the new unit’s page once it is registered', async () => {
    setSession(adminSession);
    const created = enterpriseView({ id: OTHER_ID, name: '宁夏新建化工有限公司', hazardSourceCount: 0 });
    serve({ 'POST /enterprises': { status: 201, body: created } });
    renderInConsole(<EnterprisesScreen session={adminSession} />);
    await userEvent.click(await screen.findByTestId('enterprise-register'));
    await waitFor(() => expect(screen.getAllByRole('option', { name: /中宁县/ }).length).toBeGreaterThan(0));
    await userEvent.type(screen.getByTestId('enterprise-name'), '宁夏新建化工有限公司');
    await userEvent.type(screen.getByTestId('enterprise-credit-code'), VALID_CODE);
    await userEvent.selectOptions(screen.getByTestId('enterprise-industry'), 'gas');
    await userEvent.type(screen.getByTestId('enterprise-address'), '园区');
    await userEvent.type(screen.getByTestId('enterprise-lat'), '37.5');
    await userEvent.type(screen.getByTestId('enterprise-lng'), '105.1');
    await userEvent.type(screen.getByTestId('enterprise-principal-name'), '王主任');
    await userEvent.type(screen.getByTestId('enterprise-principal-phone'), '13909551111');
    await userEvent.type(screen.getByTestId('enterprise-safety-name'), '赵安全');
    await userEvent.click(screen.getByTestId('enterprise-submit'));
    // Half a contact is refused: the safety officer needs a phone too.
    expect(screen.getByTestId('enterprise-problem-safetyName').textContent).toBe('安全负责人的姓名和电话须同时填写');
    await userEvent.type(screen.getByTestId('enterprise-safety-phone'), '13909552222');
    await userEvent.click(screen.getByTestId('enterprise-submit'));
    await waitFor(() => expect(window.location.pathname).toBe(`/enterprises/${OTHER_ID}`));
  });

  it('reads in English with the industries named in English', async () => {
    serve();
    renderInConsole(<EnterprisesScreen session={officerSession} />, { lang: 'en' });
    const rows = await screen.findAllByTestId('enterprise-row');
    expect(within(rows[0]!).getByTestId('enterprise-industry-cell').textContent).toBe('Hazardous chemicals');
    expect(within(rows[0]!).getByTestId('enterprise-grade').textContent).toBe('Grade 1');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Enterprise register');
  });
});

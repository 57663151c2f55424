import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { enterpriseView, hazardSourceView } from '../enterprises/test-enterprises';
import { checkDraft, emptyDraft, HiddenHazardForm } from './HiddenHazardForm';
import { cityOfficer, ENTERPRISE_ID, HAZARD_SOURCE_ID, hazardView, HH_ID } from './test-hidden-hazards';

const OTHER_ENTERPRISE = '5a1d2c3b-4e5f-4a6b-8c7d-000000000009';
const CHEMICAL_STANDARD = '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）';

function serve() {
  return answerFetch({
    'GET /enterprises': {
      body: [
        enterpriseView({ id: ENTERPRISE_ID }),
        enterpriseView({ id: OTHER_ENTERPRISE, name: '中宁县某商贸有限公司' }),
      ],
    },
    [`GET /hazard-sources?enterpriseId=${ENTERPRISE_ID}`]: {
      body: [hazardSourceView({ id: HAZARD_SOURCE_ID, name: '液氯储罐区' })],
    },
    'POST /hidden-hazards': { status: 201, body: hazardView() },
  });
}

/** Fills every field a general hidden hazard needs. */
async function fillGeneral(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByTestId('hh-enterprise-search'), '瑞泰');
  await waitFor(() => expect(screen.getByTestId('hh-enterprise').querySelectorAll('option')).toHaveLength(2));
  await user.selectOptions(screen.getByTestId('hh-enterprise'), ENTERPRISE_ID);
  await waitFor(() => expect(screen.getByTestId('hh-hazard-source').querySelectorAll('option')).toHaveLength(2));
  await user.selectOptions(screen.getByTestId('hh-hazard-source'), HAZARD_SOURCE_ID);
  await user.type(screen.getByTestId('hh-title'), '液氯储罐区可燃气体报警器失效');
  await user.type(screen.getByTestId('hh-description'), '3 号储罐旁报警器不报警');
  fireEvent.change(screen.getByTestId('hh-found-at'), { target: { value: '2026-12-01T09:30' } });
  await user.type(screen.getByTestId('hh-found-by'), '王检查');
  await user.selectOptions(screen.getByTestId('hh-source'), 'inspection');
  await user.type(screen.getByTestId('hh-measures'), '更换报警器并联调');
  fireEvent.change(screen.getByTestId('hh-deadline'), { target: { value: '2026-12-20T18:00' } });
  await user.type(screen.getByTestId('hh-responsible-name'), '李安全');
  await user.type(screen.getByTestId('hh-responsible-phone'), '13995512345');
}

describe('the record form of a hidden hazard', () => {
  beforeEach(() => setSession(cityOfficer));
  afterEach(() => setSession(null));

  it('finds the enterprise by name and offers only its hazard sources', async () => {
    const calls = serve();
    renderInConsole(<HiddenHazardForm onDone={() => undefined} onCancel={() => undefined} />);
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByTestId('hh-enterprise').querySelectorAll('option')).toHaveLength(3));
    expect((screen.getByTestId('hh-hazard-source') as HTMLSelectElement).disabled).toBe(true);
    await user.type(screen.getByTestId('hh-enterprise-search'), '商贸');
    const names = [...screen.getByTestId('hh-enterprise').querySelectorAll('option')].map((o) => o.textContent);
    expect(names).toEqual(['请选择企业', '中宁县某商贸有限公司']);
    await user.clear(screen.getByTestId('hh-enterprise-search'));
    await user.selectOptions(screen.getByTestId('hh-enterprise'), ENTERPRISE_ID);
    await waitFor(() =>
      expect([...screen.getByTestId('hh-hazard-source').querySelectorAll('option')].map((o) => o.textContent)).toEqual([
        '不涉及',
        '液氯储罐区',
      ]),
    );
    expect(calls.some((c) => c.path === `/hazard-sources?enterpriseId=${ENTERPRISE_ID}`)).toBe(true);
  });

  it('refuses a major hidden hazard without its standard, then posts the whole record with the standard chosen', async () => {
    const calls = serve();
    let opened: string | null = null;
    renderInConsole(<HiddenHazardForm onDone={(id) => (opened = id)} onCancel={() => undefined} />);
    const user = userEvent.setup();
    await fillGeneral(user);
    await user.selectOptions(screen.getByTestId('hh-grade'), 'major');
    // The suggestions name the 2017 chemical standard.
    const suggestions = [...screen.getByTestId('hh-standard-suggestions').querySelectorAll('option')].map((o) =>
      o.getAttribute('value'),
    );
    expect(suggestions).toContain(CHEMICAL_STANDARD);
    await user.click(screen.getByTestId('hh-submit'));
    expect(screen.getByTestId('hh-problem-standard').textContent).toBe('重大事故隐患须写明判定依据');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(screen.getByTestId('hh-standard'), CHEMICAL_STANDARD);
    await user.click(screen.getByTestId('hh-submit'));
    await waitFor(() => expect(opened).toBe(HH_ID));
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.path).toBe('/hidden-hazards');
    expect(posts[0]!.body).toEqual({
      enterpriseId: ENTERPRISE_ID,
      hazardSourceId: HAZARD_SOURCE_ID,
      title: '液氯储罐区可燃气体报警器失效',
      description: '3 号储罐旁报警器不报警',
      grade: 'major',
      standard: CHEMICAL_STANDARD,
      foundAt: '2026-12-01T09:30:00+08:00',
      foundBy: '王检查',
      source: 'inspection',
      rectification: {
        measures: '更换报警器并联调',
        deadline: '2026-12-20T18:00:00+08:00',
        responsible: { name: '李安全', phone: '13995512345' },
      },
    });
  });

  it('posts a general hidden hazard without the optional fields', async () => {
    const calls = serve();
    renderInConsole(<HiddenHazardForm onDone={() => undefined} onCancel={() => undefined} />);
    const user = userEvent.setup();
    await fillGeneral(user);
    await user.selectOptions(screen.getByTestId('hh-hazard-source'), '');
    await user.clear(screen.getByTestId('hh-responsible-phone'));
    await user.click(screen.getByTestId('hh-submit'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const body = calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(body.grade).toBe('general');
    expect('standard' in body).toBe(false);
    expect('hazardSourceId' in body).toBe(false);
    expect(body.rectification).toEqual({
      measures: '更换报警器并联调',
      deadline: '2026-12-20T18:00:00+08:00',
      responsible: { name: '李安全' },
    });
  });

  it('names each missing field and a deadline not after the finding', () => {
    const problems = checkDraft({ ...emptyDraft(), foundAt: '2026-12-01T09:30', deadline: '2026-12-01T09:00' });
    expect(problems).toEqual({
      enterpriseId: 'hiddenHazards.check.required',
      title: 'hiddenHazards.check.required',
      description: 'hiddenHazards.check.required',
      foundBy: 'hiddenHazards.check.required',
      measures: 'hiddenHazards.check.required',
      responsibleName: 'hiddenHazards.check.required',
      deadline: 'hiddenHazards.check.deadlineAfterFound',
    });
    expect(checkDraft({ ...emptyDraft(), grade: 'major' }).standard).toBe('hiddenHazards.check.standard');
    expect(checkDraft({ ...emptyDraft(), grade: 'general' }).standard).toBeUndefined();
  });

  it("shows the server's refusal in Chinese from its code", async () => {
    answerFetch({
      'GET /enterprises': { body: [enterpriseView({ id: ENTERPRISE_ID })] },
      [`GET /hazard-sources?enterpriseId=${ENTERPRISE_ID}`]: { body: [] },
      'POST /hidden-hazards': {
        status: 403,
        body: {
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
          code: 'OUTSIDE_JURISDICTION',
          detail: '不在辖区',
        },
      },
    });
    renderInConsole(<HiddenHazardForm onDone={() => undefined} onCancel={() => undefined} />);
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByTestId('hh-enterprise').querySelectorAll('option')).toHaveLength(2));
    await user.selectOptions(screen.getByTestId('hh-enterprise'), ENTERPRISE_ID);
    await user.type(screen.getByTestId('hh-title'), '标题');
    await user.type(screen.getByTestId('hh-description'), '描述');
    await user.type(screen.getByTestId('hh-found-by'), '王检查');
    await user.type(screen.getByTestId('hh-measures'), '措施');
    fireEvent.change(screen.getByTestId('hh-found-at'), { target: { value: '2026-12-01T09:30' } });
    fireEvent.change(screen.getByTestId('hh-deadline'), { target: { value: '2026-12-20T18:00' } });
    await user.type(screen.getByTestId('hh-responsible-name'), '李安全');
    await user.click(screen.getByTestId('hh-submit'));
    expect((await screen.findByTestId('hh-form-error')).textContent).toContain('只能办理本辖区及下级辖区的事务');
  });
});

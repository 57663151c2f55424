import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PlanContent, PlanFinding, PlanGovernanceView, PlanVersionView, PlanView } from '@app/plans/contract';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { PlanScreen } from './PlanScreen';

const session = (roles: string[]): Session =>
  ({
    accessToken: 't',
    expiresAt: '2099-01-01T00:00:00Z',
    user: { id: 'u1', username: 'u1', displayName: '测试', roles, jurisdiction: '640500' },
  }) as unknown as Session;

const finding = (id: string, text: string, drillId: string | null = 'd1'): PlanFinding => ({
  findingId: id,
  drillId,
  text,
  recordedBy: 'u2',
  recordedAt: '2026-11-03T02:00:00Z',
});

const v1Content: PlanContent = {
  title: '中卫市危险化学品事故应急预案',
  kind: 'special',
  jurisdiction: '640500',
  categories: ['hazardous_chemicals'],
  ownerKind: 'government',
  activation: {
    description: '符合下列条件之一',
    levels: [
      { level: 'III', minGrade: 'major', minDeaths: 3 },
      { level: 'IV', minTrapped: 1 },
    ],
  },
  groups: [
    {
      name: '警戒疏散组',
      leadAgency: '市公安局',
      tasks: [{ title: '划定警戒区', responseLevels: ['III', 'IV'], withinMinutes: 30 }],
    },
  ],
  requirements: {
    teams: [{ specialty: 'hazardous_chemicals', count: 1 }],
    materials: [{ materialCode: '2010102', quantity: 10 }],
  },
};

const v2Content: PlanContent = {
  ...v1Content,
  activation: {
    description: '符合下列条件之一',
    levels: [
      { level: 'III', minGrade: 'major', minDeaths: 2 },
      { level: 'IV', minTrapped: 1 },
    ],
  },
  groups: [
    {
      name: '警戒疏散组',
      leadAgency: '市公安局',
      tasks: [
        { title: '划定警戒区', responseLevels: ['III', 'IV'], withinMinutes: 30 },
        { title: '实施交通管制', responseLevels: ['III'] },
      ],
    },
  ],
};

const review = {
  kind: 'review' as const,
  reviewedOn: '2026-11-10',
  experts: ['张立', '李红'],
  organisation: '中卫市应急管理局',
  conclusion: 'passed' as const,
  document: '评审纪要〔2026〕3号',
  recordedBy: 'u9',
  recordedAt: '2026-11-10T03:00:00Z',
};

const v1: PlanVersionView = {
  ...v1Content,
  planId: 'p1',
  version: 1,
  status: 'filed',
  statusLabel: '已备案',
  createdBy: 'u9',
  createdAt: '2025-03-01T02:00:00Z',
  publishedAt: '2025-03-20T02:00:00Z',
  filing: {
    authority: '宁夏回族自治区应急管理厅',
    filedAt: '2025-04-30',
    filedOn: '2025-04-30',
    deadline: '2025-04-18',
    late: true,
  },
  review: null,
  addressedFindings: [],
};

const v2: PlanVersionView = {
  ...v2Content,
  planId: 'p1',
  version: 2,
  status: 'reviewed',
  statusLabel: '已评审',
  createdBy: 'u9',
  createdAt: '2026-11-05T02:00:00Z',
  publishedAt: null,
  filing: null,
  review,
  addressedFindings: [finding('f0', '通信保障组未明确备用频段')],
};

const plan = (over: Partial<PlanView> = {}): PlanView => ({
  ...v2Content,
  id: 'p1',
  kindLabel: '专项应急预案',
  jurisdictionName: '中卫市',
  categories: ['hazardous_chemicals'],
  status: 'reviewed',
  statusLabel: '已评审',
  version: 2,
  inForceVersion: 1,
  openFindings: [finding('f1', '疏散路线标识不清')],
  ownerKind: 'government',
  ownerKindLabel: '人民政府及其部门',
  review,
  updatedAt: '2026-11-10T03:00:00Z',
  revision: 5,
  position: '100',
  ...over,
});

const governance: PlanGovernanceView = {
  planId: 'p1',
  title: v1Content.title,
  kind: 'special',
  kindLabel: '专项应急预案',
  jurisdiction: '640500',
  jurisdictionName: '中卫市',
  ownerKind: 'government',
  ownerKindLabel: '人民政府及其部门',
  status: 'reviewed',
  statusLabel: '已评审',
  version: 2,
  inForceVersion: 1,
  review: null,
  publishedOn: '2025-03-20',
  filing: {
    deadline: '2025-04-18',
    provisional: false,
    state: 'filed_late',
    stateLabel: '逾期备案',
    filedOn: '2025-04-30',
    authority: '宁夏回族自治区应急管理厅',
    daysLeft: null,
    basis: '',
  },
  evaluation: {
    lastEvaluatedOn: null,
    dueOn: '2028-03-20',
    state: 'due_after_finding',
    stateLabel: '应评估（演练或事故发现问题）',
    findings: 1,
    basis: '',
  },
  drill: null,
};

function routes(view: PlanView = plan(), versions: PlanVersionView[] = [v1, v2], extra = {}) {
  return {
    'GET /plans/p1': { body: view },
    'GET /plans/governance': { body: { asOf: '2026-11-20', plans: [governance], jurisdictions: [] } },
    ...Object.fromEntries(versions.map((v) => [`GET /plans/p1/versions/${v.version}`, { body: v }])),
    ...extra,
  };
}

/** The compared lines as shown: mark, subject (with its mark's word), older version's words, newer version's. */
const compared = (table: HTMLElement) =>
  within(table)
    .getAllByTestId('diff-item')
    .map((row) => [
      row.dataset.change,
      row.querySelector('th')!.textContent,
      within(row).getByTestId('diff-before').textContent,
      within(row).getByTestId('diff-after').textContent,
    ]);

describe('PlanScreen', () => {
  it('shows the plan as it stands: status, versions, owner, jurisdiction, thresholds and needs in words', async () => {
    const calls = answerFetch(routes());
    renderInConsole(<PlanScreen id="p1" session={session(['commander'])} />);
    expect((await screen.findByTestId('plan-title')).textContent).toBe('中卫市危险化学品事故应急预案');
    expect(screen.getByTestId('plan-status').textContent).toBe('已评审');
    expect(screen.getByTestId('plan-in-force').textContent).toBe('现行第 1 版');
    expect(screen.getByTestId('plan-owner').textContent).toBe('人民政府及其部门');
    expect(screen.getByTestId('plan-jurisdiction').textContent).toBe('中卫市');
    expect(screen.getByTestId('plan-categories').textContent).toBe('危险化学品');
    const levels = screen.getAllByTestId('plan-level').map((l) => l.textContent);
    expect(levels).toEqual(['Ⅲ级响应：较大事故及以上，或死亡 2 人及以上', 'Ⅳ级响应：被困 1 人及以上']);
    expect(screen.getAllByTestId('plan-task').map((l) => l.textContent)).toEqual([
      '划定警戒区 · Ⅲ级响应、Ⅳ级响应（30 分钟内完成）',
      '实施交通管制 · Ⅲ级响应',
    ]);
    expect(screen.getByTestId('plan-teams').textContent).toBe('救援队伍：危险化学品处置 1 支');
    expect(screen.getByTestId('plan-materials').textContent).toBe('应急物资：重型防化服 10');
    // The review record with its date written with the year.
    const record = screen.getByTestId('review-record');
    expect(within(record).getByTestId('review-date-shown').textContent).toBe('2026/11/10');
    expect(record.textContent).toContain('张立、李红');
    expect(record.textContent).toContain('评审纪要〔2026〕3号');
    // Filing of the version in force: late, in words, with its deadline.
    expect(screen.getByTestId('filing-words').textContent).toBe(
      '已于 2025/04/30 向宁夏回族自治区应急管理厅备案，超过期限，记为逾期备案',
    );
    expect(screen.getByTestId('filing-state').dataset.late).toBe('true');
    expect(screen.getByTestId('filing-deadline').textContent).toBe('备案期限：2025/04/18（发布后 20 个工作日）');
    expect(screen.getByTestId('evaluation-state').textContent).toContain('下次评估期限：2028/03/20');
    await waitFor(() => expect(screen.getAllByTestId('version-row')).toHaveLength(2));
    expect(screen.getAllByTestId('version-status').map((s) => s.textContent)).toEqual(['已评审', '已备案']);
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
  });

  it('gives readers the page without any form or button that writes', async () => {
    answerFetch(routes());
    renderInConsole(<PlanScreen id="p1" session={session(['commander', 'drill_coordinator'])} />);
    await screen.findByTestId('plan-title');
    await screen.findAllByTestId('version-row');
    expect(screen.getByTestId('plan-read-only')).toBeTruthy();
    for (const id of [
      'review-form-open',
      'plan-publish',
      'filing-form-open',
      'evaluation-form-open',
      'revise-form-open',
    ])
      expect(screen.queryByTestId(id)).toBeNull();
    expect(screen.queryByTestId('plan-revise')).toBeNull();
  });

  it('compares two versions side by side: the changed threshold and the added task are marked', async () => {
    answerFetch(routes());
    renderInConsole(<PlanScreen id="p1" session={session(['commander'])} />);
    const diff = await screen.findByTestId('plan-diff');
    expect(within(diff).getByTestId('compare-from-title').textContent).toBe('第 1 版 · 已备案');
    expect(within(diff).getByTestId('compare-to-title').textContent).toBe('第 2 版 · 已评审');
    expect(compared(diff)).toEqual([
      ['changed', '修改 Ⅲ级响应', '较大事故及以上，或死亡 3 人及以上', '较大事故及以上，或死亡 2 人及以上'],
      ['added', '新增 实施交通管制', '—', 'Ⅲ级响应'],
    ]);
    expect(within(diff).getByTestId('diff-group').dataset.change).toBe('changed');
    // The whole comparison, unchanged lines included.
    await userEvent.click(screen.getByTestId('compare-only-changes'));
    const all = compared(screen.getByTestId('plan-diff'));
    expect(all.map(([kind, subject]) => [kind, subject])).toEqual([
      ['same', '未变 启动条件说明'],
      ['changed', '修改 Ⅲ级响应'],
      ['same', '未变 Ⅳ级响应'],
      ['same', '未变 划定警戒区'],
      ['added', '新增 实施交通管制'],
      ['same', '未变 救援队伍：危险化学品处置'],
      ['same', '未变 应急物资：重型防化服'],
    ]);
    expect(all[6]!.slice(2)).toEqual(['10', '10']);
    // The same version on both sides: nothing to mark.
    await userEvent.click(screen.getByTestId('compare-only-changes'));
    await userEvent.selectOptions(screen.getByTestId('compare-from'), '2');
    expect(screen.getByTestId('compare-same')).toBeTruthy();
    expect(screen.queryByTestId('plan-diff')).toBeNull();
  });

  it('lists the drill findings waiting for the next version, and which version addressed which', async () => {
    answerFetch(routes());
    renderInConsole(<PlanScreen id="p1" session={session(['commander'])} />);
    const waiting = await screen.findByTestId('findings-waiting');
    expect(
      within(waiting)
        .getAllByTestId('finding')
        .map((f) => f.textContent),
    ).toEqual(['疏散路线标识不清 · 2026/11/03 记录 · 查看演练']);
    expect(within(waiting).getByRole('link').getAttribute('href')).toBe('/drills/d1');
    const addressed = await screen.findByTestId('addressed-by');
    expect(addressed.dataset.version).toBe('2');
    expect(addressed.textContent).toContain('第 2 版已解决');
    expect(addressed.textContent).toContain('通信保障组未明确备用频段');
  });

  it('lets an admin record a review and sends it as the API takes it', async () => {
    const calls = answerFetch(
      routes(plan({ status: 'draft', review: null }), [v1, { ...v2, review: null }], {
        'POST /plans/p1/reviews': { status: 201, body: { id: 'p1' } },
      }),
    );
    renderInConsole(<PlanScreen id="p1" session={session(['admin'])} />);
    expect((await screen.findByTestId('publication-blocked')).textContent).toBe(
      '最新版本须经评审（论证）并通过后才能发布',
    );
    expect(screen.queryByTestId('plan-publish')).toBeNull();
    await userEvent.click(screen.getByTestId('review-form-open'));
    await userEvent.selectOptions(screen.getByTestId('review-kind'), 'demonstration');
    fireEvent.change(screen.getByTestId('review-date'), { target: { value: '2026-11-12' } });
    await userEvent.type(screen.getByTestId('review-experts'), '张立、李红，王强');
    await userEvent.type(screen.getByTestId('review-organisation'), '中卫市应急管理局');
    await userEvent.selectOptions(screen.getByTestId('review-conclusion'), 'passed_with_changes');
    await userEvent.type(screen.getByTestId('review-document'), '论证意见〔2026〕5号');
    await userEvent.click(screen.getByTestId('review-submit'));
    expect(await screen.findByTestId('review-done')).toBeTruthy();
    const sent = calls.find((c) => c.method === 'POST');
    expect(sent?.path).toBe('/plans/p1/reviews');
    expect(sent?.body).toEqual({
      kind: 'demonstration',
      reviewedOn: '2026-11-12',
      experts: ['张立', '李红', '王强'],
      organisation: '中卫市应急管理局',
      conclusion: 'passed_with_changes',
      document: '论证意见〔2026〕5号',
    });
  });

  it('offers publication once the newest version passed review, and shows the server’s refusal in Chinese', async () => {
    const calls = answerFetch(
      routes(plan(), [v1, v2], {
        'POST /plans/p1/publish': {
          status: 409,
          body: { code: 'PLAN_NOT_REVIEWED', detail: '第 2 版尚未评审（论证），不能发布' },
        },
      }),
    );
    renderInConsole(<PlanScreen id="p1" session={session(['admin'])} />);
    await userEvent.click(await screen.findByTestId('plan-publish'));
    const error = await screen.findByTestId('publish-error');
    expect(error.dataset.code).toBe('PLAN_NOT_REVIEWED');
    expect(error.textContent).toContain('预案尚未评审（论证），不能发布');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/plans/p1/publish']);
  });

  it('says a failed review blocks publication', async () => {
    answerFetch(routes(plan({ status: 'draft', review: { ...review, conclusion: 'failed' } })));
    renderInConsole(<PlanScreen id="p1" session={session(['admin'])} />);
    expect((await screen.findByTestId('publication-blocked')).textContent).toBe(
      '最新版本评审（论证）未通过，须修订后重新评审',
    );
    expect(screen.queryByTestId('plan-publish')).toBeNull();
  });

  it('shows the days left to file a newly published version and records its filing', async () => {
    const published: PlanVersionView = { ...v2, status: 'published', publishedAt: '2026-11-18T02:00:00Z' };
    const calls = answerFetch({
      ...routes(plan({ status: 'published', inForceVersion: 2, openFindings: [] }), [
        { ...v1, status: 'superseded' },
        published,
      ]),
      'GET /plans/governance': {
        body: {
          asOf: '2026-11-20',
          plans: [
            {
              ...governance,
              inForceVersion: 2,
              filing: {
                ...governance.filing!,
                deadline: '2026-12-16',
                state: 'due',
                stateLabel: '待备案',
                filedOn: null,
                authority: null,
                daysLeft: 26,
              },
            },
          ],
          jurisdictions: [],
        },
      },
      'POST /plans/p1/filings': { status: 201, body: { id: 'p1' } },
    });
    renderInConsole(<PlanScreen id="p1" session={session(['admin'])} />);
    expect((await screen.findByTestId('filing-words')).textContent).toBe('待备案');
    await waitFor(() =>
      expect(screen.getByTestId('filing-deadline').textContent).toBe(
        '备案期限：2026/12/16（发布后 20 个工作日） · 还剩 26 天',
      ),
    );
    expect(screen.getByTestId('filing-state').dataset.late).toBe('false');
    await userEvent.click(await screen.findByTestId('filing-form-open'));
    await userEvent.type(screen.getByTestId('filing-authority'), '宁夏回族自治区应急管理厅');
    fireEvent.change(screen.getByTestId('filing-date'), { target: { value: '2026-11-19' } });
    await userEvent.click(screen.getByTestId('filing-submit'));
    await screen.findByTestId('filing-done');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      authority: '宁夏回族自治区应急管理厅',
      filedAt: '2026-11-19',
    });
  });

  it('says in words when the filing deadline has passed', async () => {
    answerFetch({
      ...routes(plan({ status: 'published', inForceVersion: 2, openFindings: [] }), [
        { ...v1, status: 'superseded' },
        { ...v2, status: 'published', publishedAt: '2026-10-09T02:00:00Z' },
      ]),
      'GET /plans/governance': {
        body: {
          asOf: '2026-11-20',
          plans: [
            {
              ...governance,
              inForceVersion: 2,
              filing: {
                ...governance.filing!,
                deadline: '2026-11-17',
                state: 'overdue',
                stateLabel: '逾期未备案',
                filedOn: null,
                authority: null,
                daysLeft: -3,
              },
            },
          ],
          jurisdictions: [],
        },
      },
    });
    renderInConsole(<PlanScreen id="p1" session={session(['drill_coordinator'])} />);
    await waitFor(() => expect(screen.getByTestId('filing-words').textContent).toBe('逾期未备案'));
    expect(screen.getByTestId('filing-state').dataset.late).toBe('true');
    await waitFor(() =>
      expect(screen.getByTestId('filing-deadline').textContent).toBe(
        '备案期限：2026/11/17（发布后 20 个工作日） · 已逾期 3 天',
      ),
    );
    expect(screen.queryByTestId('filing-form-open')).toBeNull();
  });

  it('says so when the plan cannot be read', async () => {
    answerFetch({
      'GET /plans/p1': { status: 404, body: { code: 'PLAN_NOT_FOUND', detail: '预案不存在' } },
      'GET /plans/governance': { body: { asOf: '2026-11-20', plans: [], jurisdictions: [] } },
    });
    renderInConsole(<PlanScreen id="p1" session={session(['admin'])} />);
    expect((await screen.findByTestId('plan-error')).dataset.code).toBe('PLAN_NOT_FOUND');
    expect(screen.getByTestId('plan-error').textContent).toContain('预案不存在');
    expect(screen.queryByTestId('plan-title')).toBeNull();
  });

  it('records an evaluation of the version in force', async () => {
    const calls = answerFetch(
      routes(plan(), [v1, v2], { 'POST /plans/p1/evaluations': { status: 201, body: { id: 'p1' } } }),
    );
    renderInConsole(<PlanScreen id="p1" session={session(['admin'])} />);
    await userEvent.click(await screen.findByTestId('evaluation-form-open'));
    fireEvent.change(screen.getByTestId('evaluation-date'), { target: { value: '2026-11-15' } });
    await userEvent.selectOptions(screen.getByTestId('evaluation-conclusion'), 'revision_needed');
    await userEvent.type(screen.getByTestId('evaluation-summary'), '疏散组任务需细化');
    await userEvent.type(screen.getByTestId('evaluation-evaluators'), '赵敏、钱进');
    await userEvent.click(screen.getByTestId('evaluation-submit'));
    await screen.findByTestId('evaluation-done');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/plans/p1/evaluations',
      body: {
        evaluatedOn: '2026-11-15',
        conclusion: 'revision_needed',
        summary: '疏散组任务需细化',
        evaluators: ['赵敏', '钱进'],
      },
    });
  });

  it('starts a new draft version from the current content, edited, and says which findings it addresses', async () => {
    const calls = answerFetch(
      routes(plan(), [v1, v2], { 'PUT /plans/p1': { status: 200, body: { id: 'p1', version: 3 } } }),
    );
    renderInConsole(<PlanScreen id="p1" session={session(['admin'])} />);
    await userEvent.click(await screen.findByTestId('revise-form-open'));
    expect(screen.getByTestId('revise-findings').textContent).toContain(
      '新版本将记为解决以下 1 项演练发现：疏散路线标识不清',
    );
    const iv = screen.getAllByTestId('revise-level').find((l) => l.dataset.level === 'IV')!;
    const trapped = within(iv).getByTestId('revise-minTrapped');
    await userEvent.clear(trapped);
    await userEvent.type(trapped, '3');
    const titles = screen.getAllByTestId('revise-task-title');
    await userEvent.clear(titles[1]!);
    await userEvent.type(titles[1]!, '实施交通管制并开辟救援通道');
    const quantity = screen.getByTestId('revise-material-quantity');
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '12');
    await userEvent.click(screen.getByTestId('revise-submit'));
    expect((await screen.findByTestId('revise-done')).textContent).toBe('已保存为第 3 版草案');
    const sent = calls.find((c) => c.method === 'PUT');
    expect(sent?.path).toBe('/plans/p1');
    const body = sent?.body as PlanContent;
    expect(body.activation.levels[1]).toEqual({ level: 'IV', minTrapped: 3 });
    expect(body.groups[0]!.tasks[1]!.title).toBe('实施交通管制并开辟救援通道');
    expect(body.requirements.materials).toEqual([{ materialCode: '2010102', quantity: 12 }]);
    expect(Object.keys(body).sort()).toEqual(
      ['activation', 'categories', 'groups', 'jurisdiction', 'kind', 'ownerKind', 'requirements', 'title'].sort(),
    );
  });

  it('retires a plan only after a confirmation that takes the reason', async () => {
    const calls = answerFetch(
      routes(plan(), [v1, v2], { 'POST /plans/p1/retire': { status: 200, body: { id: 'p1' } } }),
    );
    renderInConsole(<PlanScreen id="p1" session={session(['admin'])} />);
    await userEvent.click(await screen.findByTestId('retire-form-open'));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    expect(screen.getByTestId('retire-form').textContent).toContain('废止后预案不再有效');
    await userEvent.type(screen.getByTestId('retire-reason'), '被2026年版替代');
    await userEvent.click(screen.getByTestId('retire-submit'));
    await screen.findByTestId('retire-done');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/plans/p1/retire',
      body: { reason: '被2026年版替代' },
    });
  });

  it('keeps markup in a title and in findings as text', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">预案';
    answerFetch(routes(plan({ title: hostile, openFindings: [finding('f9', '<script>alert(1)</script>')] })));
    const { container } = renderInConsole(<PlanScreen id="p1" session={session(['admin'])} />);
    expect((await screen.findByTestId('plan-title')).textContent).toBe(hostile);
    expect(screen.getByTestId('findings-waiting').textContent).toContain('<script>alert(1)</script>');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });

  it('reads in English from the codes', async () => {
    answerFetch(routes());
    renderInConsole(<PlanScreen id="p1" session={session(['commander'])} />, { lang: 'en' });
    expect((await screen.findByTestId('plan-status')).textContent).toBe('Reviewed');
    expect(screen.getByTestId('plan-in-force').textContent).toBe('in force: version 1');
    const diff = await screen.findByTestId('plan-diff');
    expect(compared(diff)[1]).toEqual(['added', 'added 实施交通管制', '—', 'Level III response']);
  });
});

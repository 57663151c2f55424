import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DrillEvaluationView, EvaluationDocument } from '@app/evaluation/contract';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { DrillEvaluationScreen } from './DrillEvaluationScreen';

const DRILL = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const PLAN = '0a1b2c3d-0000-4000-8000-000000000001';
const BASE = `/drills/${DRILL}/evaluation`;

const session = (roles: Session['user']['roles'], username = 'zhao'): Session => ({
  accessToken: 't',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user: { id: username, username, displayName: '赵组织', roles, jurisdiction: '640500' },
});

const RUBRIC = [
  { key: 'preparation', label: '演练准备（策划与设计）', weight: 10, maxScore: 100 },
  { key: 'warning_reporting', label: '预警与信息报告（接警、研判）', weight: 15, maxScore: 100 },
  { key: 'response_command', label: '应急响应与指挥协调（响应启动）', weight: 20, maxScore: 50 },
];

function evaluation(over: Partial<DrillEvaluationView> = {}): DrillEvaluationView {
  return {
    drill: {
      drillId: DRILL,
      title: '中卫市危化品泄漏桌面推演',
      form: 'tabletop',
      scope: 'comprehensive',
      jurisdiction: '640500',
      planId: PLAN,
      planVersion: 1,
      startedAt: '2026-11-23T02:00:00.000Z',
      endedAt: '2026-11-23T02:15:00.000Z',
    },
    status: 'ended',
    names: {
      title: '中卫市危化品泄漏桌面推演',
      formLabel: '桌面演练',
      scopeLabel: '综合演练',
      jurisdictionName: '中卫市',
      organiser: '中卫市应急管理局',
      planTitle: '危险化学品事故专项应急预案',
      units: ['市应急管理局'],
      people: [],
      teams: [],
      timeZone: 'Asia/Shanghai',
    },
    durationSeconds: 900,
    incidents: [
      {
        incidentId: '7d1c2a4e-0000-4000-8000-000000000002',
        title: '演练：园区储罐泄漏',
        reportedAt: '2026-11-23T02:01:00.000Z',
        reportToFirstDispatchSeconds: 200,
        reportToFirstArrivalSeconds: null,
        reportToResponseLevelSeconds: 240,
        reportToPlanActivationSeconds: 3725,
        tasks: [],
        shortfalls: [],
      },
    ],
    incidentWords: [],
    scenario: [],
    overall: {
      reportToFirstDispatchSeconds: 200,
      reportToFirstArrivalSeconds: null,
      reportToResponseLevelSeconds: 240,
      reportToPlanActivationSeconds: 3725,
    },
    deadlines: { total: 5, met: 3, late: 1, missed: 1, pending: 0 },
    rubric: RUBRIC,
    scores: {
      byAspect: RUBRIC.map((a) => ({
        aspect: a.key,
        label: a.label,
        weight: a.weight,
        maxScore: a.maxScore,
        evaluators: 0,
        mean: null,
      })),
      evaluators: 0,
      overallPercent: null,
    },
    sheets: [],
    findings: [],
    conclusion: {
      verdict: 'pending',
      verdictLabel: '暂不评定',
      overallPercent: null,
      reason: '尚无评估人评分，暂不作评估结论。',
      rule: '90 分及以上为优秀',
    },
    evaluatorsConclusion: null,
    ...over,
  };
}

const DOCUMENT: EvaluationDocument = {
  title: '中卫市危化品泄漏桌面推演评估报告',
  issuer: '中卫市应急管理局 演练评估组',
  date: '2026年11月23日',
  draftNote: null,
  sections: [
    {
      heading: '一、演练基本情况',
      blocks: [{ kind: 'fields', rows: [{ label: '组织单位', value: '中卫市应急管理局' }] }],
    },
    {
      heading: '四、问题与改进建议',
      blocks: [{ kind: 'list', items: ['警戒区划定偏晚 <b>需明确责任人</b>'] }],
    },
    { heading: '五、评估结论', blocks: [{ kind: 'paragraph', text: '本次演练综合得分 87 分，评定为良好。' }] },
  ],
  signature: { label: '评估组（签字）', names: ['赵组织', '钱评估'] },
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the drill evaluation screen', () => {
  it('shows the measured figures with their labels and units, and the reporting deadlines', async () => {
    setSession(session(['viewer']));
    answerFetch({ [`GET ${BASE}`]: { body: evaluation() } });
    renderInConsole(<DrillEvaluationScreen id={DRILL} />);
    expect((await screen.findByTestId('evaluation-figure-dispatch')).textContent).toContain(
      '接报 → 首次调派3 分 20 秒',
    );
    expect(screen.getByTestId('evaluation-figure-arrival').textContent).toContain('接报 → 首支队伍到场未发生');
    expect(screen.getByTestId('evaluation-figure-plan').textContent).toContain('1 小时 2 分 5 秒');
    expect(screen.getByTestId('evaluation-figure-duration').textContent).toContain('演练历时15 分 0 秒');
    expect(screen.getByTestId('evaluation-deadline-met').textContent).toContain('按时3 项');
    expect(screen.getByTestId('evaluation-deadline-missed').textContent).toContain('漏报1 项');
    expect(screen.getByTestId('evaluation-incidents').textContent).toContain('演练：园区储罐泄漏');
    expect(screen.getByTestId('evaluation-meta').textContent).toContain('检验预案：《危险化学品事故专项应急预案》');
    // Links to the drill page and the whole-drill replay.
    expect(screen.getByTestId('evaluation-link-drill').getAttribute('href')).toBe(`/drills/${DRILL}`);
    expect(screen.getByTestId('evaluation-link-replay').getAttribute('href')).toBe(`/replay/drill/${DRILL}`);
    // A viewer reads but does not score.
    expect(screen.queryByTestId('evaluation-score-form')).toBeNull();
    expect(screen.getByTestId('evaluation-rubric').textContent).toContain('评分由演练组织者（评估人）进行。');
  });

  it('names the form, the aspects and the verdict in English when the console speaks English', async () => {
    setSession(session(['viewer']));
    answerFetch({ [`GET ${BASE}`]: { body: evaluation() } });
    renderInConsole(<DrillEvaluationScreen id={DRILL} />, { lang: 'en' });
    expect((await screen.findByTestId('evaluation-meta')).textContent).toContain('Tabletop exercise · Comprehensive');
    expect(screen.getByTestId('evaluation-aspect-warning_reporting').textContent).toContain(
      'Warning and information reporting',
    );
    expect(screen.getByTestId('evaluation-verdict').textContent).toBe('Not yet rated');
    expect(screen.getByTestId('evaluation-rubric').textContent).not.toContain('预警与信息报告');
  });

  it('sends the scores an evaluator entered, and shows the evaluation the server answers', async () => {
    setSession(session(['drill_coordinator']));
    const scored = evaluation({
      scores: {
        byAspect: RUBRIC.map((a) => ({
          aspect: a.key,
          label: a.label,
          weight: a.weight,
          maxScore: a.maxScore,
          evaluators: a.key === 'response_command' ? 0 : 1,
          mean: a.key === 'preparation' ? 85 : a.key === 'warning_reporting' ? 70.5 : null,
        })),
        evaluators: 1,
        overallPercent: 76.6,
      },
    });
    const calls = answerFetch({
      [`GET ${BASE}`]: { body: evaluation() },
      [`POST ${BASE}/scores`]: { status: 201, body: scored },
    });
    renderInConsole(<DrillEvaluationScreen id={DRILL} />);
    fireEvent.change(await screen.findByTestId('evaluation-score-preparation'), { target: { value: '85' } });
    fireEvent.change(screen.getByTestId('evaluation-score-warning_reporting'), { target: { value: '70.5' } });
    fireEvent.change(screen.getByTestId('evaluation-comment-warning_reporting'), { target: { value: ' 续报略迟 ' } });
    fireEvent.click(screen.getByTestId('evaluation-submit-scores'));
    await screen.findByText('评分已提交');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      scores: [
        { aspect: 'preparation', score: 85 },
        { aspect: 'warning_reporting', score: 70.5, comment: '续报略迟' },
      ],
    });
    expect(screen.getByTestId('evaluation-aspect-preparation').textContent).toContain('85');
    expect(screen.getByTestId('evaluation-overall').textContent).toContain('综合得分：76.6 分');
  });

  it('says in Chinese why the server refused scores (422: the rubric on record differs from the one shown)', async () => {
    setSession(session(['drill_coordinator']));
    answerFetch({
      [`GET ${BASE}`]: { body: evaluation() },
      [`POST ${BASE}/scores`]: {
        status: 422,
        body: { status: 422, code: 'SCORE_NOT_IN_RUBRIC', detail: '「应急响应与指挥协调」的得分须在 0 到 40 之间' },
      },
    });
    renderInConsole(<DrillEvaluationScreen id={DRILL} />);
    fireEvent.change(await screen.findByTestId('evaluation-score-response_command'), { target: { value: '45' } });
    fireEvent.click(screen.getByTestId('evaluation-submit-scores'));
    const error = await screen.findByTestId('evaluation-error');
    expect(error.textContent).toContain('评分项不在评估指标中');
    expect(error.textContent).toContain('得分须在 0 到 40 之间');
    expect(screen.getByTestId('evaluation-feedback').textContent).toContain('评分未提交');
  });

  it('shows the 409 of a drill that has not ended in Chinese', async () => {
    setSession(session(['drill_coordinator']));
    answerFetch({
      [`GET ${BASE}`]: { body: evaluation() },
      [`POST ${BASE}/conclusion`]: {
        status: 409,
        body: { status: 409, code: 'EVALUATION_DRILL_NOT_ENDED', detail: '演练尚未结束' },
      },
    });
    renderInConsole(<DrillEvaluationScreen id={DRILL} />);
    fireEvent.change(await screen.findByTestId('evaluation-conclusion-text'), { target: { value: '达到演练目的' } });
    fireEvent.click(screen.getByTestId('evaluation-save-conclusion'));
    expect((await screen.findByTestId('evaluation-error')).textContent).toContain(
      '演练尚未结束，结束后方可评分和作出评估结论',
    );
  });

  it('offers no scoring while the drill runs', async () => {
    setSession(session(['drill_coordinator']));
    answerFetch({
      [`GET ${BASE}`]: {
        body: evaluation({ status: 'running', drill: { ...evaluation().drill, endedAt: null }, durationSeconds: null }),
      },
    });
    renderInConsole(<DrillEvaluationScreen id={DRILL} />);
    expect((await screen.findByTestId('evaluation-score-waits')).textContent).toContain('演练结束后方可评分。');
    expect(screen.queryByTestId('evaluation-score-form')).toBeNull();
    expect(screen.getByTestId('evaluation-figure-duration').textContent).toContain('未发生');
  });

  it('records a finding on the plan under test', async () => {
    setSession(session(['drill_coordinator']));
    const withFinding = evaluation({
      findings: [
        {
          findingId: 'f1',
          planId: PLAN,
          planTitle: '危险化学品事故专项应急预案',
          text: '警戒区划定偏晚',
          recordedBy: 'zhao',
          recordedByName: '赵组织',
          recordedAt: '2026-11-23T02:20:00.000Z',
        },
      ],
    });
    const calls = answerFetch({
      [`GET ${BASE}`]: { body: evaluation() },
      [`POST ${BASE}/findings`]: { status: 201, body: withFinding },
    });
    renderInConsole(<DrillEvaluationScreen id={DRILL} />);
    expect((await screen.findByTestId('evaluation-finding-form')).textContent).toContain(
      '记入所检验的预案《危险化学品事故专项应急预案》',
    );
    fireEvent.change(screen.getByTestId('evaluation-finding-text'), { target: { value: '警戒区划定偏晚' } });
    fireEvent.click(screen.getByTestId('evaluation-add-finding'));
    const list = await screen.findByTestId('evaluation-finding-list');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ text: '警戒区划定偏晚', planId: PLAN });
    expect(within(list).getByText(/警戒区划定偏晚/).textContent).toContain(
      '记录人：赵组织 · 待《危险化学品事故专项应急预案》下一版修订',
    );
    expect((screen.getByTestId('evaluation-finding-text') as HTMLTextAreaElement).value).toBe('');
  });

  it('renders the report from the JSON document as text, and prints it with the browser', async () => {
    setSession(session(['viewer']));
    const calls = answerFetch({
      [`GET ${BASE}`]: { body: evaluation() },
      [`GET ${BASE}/document`]: { body: DOCUMENT },
    });
    const print = vi.fn();
    window.print = print;
    renderInConsole(<DrillEvaluationScreen id={DRILL} />);
    fireEvent.click(await screen.findByTestId('evaluation-open-report'));
    const doc = await screen.findByTestId('evaluation-document');
    expect(within(doc).getByRole('heading', { level: 1 }).textContent).toContain('中卫市危化品泄漏桌面推演评估报告');
    expect(doc.textContent).toContain('中卫市应急管理局 演练评估组');
    expect(doc.textContent).toContain('本次演练综合得分 87 分，评定为良好。');
    expect(doc.textContent).toContain('评估组（签字）：赵组织　钱评估');
    // User text stays text: the markup in a finding is shown, not applied.
    expect(doc.textContent).toContain('警戒区划定偏晚 <b>需明确责任人</b>');
    expect(doc.querySelector('b')).toBeNull();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toContain(`GET ${BASE}/document`);
    fireEvent.click(screen.getByTestId('evaluation-print'));
    expect(print).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('evaluation-close-report'));
    await waitFor(() => expect(screen.queryByTestId('evaluation-document')).toBeNull());
    expect(screen.queryByTestId('evaluation-figures')).not.toBeNull();
  });
});

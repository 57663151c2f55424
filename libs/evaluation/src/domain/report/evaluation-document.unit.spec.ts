import type { DrillEvaluationView } from '../../contract';
import { renderEvaluationReport } from './evaluation-report.html';
import { concludeEvaluation } from '../evaluation/conclusion';
import { DEFAULT_RUBRIC, summarizeScores } from '../evaluation/rubric';
import { buildEvaluationDocument, reportTitle } from './evaluation-document';
import { describeScenario } from './scenario-words';

const DRILL = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const PLAN = '0a1b2c3d-0000-4000-8000-000000000001';
const INCIDENT = '7d1c2a4e-0000-4000-8000-000000000002';
const FINDING = '9e8d7c6b-0000-4000-8000-000000000003';
// 2026-11-23 10:00:00 in Beijing.
const t0 = Date.parse('2026-11-23T02:00:00Z');
const at = (s: number) => new Date(t0 + s * 1000).toISOString();

const sheets = [
  {
    evaluator: 'wang',
    evaluatorName: '王评估',
    recordedAt: at(1200),
    scores: DEFAULT_RUBRIC.map((a) => ({
      aspect: a.key,
      score: 86,
      comment: a.key === 'warning_reporting' ? '续报略迟' : null,
    })),
  },
  {
    evaluator: 'li',
    evaluatorName: '李评估',
    recordedAt: at(1300),
    scores: DEFAULT_RUBRIC.map((a) => ({ aspect: a.key, score: 90, comment: null })),
  },
];

function view(over: Partial<DrillEvaluationView> = {}): DrillEvaluationView {
  const scores = summarizeScores(DEFAULT_RUBRIC, sheets);
  return {
    drill: {
      drillId: DRILL,
      title: '中卫工业园区危化品泄漏综合演练 <script>alert(1)</script>',
      form: 'tabletop',
      scope: 'comprehensive',
      jurisdiction: '640571',
      planId: PLAN,
      planVersion: 2,
      startedAt: at(0),
      endedAt: at(900),
    },
    status: 'ended',
    names: {
      title: '中卫工业园区危化品泄漏综合演练 <script>alert(1)</script>',
      formLabel: '桌面演练',
      scopeLabel: '综合演练',
      jurisdictionName: '中卫市中卫工业园区',
      organiser: '中卫市应急管理局',
      planTitle: '危险化学品事故专项应急预案',
      units: ['市应急管理局', '市消防救援支队'],
      people: [{ name: '张值班', unit: '中卫市应急管理局', roles: ['值班员'] }],
      teams: ['危化品救援队'],
      timeZone: 'Asia/Shanghai',
    },
    durationSeconds: 900,
    incidents: [
      {
        incidentId: INCIDENT,
        title: '演练：储罐泄漏',
        reportedAt: at(60),
        reportToFirstDispatchSeconds: 200,
        reportToFirstArrivalSeconds: 725,
        reportToResponseLevelSeconds: 240,
        reportToPlanActivationSeconds: 300,
        tasks: [
          {
            taskId: '0a1b2c3d-v2-g1-t1',
            title: '划定警戒区',
            group: '警戒疏散组',
            level: 'IV',
            addedAt: at(360),
            completedAt: at(720),
            seconds: 360,
            withinMinutes: 10,
            verdict: 'met',
          },
        ],
        shortfalls: [{ materialCode: '2010102', required: 20, allocated: 12, short: 8 }],
      },
    ],
    incidentWords: [
      {
        incidentId: INCIDENT,
        categoryLabel: '危险化学品',
        place: '园区东区 3 号罐区',
        responseLevelLabel: 'Ⅳ级响应',
        teams: ['危化品救援队'],
        materials: { '2010102': { name: '防化服', unit: '套' } },
      },
    ],
    scenario: describeScenario([
      {
        atSecond: 60,
        kind: 'report_incident',
        payload: {
          title: '演练：储罐泄漏',
          category: 'hazardous_chemicals',
          location: { address: '园区东区 3 号罐区', lat: 37.5, lng: 105.1 },
          jurisdiction: '640571',
          casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 1 },
          description: '储罐阀门泄漏',
        },
      },
      {
        atSecond: 300,
        kind: 'update_situation',
        payload: { incidentRef: 0, casualties: { deaths: 1 }, description: '二次泄漏' },
      },
    ]),
    overall: {
      reportToFirstDispatchSeconds: 200,
      reportToFirstArrivalSeconds: 725,
      reportToResponseLevelSeconds: 240,
      reportToPlanActivationSeconds: 300,
    },
    deadlines: { total: 5, met: 3, late: 1, missed: 1, pending: 0 },
    rubric: [...DEFAULT_RUBRIC],
    scores,
    sheets,
    findings: [
      {
        findingId: FINDING,
        planId: PLAN,
        planTitle: '危险化学品事故专项应急预案',
        text: '疏散任务超出预案时限 <b>需明确责任单位</b>',
        recordedBy: 'wang',
        recordedByName: '王评估',
        recordedAt: at(1250),
      },
    ],
    conclusion: concludeEvaluation({ ended: true, overallPercent: scores.overallPercent, unscored: [] }),
    evaluatorsConclusion: {
      text: '演练达到预期目的。',
      recordedBy: 'li',
      recordedByName: '李评估',
      recordedAt: at(1400),
    },
    ...over,
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const JURISDICTION_CODE = /(?<!\d)\d{6}(\d{3})?(?!\d)/;
const textOf = (doc: unknown) => JSON.stringify(doc);

describe('the evaluation report as a document', () => {
  it('names the drill, its organiser, place, plan, participants and local times', () => {
    const doc = buildEvaluationDocument(view());
    const text = textOf(doc);
    expect(doc.title).toBe('中卫工业园区危化品泄漏综合演练 <script>alert(1)</script>演练评估报告');
    expect(reportTitle('危化品泄漏综合演练')).toBe('危化品泄漏综合演练评估报告');
    expect(reportTitle('危化品泄漏桌面推演')).toBe('危化品泄漏桌面推演评估报告');
    expect(doc.issuer).toBe('中卫市应急管理局 演练评估组');
    expect(doc.date).toBe('2026年11月23日');
    const fields = Object.fromEntries(
      doc.sections[0]!.blocks.flatMap((b) => (b.kind === 'fields' ? b.rows.map((r) => [r.label, r.value]) : [])),
    );
    expect(fields).toMatchObject({
      演练形式: '桌面演练（综合演练）',
      组织单位: '中卫市应急管理局',
      演练地域: '中卫市中卫工业园区',
      检验预案: '《危险化学品事故专项应急预案》第 2 版',
      演练日期: '2026年11月23日',
      演练时间: '10:00:00 开始，10:15:00 结束（北京时间），历时 15 分 0 秒',
      参演单位: '市应急管理局、市消防救援支队',
      参演人员: '张值班（中卫市应急管理局，值班员）',
      参演队伍: '危化品救援队',
    });
    expect(text).toContain(
      '演练开始后 1 分 0 秒，接报：演练：储罐泄漏（危险化学品类，地点：园区东区 3 号罐区，被困 1 人）',
    );
    expect(text).toContain('演练开始后 5 分 0 秒，续报：伤亡情况更新为死亡 1 人；二次泄漏');
    expect(text).toContain('接报至首次调派 3 分 20 秒，至首支队伍到场 12 分 5 秒');
    expect(text).toContain('10:01:00');
    expect(text).toContain('按时 3 项，迟报 1 项，漏报 1 项');
    expect(text).toContain('防化服');
    expect(text).toContain('8套');
    expect(text).toContain('王评估（预警与信息报告）：续报略迟');
    expect(text).toContain('已记入《危险化学品事故专项应急预案》，待该预案下一版修订时落实；记录人：王评估');
    expect(text).toContain('本次演练综合得分 88 分，评定为良好。');
    expect(text).toContain('演练达到预期目的。');
    expect(doc.signature.names).toEqual(['王评估', '李评估']);
    expect(doc.draftNote).toBeNull();
  });

  it('prints no id, no ISO instant and no jurisdiction or material code anywhere', () => {
    const text = textOf(buildEvaluationDocument(view()));
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(ISO_INSTANT);
    expect(text).not.toMatch(JURISDICTION_CODE);
    expect(text).not.toContain('2010102');
    expect(text).not.toContain('Asia/Shanghai');
    const html = renderEvaluationReport(buildEvaluationDocument(view()));
    expect(html).not.toMatch(UUID);
    expect(html).not.toMatch(ISO_INSTANT);
    expect(html).not.toMatch(JURISDICTION_CODE);
  });

  it('says plainly that no plan was activated instead of calling the supplies complete', () => {
    const base = view();
    const withoutPlan = view({
      incidents: base.incidents.map((m) => ({ ...m, reportToPlanActivationSeconds: null, shortfalls: [] })),
    });
    expect(textOf(buildEvaluationDocument(withoutPlan))).toContain('演练中未启动预案，未按预案核对物资需求。');
    expect(textOf(buildEvaluationDocument(withoutPlan))).not.toContain('调拨到位');
    const covered = view({ incidents: base.incidents.map((m) => ({ ...m, shortfalls: [] })) });
    expect(textOf(buildEvaluationDocument(covered))).toContain('所启动预案的物资需求均已调拨到位。');
  });

  it('marks a drill still running as a draft without a verdict', () => {
    const running = view({
      status: 'running',
      drill: { ...view().drill, endedAt: null },
      durationSeconds: null,
      conclusion: concludeEvaluation({ ended: false, overallPercent: null, unscored: [] }),
      sheets: [],
      evaluatorsConclusion: null,
    });
    const doc = buildEvaluationDocument(running);
    expect(doc.draftNote).toContain('过程稿');
    expect(textOf(doc)).toContain('10:00:00 开始（北京时间），尚未结束');
    expect(textOf(doc)).toContain('演练尚未结束，暂不作评估结论。');
    expect(doc.signature.names).toEqual([]);
  });

  it('keeps user text as text in the HTML report', () => {
    const html = renderEvaluationReport(buildEvaluationDocument(view()));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<b>需明确责任单位</b>');
    expect(html).toContain('&lt;b&gt;需明确责任单位&lt;/b&gt;');
    expect(html).toContain('@page { size: A4;');
  });
});

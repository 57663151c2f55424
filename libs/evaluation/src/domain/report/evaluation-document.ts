import type { DocumentBlock, DocumentSection, DrillEvaluationView, EvaluationDocument } from '../../contract';
import { formatScore } from '../evaluation/conclusion';
import { chineseDate, clockTime, dateAndTime, minutesAndSeconds, zoneName } from './local-time';

const FORMS: Readonly<Record<string, string>> = { tabletop: '桌面演练', live: '实战演练' };
const SCOPES: Readonly<Record<string, string>> = { single: '单项演练', comprehensive: '综合演练' };
const TASK_VERDICTS: Readonly<Record<string, string>> = { met: '按时完成', late: '超时完成', open: '未完成' };
const LEVELS: Readonly<Record<string, string>> = { I: 'Ⅰ级', II: 'Ⅱ级', III: 'Ⅲ级', IV: 'Ⅳ级' };

/** The document's title: the drill's name as the report's name (a name already saying 演练, 推演 or 演习 is not repeated). */
export const reportTitle = (drillTitle: string): string =>
  `${drillTitle.trim()}${/(演练|推演|演习)$/.test(drillTitle.trim()) ? '' : '演练'}评估报告`;

/**
 * The evaluation report (演练评估报告) as one document, laid out as AQ/T 9009 asks a report to be: the drill's basic
 * facts, how it was evaluated, the analysis (timings, reporting deadlines, tasks, supplies, scores), problems and
 * improvements, and the conclusion. Every value is a name, a number with its unit or a local time in words: the
 * evaluation's ids, jurisdiction codes and ISO instants never reach it. Both the HTML report and the console render
 * this one document, so what is printed from either reads the same.
 */
export function buildEvaluationDocument(e: DrillEvaluationView): EvaluationDocument {
  const zone = e.names.timeZone;
  const at = e.drill.startedAt ?? e.drill.endedAt ?? new Date(0).toISOString();
  const zoneLabel = zoneName(zone, at);
  const title = reportTitle(e.names.title);
  const evaluators = [...new Set(e.sheets.map((s) => s.evaluatorName))];

  const sections: DocumentSection[] = [
    basicFacts(e, zone, zoneLabel),
    {
      heading: '二、演练评估过程',
      blocks: [
        paragraph(
          `评估组依据《生产安全事故应急演练评估规范》（AQ/T 9009-2015），结合系统记录的演练过程（接报、调派、到场、响应级别、预案启动、处置任务和信息报告）测得的用时，以及评估人对各项评估内容的评分，对本次演练进行评估。${
            evaluators.length > 0
              ? `参加评分的评估人：${evaluators.join('、')}（共 ${evaluators.length} 人）。`
              : '目前尚无评估人评分。'
          }`,
        ),
      ],
    },
    analysis(e, zone),
    improvements(e),
    conclusion(e, zone),
  ];

  const issued = latestOf([
    e.drill.endedAt,
    ...e.sheets.map((s) => s.recordedAt),
    ...e.findings.map((f) => f.recordedAt),
    e.evaluatorsConclusion?.recordedAt ?? null,
  ]);
  return {
    title,
    issuer: `${e.names.organiser} 演练评估组`,
    date: issued ? chineseDate(issued, zone) : '（演练尚未进行）',
    draftNote: e.status === 'ended' ? null : '演练尚未结束，本报告为过程稿，结论待演练结束并完成评分后作出。',
    sections,
    signature: { label: '评估组（签字）', names: evaluators },
  };
}

function basicFacts(e: DrillEvaluationView, zone: string, zoneLabel: string): DocumentSection {
  const d = e.drill;
  const n = e.names;
  const form = `${FORMS[d.form] ?? n.formLabel}（${SCOPES[d.scope] ?? n.scopeLabel}）`;
  const plan = n.planTitle ? `《${n.planTitle}》${d.planVersion ? `第 ${d.planVersion} 版` : ''}` : '未指定预案';
  const date = d.startedAt ? chineseDate(d.startedAt, zone) : '尚未开始';
  const time = !d.startedAt
    ? '尚未开始'
    : d.endedAt
      ? `${clockTime(d.startedAt, zone)} 开始，${sameDay(d.startedAt, d.endedAt, zone) ? clockTime(d.endedAt, zone) : dateAndTime(d.endedAt, zone)} 结束（${zoneLabel}），历时 ${minutesAndSeconds(e.durationSeconds)}`
      : `${clockTime(d.startedAt, zone)} 开始（${zoneLabel}），尚未结束`;
  const people = n.people.map((p) => `${p.name}（${p.unit}${p.roles.length > 0 ? `，${p.roles.join('、')}` : ''}）`);
  const blocks: DocumentBlock[] = [
    {
      kind: 'fields',
      rows: [
        { label: '演练名称', value: n.title },
        { label: '演练形式', value: form },
        { label: '组织单位', value: n.organiser },
        { label: '演练地域', value: n.jurisdictionName },
        { label: '检验预案', value: plan },
        { label: '演练日期', value: date },
        { label: '演练时间', value: time },
        { label: '参演单位', value: n.units.length > 0 ? n.units.join('、') : '未登记' },
        { label: '参演人员', value: people.length > 0 ? people.join('；') : '未记录' },
        { label: '参演队伍', value: n.teams.length > 0 ? n.teams.join('、') : '未调派' },
      ],
    },
    { kind: 'subheading', text: '演练情景' },
  ];
  if (e.scenario.length === 0) blocks.push(paragraph('本次演练未预设脚本，情景由演练组织者现场给出。'));
  else
    blocks.push({
      kind: 'list',
      items: e.scenario.map(
        (line) =>
          `${line.atSecond === null ? '现场追加' : `演练开始后 ${minutesAndSeconds(line.atSecond)}`}，${line.kindLabel}：${line.text}`,
      ),
    });
  return { heading: '一、演练基本情况', blocks };
}

function analysis(e: DrillEvaluationView, zone: string): DocumentSection {
  const blocks: DocumentBlock[] = [{ kind: 'subheading', text: '（一）关键环节用时' }];
  if (e.incidents.length === 0) blocks.push(paragraph('演练中未接报演练事件，无关键环节用时。'));
  else {
    const o = e.overall;
    blocks.push(
      paragraph(
        `以首起演练事件计：接报至首次调派 ${minutesAndSeconds(o.reportToFirstDispatchSeconds)}，至首支队伍到场 ${minutesAndSeconds(o.reportToFirstArrivalSeconds)}，至确定响应级别 ${minutesAndSeconds(o.reportToResponseLevelSeconds)}，至启动预案 ${minutesAndSeconds(o.reportToPlanActivationSeconds)}。`,
      ),
      {
        kind: 'table',
        columns: ['演练事件', '接报时间', '接报→首次调派', '接报→首支队伍到场', '接报→确定响应级别', '接报→启动预案'],
        rows: e.incidents.map((m) => [
          incidentName(e, m.incidentId, m.title),
          clockOrDate(m.reportedAt, e.drill.startedAt, zone),
          minutesAndSeconds(m.reportToFirstDispatchSeconds),
          minutesAndSeconds(m.reportToFirstArrivalSeconds),
          minutesAndSeconds(m.reportToResponseLevelSeconds),
          minutesAndSeconds(m.reportToPlanActivationSeconds),
        ]),
      },
    );
  }

  const dl = e.deadlines;
  blocks.push(
    { kind: 'subheading', text: '（二）信息报告时限' },
    paragraph(
      dl.total === 0
        ? '本次演练未产生信息报告义务。'
        : `应报告、通报共 ${dl.total} 项：按时 ${dl.met} 项，迟报 ${dl.late} 项，漏报 ${dl.missed} 项，尚未到期 ${dl.pending} 项。`,
    ),
  );

  const tasks = e.incidents.flatMap((m) => m.tasks);
  blocks.push({ kind: 'subheading', text: '（三）处置任务完成情况' });
  if (tasks.length === 0) blocks.push(paragraph('未启动预案，无处置任务清单。'));
  else {
    const met = tasks.filter((t) => t.verdict === 'met').length;
    const late = tasks.filter((t) => t.verdict === 'late').length;
    const open = tasks.filter((t) => t.completedAt === null).length;
    blocks.push(
      paragraph(`预案任务共 ${tasks.length} 项：按预案时限完成 ${met} 项，超时完成 ${late} 项，未完成 ${open} 项。`),
      {
        kind: 'table',
        columns: ['工作组', '任务', '响应级别', '用时', '预案时限', '完成情况'],
        rows: tasks.map((t) => [
          t.group,
          t.title,
          LEVELS[t.level] ?? t.level,
          t.seconds === null ? '—' : minutesAndSeconds(t.seconds),
          t.withinMinutes === null ? '未规定' : `${t.withinMinutes} 分钟内`,
          t.verdict ? TASK_VERDICTS[t.verdict]! : t.completedAt ? '已完成' : '未完成',
        ]),
      },
    );
  }

  blocks.push({ kind: 'subheading', text: '（四）物资保障' });
  const shortfalls = e.incidents.flatMap((m) => m.shortfalls.map((s) => ({ m, s })));
  // Shortfalls are measured against an activated plan's needs: without one there is nothing to say they were met.
  const planActivated = e.incidents.some((m) => m.reportToPlanActivationSeconds !== null);
  if (!planActivated) blocks.push(paragraph('演练中未启动预案，未按预案核对物资需求。'));
  else if (shortfalls.length === 0) blocks.push(paragraph('所启动预案的物资需求均已调拨到位。'));
  else
    blocks.push({
      kind: 'table',
      columns: ['演练事件', '物资', '预案需求', '已调拨', '缺口'],
      rows: shortfalls.map(({ m, s }) => {
        const material = e.incidentWords.find((w) => w.incidentId === m.incidentId)?.materials[s.materialCode];
        const unit = material?.unit ?? '';
        return [
          incidentName(e, m.incidentId, m.title),
          material?.name ?? '目录外物资',
          `${s.required}${unit}`,
          `${s.allocated}${unit}`,
          `${s.short}${unit}`,
        ];
      }),
    });

  blocks.push({ kind: 'subheading', text: '（五）评估内容评分' });
  blocks.push({
    kind: 'table',
    columns: ['评估内容', '权重', '满分', '平均得分', '评分人数'],
    rows: e.scores.byAspect.map((a) => [
      a.label,
      String(a.weight),
      String(a.maxScore),
      a.mean === null ? '未评分' : formatScore(a.mean),
      `${a.evaluators} 人`,
    ]),
  });
  blocks.push(
    paragraph(
      e.scores.overallPercent === null
        ? '尚无评分，未计算综合得分。'
        : `综合得分（按权重折算，百分制）：${formatScore(e.scores.overallPercent)} 分。`,
    ),
  );
  const comments = latestSheets(e).flatMap((s) =>
    s.scores
      .filter((x) => x.comment && x.comment.trim())
      .map((x) => `${s.evaluatorName}（${aspectName(e, x.aspect)}）：${x.comment!.trim()}`),
  );
  if (comments.length > 0) blocks.push({ kind: 'subheading', text: '评估人意见' }, { kind: 'list', items: comments });
  return { heading: '三、演练情况分析', blocks };
}

function improvements(e: DrillEvaluationView): DocumentSection {
  if (e.findings.length === 0)
    return { heading: '四、问题与改进建议', blocks: [paragraph('评估中未记录需要改进的问题。')] };
  return {
    heading: '四、问题与改进建议',
    blocks: [
      {
        kind: 'list',
        items: e.findings.map((f) => {
          const plan = f.planId
            ? f.planTitle
              ? `已记入《${f.planTitle}》，待该预案下一版修订时落实`
              : '已记入所检验的预案，待其下一版修订时落实'
            : '由演练组织单位督促整改';
          return `${f.text.trim()}（${plan}；记录人：${f.recordedByName}）`;
        }),
      },
    ],
  };
}

function conclusion(e: DrillEvaluationView, zone: string): DocumentSection {
  const c = e.conclusion;
  const blocks: DocumentBlock[] = [
    paragraph(c.verdict === 'pending' ? c.reason : `本次演练${c.reason}`),
    paragraph(`评定规则：${c.rule}`),
  ];
  if (e.evaluatorsConclusion)
    blocks.push(
      { kind: 'subheading', text: '评估组意见' },
      paragraph(e.evaluatorsConclusion.text.trim()),
      paragraph(
        `（${e.evaluatorsConclusion.recordedByName}，${chineseDate(e.evaluatorsConclusion.recordedAt, zone)}）`,
      ),
    );
  return { heading: '五、评估结论', blocks };
}

const paragraph = (text: string): DocumentBlock => ({ kind: 'paragraph', text });

/** Each evaluator's latest sheet, the one the summary counts. */
function latestSheets(e: DrillEvaluationView) {
  const latest = new Map<string, DrillEvaluationView['sheets'][number]>();
  for (const sheet of e.sheets) latest.set(sheet.evaluator, sheet);
  return [...latest.values()];
}

const aspectName = (e: DrillEvaluationView, key: string): string =>
  (e.rubric.find((a) => a.key === key)?.label ?? key).replace(/（.*$/, '');

function incidentName(e: DrillEvaluationView, incidentId: string, title: string): string {
  const words = e.incidentWords.find((w) => w.incidentId === incidentId);
  return words?.place ? `${title}（${words.place}）` : title;
}

/** A report time the same day as the drill's start reads as a clock time; another day gets its date. */
const clockOrDate = (instant: string, startedAt: string | null, zone: string): string =>
  startedAt && sameDay(instant, startedAt, zone) ? clockTime(instant, zone) : dateAndTime(instant, zone);

const sameDay = (a: string, b: string, zone: string): boolean => chineseDate(a, zone) === chineseDate(b, zone);

const latestOf = (values: readonly (string | null)[]): string | null =>
  values
    .filter((v): v is string => v !== null)
    .reduce<string | null>((max, v) => (max === null || Date.parse(v) > Date.parse(max) ? v : max), null);

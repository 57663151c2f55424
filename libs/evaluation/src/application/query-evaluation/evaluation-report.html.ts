import type { DrillEvaluation } from './drill-evaluation.reader';

const FORM: Readonly<Record<string, string>> = { tabletop: '桌面推演', live: '实战演练' };
const SCOPE: Readonly<Record<string, string>> = { single: '单项演练', comprehensive: '综合演练' };
const VERDICT: Readonly<Record<string, string>> = { met: '按时', late: '超时', open: '未完成' };

/** Text into HTML: the five characters that could open markup or end an attribute value. */
const esc = (value: unknown): string =>
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the report interpolates scalars only (text, numbers)
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Markup built by `html` below; the only kind of value that is inserted without escaping. */
class Html {
  constructor(readonly markup: string) {}
}

const insert = (value: unknown): string =>
  value instanceof Html ? value.markup : Array.isArray(value) ? value.map(insert).join('') : esc(value);

/**
 * The report is written with this tag: every `${…}` is escaped unless it is itself `html` (or a list of them), so a
 * value cannot reach the page as markup by someone forgetting to escape it — escaping is the default, not a step.
 */
function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(strings.reduce((out, text, i) => out + (i > 0 ? insert(values[i - 1]) : '') + text, ''));
}

/**
 * The report's own policy: no script whatsoever, only the page's inline style, and a sandbox (an opaque origin),
 * so even markup that got past escaping could neither run nor reach the console's storage.
 */
export const EVALUATION_REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

const duration = (s: number | null): string => (s === null ? '—' : `${Math.floor(s / 60)} 分 ${s % 60} 秒`);

/**
 * The printable evaluation report (演练评估报告): one self-contained HTML page with print styles, so a coordinator can
 * print it or save it as PDF from the browser. Every value is escaped; nothing is loaded from elsewhere.
 */
export function renderEvaluationReport(e: DrillEvaluation, zoned: (iso: string | null) => string): string {
  const d = e.drill;
  const rows = (cells: unknown[][]) =>
    cells.map(
      (r) =>
        html`<tr>
          ${r.map((c) => html`<td>${c}</td>`)}
        </tr>`,
    );
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>${d.title} — 演练评估报告</title>
        <style>
          body {
            font-family: 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif;
            margin: 24px;
            color: #1b2430;
          }
          h1 {
            font-size: 22px;
            margin: 0 0 4px;
          }
          h2 {
            font-size: 16px;
            border-bottom: 2px solid #123a6b;
            padding-bottom: 2px;
            margin-top: 22px;
          }
          table {
            border-collapse: collapse;
            width: 100%;
            font-size: 13px;
          }
          td,
          th {
            border: 1px solid #c9d1dc;
            padding: 4px 6px;
            text-align: left;
          }
          th {
            background: #eef1f5;
          }
          .muted {
            color: #5b6675;
            font-size: 12px;
          }
          @media print {
            body {
              margin: 0;
            }
            h2 {
              break-after: avoid;
            }
            table {
              break-inside: avoid;
            }
          }
        </style>
      </head>
      <body>
        <h1>${d.title} 演练评估报告</h1>
        <p class="muted">
          ${FORM[d.form] ?? d.form} · ${SCOPE[d.scope] ?? d.scope} · 辖区
          ${d.jurisdiction}${d.planId ? html` · 检验预案 ${d.planId} 第 ${d.planVersion} 版` : ''}
        </p>
        <p class="muted">开始 ${zoned(d.startedAt)} · 结束 ${zoned(d.endedAt)} · 历时 ${duration(e.durationSeconds)}</p>
        <h2>一、关键环节用时（由事件记录测得）</h2>
        <table>
          <tr>
            <th>事件</th>
            <th>接报时间</th>
            <th>接报→首次调派</th>
            <th>接报→首支队伍到场</th>
            <th>接报→确定响应级别</th>
            <th>接报→启动预案</th>
          </tr>
          ${rows(e.incidents.map((m) => [m.title, zoned(m.reportedAt), duration(m.reportToFirstDispatchSeconds), duration(m.reportToFirstArrivalSeconds), duration(m.reportToResponseLevelSeconds), duration(m.reportToPlanActivationSeconds)]))}
        </table>
        <h2>二、信息报告时限</h2>
        <p>
          共 ${e.deadlines.total} 项：按时 ${e.deadlines.met}，迟报 ${e.deadlines.late}，漏报
          ${e.deadlines.missed}，待报 ${e.deadlines.pending}。
        </p>
        <h2>三、处置任务完成情况</h2>
        <table>
          <tr>
            <th>工作组</th>
            <th>任务</th>
            <th>响应级别</th>
            <th>用时</th>
            <th>预案时限</th>
            <th>评价</th>
          </tr>
          ${rows(e.incidents.flatMap((m) => m.tasks.map((t) => [t.group, t.title, t.level, duration(t.seconds), t.withinMinutes === null ? '—' : `${t.withinMinutes} 分钟`, t.verdict ? VERDICT[t.verdict] : '—'])))}
        </table>
        <h2>四、物资保障缺口</h2>
        ${
          e.incidents.some((m) => m.shortfalls.length > 0)
            ? html`<table>
                <tr>
                  <th>事件</th>
                  <th>物资编码</th>
                  <th>预案需求</th>
                  <th>已调拨</th>
                  <th>缺口</th>
                </tr>
                ${rows(e.incidents.flatMap((m) => m.shortfalls.map((s) => [m.title, s.materialCode, s.required, s.allocated, s.short])))}
              </table>`
            : html`<p>无缺口（或未启动预案）。</p>`
        }
        <h2>五、评估人评分</h2>
        <table>
          <tr>
            <th>评估指标</th>
            <th>权重</th>
            <th>平均分</th>
            <th>满分</th>
            <th>评估人数</th>
          </tr>
          ${rows(e.scores.byAspect.map((a) => [a.label, a.weight, a.mean ?? '—', a.maxScore, a.evaluators]))}
        </table>
        <p>综合得分：${e.scores.overallPercent === null ? '尚未评分' : `${e.scores.overallPercent} 分（百分制）`}</p>
        <h2>六、发现的问题与改进建议</h2>
        ${
          e.findings.length === 0
            ? html`<p>无。</p>`
            : html`<ol>
                ${e.findings.map((f) => html`<li>${f.text}${f.planId ? html`（已记入预案 ${f.planId}，待下一版修订）` : ''}</li>`)}
              </ol>`
        }
      </body>
    </html>`.markup;
}

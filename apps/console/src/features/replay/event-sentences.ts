import type { ReplayEventType } from '@app/replay/contract';
import type { Lang } from '../../i18n';
import type { LabelGroup } from '../labels/labels';

/**
 * The replay's event catalogue: one sentence per recorded event type, in Chinese and English, built from the event's
 * data with names (teams, warehouses, materials, incidents) and local times, never ids, codes or ISO strings. Who
 * recorded the event is not part of the sentence: the server names the actor beside it (`replay.event`'s `actor`).
 * The catalogue is a `Record` over the contract's union, so a new event type does not compile until it is worded here.
 */

/** What a sentence needs besides the event: names from the console's own data, labels and the local clock. */
export interface SentenceContext {
  lang: Lang;
  /** An instant in the jurisdiction's zone, with the date (formatTime). */
  time(iso: string): string;
  label(group: LabelGroup, code: string | null | undefined): string;
  teamName(teamId: string): string | undefined;
  warehouseName(warehouseId: string): string | undefined;
  materialName(materialCode: string): string;
  incidentTitle(incidentId: string): string | undefined;
}

/** A recorded event's data read defensively: older events lack fields added later, and nothing may throw. */
class Data {
  constructor(private readonly raw: unknown) {}
  private get o(): Record<string, unknown> {
    return this.raw !== null && typeof this.raw === 'object' ? (this.raw as Record<string, unknown>) : {};
  }
  s(key: string): string {
    const v = this.o[key];
    return typeof v === 'string' ? v : '';
  }
  n(key: string): number | null {
    const v = this.o[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  b(key: string): boolean {
    return this.o[key] === true;
  }
  d(key: string): Data {
    return new Data(this.o[key]);
  }
  list(key: string): Data[] {
    const v = this.o[key];
    return Array.isArray(v) ? v.map((x) => new Data(x)) : [];
  }
  has(key: string): boolean {
    return this.o[key] !== undefined && this.o[key] !== null;
  }
}

type Words = (d: Data, c: SentenceContext) => string;
type Entry = { zh: Words; en: Words };

const join = (c: SentenceContext, parts: string[]) => parts.filter(Boolean).join(c.lang === 'zh' ? '；' : '; ');
const list = (c: SentenceContext, parts: string[]) => parts.filter(Boolean).join(c.lang === 'zh' ? '、' : ', ');

function casualties(d: Data, c: SentenceContext): string {
  const n = (k: string) => d.n(k) ?? 0;
  if (c.lang === 'zh') {
    const more = [
      d.n('endangered') !== null ? `涉险 ${n('endangered')} 人` : '',
      d.n('evacuated') !== null ? `紧急疏散 ${n('evacuated')} 人` : '',
    ];
    return list(c, [
      `死亡 ${n('deaths')} 人`,
      `失踪 ${n('missing')} 人`,
      `重伤 ${n('seriousInjuries')} 人`,
      `轻伤 ${n('minorInjuries')} 人`,
      `被困 ${n('trapped')} 人`,
      ...more,
    ]);
  }
  return list(c, [
    `${n('deaths')} dead`,
    `${n('missing')} missing`,
    `${n('seriousInjuries')} seriously injured`,
    `${n('minorInjuries')} slightly injured`,
    `${n('trapped')} trapped`,
    d.n('endangered') !== null ? `${n('endangered')} endangered` : '',
    d.n('evacuated') !== null ? `${n('evacuated')} evacuated` : '',
  ]);
}

function items(d: Data, c: SentenceContext): string {
  return list(
    c,
    d.list('items').map((i) => `${c.materialName(i.s('materialCode'))} × ${i.n('quantity') ?? 0}`),
  );
}

function yuan(v: number, c: SentenceContext): string {
  if (c.lang === 'en') return `¥${v.toLocaleString('en')}`;
  return v >= 10_000 ? `${(v / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元` : `${v} 元`;
}

const team = (d: Data, c: SentenceContext) =>
  d.s('teamName') || c.teamName(d.s('teamId')) || (c.lang === 'zh' ? '一支队伍' : 'a team');
const warehouse = (d: Data, c: SentenceContext) =>
  c.warehouseName(d.s('warehouseId')) || (c.lang === 'zh' ? '仓库' : 'a warehouse');
const incident = (id: string, c: SentenceContext) => (id ? c.incidentTitle(id) : undefined);
const at = (d: Data, key: string, c: SentenceContext) => (d.s(key) ? c.time(d.s(key)) : '');

const CHANNEL: Record<string, { zh: string; en: string }> = {
  phone: { zh: '电话', en: 'phone' },
  fax: { zh: '传真', en: 'fax' },
  system: { zh: '信息系统', en: 'information system' },
  document: { zh: '书面', en: 'in writing' },
};
const channel = (d: Data, c: SentenceContext) => CHANNEL[d.s('channel')]?.[c.lang] ?? d.s('channel');

const recipient = (d: Data, c: SentenceContext) => {
  const r = d.d('recipient');
  if (!r.s('name') && !r.s('unit')) return '';
  return c.lang === 'zh' ? `接收人 ${r.s('unit')} ${r.s('name')}`.trim() : `received by ${r.s('name')}, ${r.s('unit')}`;
};

const INJECT: Record<string, { zh: string; en: string }> = {
  report_incident: { zh: '演练接报', en: 'a drill incident reported' },
  update_situation: { zh: '演练续报', en: 'a drill follow-up report' },
  message: { zh: '情况通报', en: 'a situation message' },
};

const FORM: Record<string, { zh: string; en: string }> = {
  tabletop: { zh: '桌面演练', en: 'tabletop' },
  live: { zh: '实战演练', en: 'live' },
};
const SCOPE: Record<string, { zh: string; en: string }> = {
  single: { zh: '单项演练', en: 'single-function' },
  comprehensive: { zh: '综合演练', en: 'comprehensive' },
};

/** Obligation ids read `<kind>:<level or party>:<n>`; the sentence names the kind and the level or party, not the id. */
function obligation(id: string, c: SentenceContext): string {
  const [kind, target] = id.split(':');
  const kindText = c.label('deadlineKind', kind);
  const level = c.label('reportLevel', target);
  const party = c.label('party', target);
  const named = target && level !== target ? level : target && party !== target ? party : '';
  const base = kind && kindText !== kind ? kindText : c.lang === 'zh' ? '报告义务' : 'reporting duty';
  return named ? (c.lang === 'zh' ? `${base}（${named}）` : `${base} (${named})`) : base;
}

export const EVENT_SENTENCES: Readonly<Record<ReplayEventType, Entry>> = {
  IncidentReported: {
    zh: (d, c) =>
      join(c, [
        `接报：${d.s('title')}（${c.label('grade', d.s('grade'))}，${c.label('category', d.s('category'))}）`,
        d.s('occurredAt') ? `发生于 ${at(d, 'occurredAt', c)}，地点 ${d.d('location').s('address')}` : '',
        casualties(d.d('casualties'), c),
        d.d('reporter').s('name') ? `报告人 ${d.d('reporter').s('name')}（${d.d('reporter').s('organization')}）` : '',
      ]),
    en: (d, c) =>
      join(c, [
        `Reported: ${d.s('title')} (${c.label('grade', d.s('grade'))}, ${c.label('category', d.s('category'))})`,
        d.s('occurredAt') ? `occurred ${at(d, 'occurredAt', c)} at ${d.d('location').s('address')}` : '',
        casualties(d.d('casualties'), c),
        d.d('reporter').s('name')
          ? `reported by ${d.d('reporter').s('name')} (${d.d('reporter').s('organization')})`
          : '',
      ]),
  },
  SituationUpdated: {
    zh: (d, c) =>
      join(c, [
        `${d.b('outsideWindow') ? '补报（已超过统计时限，不计入事故等级）' : '续报'}：${casualties(d.d('casualties'), c)}`,
        d.n('directLossYuan') !== null ? `直接经济损失约 ${yuan(d.n('directLossYuan')!, c)}` : '',
        d.s('measures') ? `已采取措施：${d.s('measures')}` : '',
        d.s('description'),
      ]),
    en: (d, c) =>
      join(c, [
        `${d.b('outsideWindow') ? 'Late figures (after the statistical window, grade unchanged)' : 'Follow-up report'}: ${casualties(d.d('casualties'), c)}`,
        d.n('directLossYuan') !== null ? `direct loss about ${yuan(d.n('directLossYuan')!, c)}` : '',
        d.s('measures') ? `measures taken: ${d.s('measures')}` : '',
        d.s('description'),
      ]),
  },
  AccidentGradeChanged: {
    zh: (d, c) =>
      `事故等级由${c.label('grade', d.s('from'))}${d.b('rose') ? '升为' : '调整为'}${c.label('grade', d.s('to'))}${d.b('rose') ? '，须按新等级重新上报' : ''}`,
    en: (d, c) =>
      `Accident grade ${d.b('rose') ? 'raised' : 'changed'} from ${c.label('grade', d.s('from'))} to ${c.label('grade', d.s('to'))}${d.b('rose') ? '; to be reported again at the new grade' : ''}`,
  },
  IncidentClosed: {
    zh: (d) => `响应终止（终报）：${d.s('summary')}`,
    en: (d) => `Response ended (final report): ${d.s('summary')}`,
  },
  TeamAssigned: {
    zh: (d, c) =>
      `${d.b('simulated') ? '【演练·模拟】' : ''}调派队伍：${team(d, c)}${d.s('task') ? `，任务：${d.s('task')}` : ''}`,
    en: (d, c) =>
      `${d.b('simulated') ? '[Drill, simulated] ' : ''}Team dispatched: ${team(d, c)}${d.s('task') ? `; task: ${d.s('task')}` : ''}`,
  },
  AssignedTeamStatusChanged: {
    zh: (d, c) => `${team(d, c)}：${c.label('teamStatus', d.s('status'))}（${at(d, 'at', c)}）`,
    en: (d, c) => `${team(d, c)}: ${c.label('teamStatus', d.s('status'))} (${at(d, 'at', c)})`,
  },
  ResponseLevelSet: {
    zh: (d, c) =>
      join(c, [
        `${d.s('from') ? `响应级别由${c.label('responseLevel', d.s('from'))}调整为` : '启动'}${c.label('responseLevel', d.s('level'))}`,
        d.s('reason') ? `理由：${d.s('reason')}` : '',
      ]),
    en: (d, c) =>
      join(c, [
        `${d.s('from') ? `Response level changed from ${c.label('responseLevel', d.s('from'))} to` : 'Response started at'} ${c.label('responseLevel', d.s('level'))}`,
        d.s('reason') ? `reason: ${d.s('reason')}` : '',
      ]),
  },
  ReportPassedUp: {
    zh: (d, c) =>
      join(c, [
        `向${c.label('reportLevel', d.s('toLevel'))}上报（${channel(d, c)}，${at(d, 'reportedAt', c)}）`,
        recipient(d, c),
      ]),
    en: (d, c) =>
      join(c, [
        `Reported up to the ${c.label('reportLevel', d.s('toLevel'))} level (${channel(d, c)}, ${at(d, 'reportedAt', c)})`,
        recipient(d, c),
      ]),
  },
  PartyNotified: {
    zh: (d, c) => join(c, [`通知${c.label('party', d.s('party'))}（${channel(d, c)}）`, recipient(d, c)]),
    en: (d, c) => join(c, [`Notified ${c.label('party', d.s('party'))} (${channel(d, c)})`, recipient(d, c)]),
  },
  ObligationWrittenOff: {
    zh: (d, c) => `核销义务：${obligation(d.s('obligationId'), c)}；理由：${d.s('reason')}`,
    en: (d, c) => `Obligation written off: ${obligation(d.s('obligationId'), c)}; reason: ${d.s('reason')}`,
  },
  PlanActivated: {
    zh: (d, c) =>
      `启动预案：《${d.d('plan').s('title')}》第 ${d.d('plan').n('version') ?? '—'} 版，${c.label('responseLevel', d.s('level'))}`,
    en: (d, c) =>
      `Plan activated: "${d.d('plan').s('title')}" version ${d.d('plan').n('version') ?? '—'}, ${c.label('responseLevel', d.s('level'))}`,
  },
  ChecklistTasksAdded: {
    zh: (d, c) =>
      `${c.label('responseLevel', d.s('level'))}处置任务 ${d.list('tasks').length} 项列入任务清单：${d
        .list('tasks')
        .map((t) => `${t.s('group')}·${t.s('title')}`)
        .join('；')}`,
    en: (d, c) =>
      `${d.list('tasks').length} tasks of ${c.label('responseLevel', d.s('level'))} added to the checklist: ${d
        .list('tasks')
        .map((t) => `${t.s('group')}: ${t.s('title')}`)
        .join('; ')}`,
  },
  ChecklistTaskCompleted: {
    zh: (d) => `完成任务：${d.s('title')}${d.s('note') ? `；${d.s('note')}` : ''}`,
    en: (d) => `Task completed: ${d.s('title')}${d.s('note') ? `; ${d.s('note')}` : ''}`,
  },
  DrillAllocationRecorded: {
    zh: (d, c) => `【演练·模拟】从${warehouse(d, c)}调拨物资：${items(d, c)}（不动用真实库存）`,
    en: (d, c) => `[Drill, simulated] Supplies allocated from ${warehouse(d, c)}: ${items(d, c)} (no real stock used)`,
  },
  LateDispatchWithdrawn: {
    zh: (d, c) => `响应终止后到达的调派已撤回：${team(d, c)}（${d.s('reason')}）`,
    en: (d, c) => `Dispatch that arrived after the response ended withdrawn: ${team(d, c)} (${d.s('reason')})`,
  },
  LateAllocationCancelled: {
    zh: (d, c) => `响应终止后到达的物资调拨已取消：${warehouse(d, c)}，${items(d, c)}（${d.s('reason')}）`,
    en: (d, c) =>
      `Allocation that arrived after the response ended cancelled: ${warehouse(d, c)}, ${items(d, c)} (${d.s('reason')})`,
  },
  StockAllocated: {
    zh: (d, c) => `${warehouse(d, c)}调拨物资（已预留）：${items(d, c)}`,
    en: (d, c) => `${warehouse(d, c)} allocated supplies (reserved): ${items(d, c)}`,
  },
  AllocationStatusChanged: {
    zh: (d, c) =>
      `${warehouse(d, c)}的物资调拨${c.label('allocationStatus', d.s('status'))}${d.s('reason') ? `；${d.s('reason')}` : ''}`,
    en: (d, c) =>
      `Allocation from ${warehouse(d, c)} ${c.label('allocationStatus', d.s('status')).toLowerCase()}${d.s('reason') ? `; ${d.s('reason')}` : ''}`,
  },
  DrillPlanned: {
    zh: (d, c) =>
      join(c, [
        `策划演练：${d.s('title')}（${FORM[d.s('form')]?.zh ?? ''}，${SCOPE[d.s('scope')]?.zh ?? ''}）`,
        d.list('participants').length > 0 ? `参演单位 ${d.list('participants').length} 个` : '',
        d.d('scenario').list('injects').length > 0 ? `脚本注入 ${d.d('scenario').list('injects').length} 条` : '',
      ]),
    en: (d, c) =>
      join(c, [
        `Drill planned: ${d.s('title')} (${FORM[d.s('form')]?.en ?? ''}, ${SCOPE[d.s('scope')]?.en ?? ''})`,
        d.list('participants').length > 0 ? `participating units: ${d.list('participants').length}` : '',
        d.d('scenario').list('injects').length > 0 ? `scripted injects: ${d.d('scenario').list('injects').length}` : '',
      ]),
  },
  DrillStarted: {
    zh: (d, c) => `演练开始（${at(d, 'startedAt', c)}）`,
    en: (d, c) => `Drill started (${at(d, 'startedAt', c)})`,
  },
  InjectExecuted: {
    zh: (d, c) => {
      const which = d.n('index') === null ? '无脚本注入' : `第 ${(d.n('index') ?? 0) + 1} 条脚本注入`;
      const title = incident(d.s('incidentId'), c) ?? d.d('payload').s('title');
      const text = d.d('payload').s('text');
      return `${which}：${INJECT[d.s('kind')]?.zh ?? '情景注入'}${title ? `——${title}` : ''}${text ? `——${text}` : ''}`;
    },
    en: (d, c) => {
      const which = d.n('index') === null ? 'Scriptless inject' : `Scripted inject no. ${(d.n('index') ?? 0) + 1}`;
      const title = incident(d.s('incidentId'), c) ?? d.d('payload').s('title');
      const text = d.d('payload').s('text');
      return `${which}: ${INJECT[d.s('kind')]?.en ?? 'scenario inject'}${title ? ` — ${title}` : ''}${text ? ` — ${text}` : ''}`;
    },
  },
  InjectFailed: {
    zh: (d) =>
      `${d.n('index') === null ? '无脚本注入' : `第 ${(d.n('index') ?? 0) + 1} 条脚本注入`}未能执行（第 ${d.n('attempt') ?? 1} 次）${
        d.s('reason') ? `：${d.s('reason')}` : ''
      }${d.b('skipped') ? '，已跳过' : '，稍后重试'}`,
    en: (d) =>
      `${d.n('index') === null ? 'Scriptless inject' : `Scripted inject no. ${(d.n('index') ?? 0) + 1}`} failed (attempt ${d.n('attempt') ?? 1})${
        d.b('skipped') ? ', skipped' : ', to be retried'
      }`,
  },
  DrillEnded: {
    zh: (d, c) => `演练结束（${at(d, 'endedAt', c)}）`,
    en: (d, c) => `Drill ended (${at(d, 'endedAt', c)})`,
  },
  TeamJoinedDrill: {
    zh: (d, c) => `${team(d, c)}参加演练（暂停执勤）`,
    en: (d, c) => `${team(d, c)} taken into the drill (out of service)`,
  },
  TeamRecalledFromDrill: {
    zh: (d, c) => `${team(d, c)}撤出演练，恢复待命`,
    en: (d, c) => `${team(d, c)} recalled from the drill, available again`,
  },
};

/**
 * The sentence for one recorded event. A type this console does not know yet (a newer server) gets a neutral sentence,
 * never its raw name.
 */
export function eventSentence(type: string, data: unknown, c: SentenceContext): string {
  const entry = (EVENT_SENTENCES as Readonly<Record<string, Entry | undefined>>)[type];
  if (!entry || !Object.hasOwn(EVENT_SENTENCES, type))
    return c.lang === 'zh' ? '记录了一项本控制台尚不认识的事件' : 'An event this console does not know yet';
  return entry[c.lang](new Data(data), c);
}

import type { IncidentView } from '../../contract';
import type { EnterpriseProfile } from '../enterprise-profiles';

/** 快报 (the first report), 续报 (a follow-up), 终报 (the final report when the response ends). */
export type ReportTextKind = 'initial' | 'follow_up' | 'final';

export const REPORT_TEXT_KINDS: readonly ReportTextKind[] = ['initial', 'follow_up', 'final'];

const KIND_TITLES: Readonly<Record<ReportTextKind, string>> = {
  initial: '快报',
  follow_up: '续报',
  final: '终报',
};

/** Who writes the report and when: the bureau of the signed-in user, at the moment the text is asked for. */
export interface ReportAuthor {
  /** The bureau's name, e.g. 中卫市应急管理局. */
  bureau: string;
  /** The local time of writing, as an ISO string in the jurisdiction's zone. */
  writtenAt: string;
}

/**
 * The text of a report on an accident, in the order 条例493 第十二条 gives its contents: (一) the unit's profile,
 * (二) time, place and scene, (三) a brief account, (四) casualties caused or likely (with the missing) and the first
 * estimate of direct loss, (五) measures taken, (六) anything else. It reads as an official document: names and local
 * times, never ids or codes; an item not yet known says so instead of disappearing, so an omission is visible (漏报
 * also means contents left out). Drill data is marked at the top so a printed copy can never pass for a real report.
 */
export function incidentReportText(
  incident: IncidentView,
  kind: ReportTextKind,
  author: ReportAuthor,
  unit?: EnterpriseProfile | null,
): string {
  const lines: string[] = [];
  if (incident.drillId) lines.push('【演练】本报告为应急演练内容，不是真实事故信息。', '');
  lines.push(`生产安全事故${KIND_TITLES[kind]}`, '');
  lines.push(`报告单位：${author.bureau}`);
  lines.push(`报告时间：${localTime(author.writtenAt)}`);
  lines.push(`事故名称：${incident.title}`, '');
  lines.push(`一、事故发生单位概况：${unitText(incident, unit)}`);
  lines.push(
    `二、事故发生的时间、地点及现场情况：${localTime(incident.occurredAt)}，${place(incident)}` +
      `（北纬 ${incident.location.lat}°，东经 ${incident.location.lng}°）。` +
      `事故类别：${incident.categoryLabel}。`,
  );
  lines.push(`三、事故简要经过：${sentence(incident.description)}`);
  lines.push(`四、伤亡人数及直接经济损失：${casualtiesText(incident)}`);
  lines.push(`五、已经采取的措施：${incident.measures ? sentence(incident.measures) : '尚未报告已采取的措施。'}`);
  lines.push(`六、其他应当报告的情况：${otherText(incident, kind)}`);
  if (kind === 'final') lines.push('', `处置总结：${incident.summary ? sentence(incident.summary) : '尚未填写。'}`);
  return `${lines.join('\n')}\n`;
}

/**
 * A registered unit is described from its register entry (name, 统一社会信用代码, 行业, address, 主要负责人); a unit
 * typed as free text by its name only; no unit at all says so.
 */
function unitText(incident: IncidentView, unit: EnterpriseProfile | null | undefined): string {
  if (unit) {
    return (
      `${unit.name}，统一社会信用代码 ${unit.creditCode}，行业类别：${unit.industryLabel}，地址：${unit.address}，` +
      `主要负责人：${unit.principal.name}（联系电话 ${unit.principal.phone}）。`
    );
  }
  return `${incident.enterprise ?? '尚未查明（接报时未提供事故发生单位）'}。`;
}

function casualtiesText(incident: IncidentView): string {
  const c = incident.casualties;
  const people =
    `已造成死亡 ${c.deaths} 人、下落不明 ${c.missing} 人、重伤（含急性工业中毒）${c.seriousInjuries} 人、` +
    `轻伤 ${c.minorInjuries} 人；被困 ${c.trapped} 人` +
    (c.endangered !== undefined ? `，涉险 ${c.endangered} 人` : '') +
    (c.evacuated !== undefined ? `，已疏散 ${c.evacuated} 人` : '') +
    '。';
  const loss =
    incident.directLossYuan === null
      ? '直接经济损失尚未估计。'
      : `初步估计直接经济损失${yuan(incident.directLossYuan)}。`;
  return people + loss;
}

function otherText(incident: IncidentView, kind: ReportTextKind): string {
  const parts = [`按现有伤亡和损失初步认定为${incident.gradeLabel}`];
  if (incident.nearMiss) parts.push('属较大涉险事故');
  parts.push(`本局接报时间为${localTime(incident.receivedAt)}`);
  if (incident.unitReportedAt) parts.push(`事故发生单位于${localTime(incident.unitReportedAt)}报告`);
  if (incident.responseLevelLabel) parts.push(`已启动${incident.responseLevelLabel}应急响应`);
  const plans = incident.activePlans.map((p) => `《${p.title}》`);
  if (plans.length > 0) parts.push(`已启动${plans.join('、')}`);
  const teams = incident.assignedTeams.filter((t) => !t.releasedAt).map((t) => t.name);
  if (teams.length > 0) parts.push(`现场救援力量：${teams.join('、')}`);
  if (kind === 'final' && incident.closedAt) parts.push(`应急响应已于${localTime(incident.closedAt)}终止`);
  return `${parts.join('；')}。`;
}

/** The address, preceded by the jurisdiction's name unless the address already starts with it. */
function place(incident: IncidentView): string {
  const { address } = incident.location;
  return address.startsWith(incident.jurisdictionName) ? address : `${incident.jurisdictionName}${address}`;
}

/** `2026-11-22T13:40:00+08:00` → `2026年11月22日13时40分`: the zone's wall clock, as the view already gives it. */
export function localTime(zonedIso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(zonedIso);
  if (!match) return zonedIso;
  const [, y, mo, d, h, mi] = match;
  return `${y}年${Number(mo)}月${Number(d)}日${h}时${mi}分`;
}

/** Whole yuan as an official document writes money: 万元 from ten thousand up. */
export function yuan(amount: number): string {
  if (amount < 10_000) return `${amount}元`;
  const wan = Math.round((amount / 10_000) * 100) / 100;
  return `${wan}万元`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[。！？.!?]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}

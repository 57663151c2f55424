import { materialQuantityText } from '@app/warehouses/domain';
import { GRADE_LABELS } from '../../domain/incident/accident-grade';
import {
  NOTIFICATION_PARTY_LABELS,
  OBLIGATION_KIND_LABELS,
  REPORT_LEVEL_LABELS,
} from '../../domain/incident/reporting-deadlines';
import type { IncidentEvent } from '../../domain/incident/incident.events';
import { RESPONSE_LEVEL_LABELS, type Casualties } from '../../domain/incident/incident.types';

/**
 * One Chinese line per event, as a duty officer would write it in the log (值班记录). Who acted is not in the line: the
 * events keep the sign-in name, and the timeline names the person beside each line by their display name (`actor`).
 */
export function summarizeIncidentEvent(event: IncidentEvent): string {
  switch (event.type) {
    case 'IncidentReported':
      return `接报：${event.data.title}（${GRADE_LABELS[event.data.grade]}）；${casualtyText(event.data.casualties)}；报告人 ${event.data.reporter.name}（${event.data.reporter.organization}）`;
    case 'SituationUpdated': {
      const parts = [
        event.data.outsideWindow
          ? `补报（已超过统计时限，不计入事故等级，不产生报告义务）：${casualtyText(event.data.casualties)}`
          : `续报：${casualtyText(event.data.casualties)}`,
      ];
      if (event.data.directLossYuan !== null) parts.push(`直接经济损失约 ${formatYuan(event.data.directLossYuan)}`);
      if (event.data.measures) parts.push(`已采取措施：${event.data.measures}`);
      if (event.data.description) parts.push(event.data.description);
      return parts.join('；');
    }
    case 'AccidentGradeChanged':
      return `事故等级由${GRADE_LABELS[event.data.from]}${event.data.rose ? '升为' : '调整为'}${GRADE_LABELS[event.data.to]}${event.data.rose ? '，须按新等级重新上报' : ''}`;
    case 'IncidentClosed':
      return `响应终止（终报）：${event.data.summary}`;
    case 'ResponseLevelSet':
      return `${event.data.from ? `响应级别由${RESPONSE_LEVEL_LABELS[event.data.from]}调整为` : '启动'}${RESPONSE_LEVEL_LABELS[event.data.level]}；理由：${event.data.reason}`;
    case 'ReportPassedUp':
      return `向${REPORT_LEVEL_LABELS[event.data.toLevel]}上报（${channelText(event.data.channel)}）${
        event.data.recipient ? `，接收人 ${event.data.recipient.unit} ${event.data.recipient.name}` : ''
      }`;
    case 'PartyNotified':
      return `通知${NOTIFICATION_PARTY_LABELS[event.data.party]}（${channelText(event.data.channel)}）${
        event.data.recipient ? `，接收人 ${event.data.recipient.unit} ${event.data.recipient.name}` : ''
      }`;
    case 'ObligationWrittenOff':
      return `核销${obligationText(event.data.obligationId)}；理由：${event.data.reason}`;
    case 'TeamAssigned':
      return `${event.data.simulated ? '【演练·模拟】' : ''}调派队伍：${event.data.teamName}${event.data.task ? `，任务：${event.data.task}` : ''}`;
    case 'AssignedTeamStatusChanged':
      return `${event.data.teamName}：${TEAM_STATUS_TEXT[event.data.status] ?? event.data.status}`;
    case 'PlanActivated':
      return `启动预案：《${event.data.plan.title}》第 ${event.data.plan.version} 版，${RESPONSE_LEVEL_LABELS[event.data.level]}`;
    case 'ChecklistTasksAdded':
      return `${RESPONSE_LEVEL_LABELS[event.data.level]}处置任务 ${event.data.tasks.length} 项列入任务清单：${event.data.tasks.map((t) => `${t.group}·${t.title}`).join('；')}`;
    case 'ChecklistTaskCompleted':
      return `完成任务：${event.data.title}${event.data.note ? `；${event.data.note}` : ''}`;
    case 'DrillAllocationRecorded':
      return `【演练·模拟】调拨物资：${itemsText(event.data.items)}（不动用真实库存）`;
    case 'LateDispatchWithdrawn':
      return `响应终止后到达的调派已撤回：${event.data.teamName}（${event.data.reason}）`;
    case 'LateAllocationCancelled':
      return `响应终止后到达的物资调拨已取消：${itemsText(event.data.items)}（${event.data.reason}）`;
    default: {
      const unknownEvent: never = event;
      return String(unknownEvent);
    }
  }
}

/** The two warehouse events of an allocation to an incident (their shape is the warehouse context's event contract). */
export type TimelineAllocationEvent =
  | {
      type: 'StockAllocated';
      data: {
        warehouseId: string;
        allocationId: string;
        incidentId: string;
        items: { materialCode: string; quantity: number }[];
        allocatedAt: string;
      };
    }
  | {
      type: 'AllocationStatusChanged';
      data: {
        warehouseId: string;
        allocationId: string;
        incidentId: string;
        from?: string;
        status: string;
        reason?: string | null;
        at: string;
      };
    };

const ALLOCATION_STATUS_TEXT: Readonly<Record<string, string>> = {
  shipped: '已出库',
  delivered: '已送达',
  cancelled: '已取消',
};

/** An allocation's line in the log: what was reserved for the incident, then each step it took. */
export function summarizeAllocationEvent(event: TimelineAllocationEvent): string {
  const ref = `调拨单 ${event.data.allocationId.slice(0, 8)}`;
  if (event.type === 'StockAllocated') return `物资调拨（已预留）：${itemsText(event.data.items)}（${ref}）`;
  const status = ALLOCATION_STATUS_TEXT[event.data.status] ?? event.data.status;
  return `物资调拨${status}（${ref}）${event.data.reason ? `；${event.data.reason}` : ''}`;
}

/**
 * The three consultation events (their shape is the expert context's event contract): an expert invited to the
 * incident, then their answer. The expert's name and specialties are in the invitation, as they were then.
 */
export type TimelineConsultationEvent =
  | {
      type: 'ExpertInvited';
      data: {
        consultationId: string;
        incidentId: string;
        expertId: string;
        expertName: string;
        specialtyLabels: string[];
        mode: string;
        topic: string;
      };
    }
  | {
      type: 'ConsultationAccepted' | 'ConsultationDeclined';
      data: { consultationId: string; incidentId: string; expertId: string; expertName: string; note: string | null };
    };

const CONSULTATION_MODE_TEXT: Readonly<Record<string, string>> = { on_site: '现场会商', remote: '远程会商' };

/** A consultation's line: 邀请专家张三（危险化学品）远程会商：…, then 专家张三接受/谢绝会商邀请. */
export function summarizeConsultationEvent(event: TimelineConsultationEvent): string {
  if (event.type === 'ExpertInvited') {
    const d = event.data;
    const specialties = d.specialtyLabels.length > 0 ? `（${d.specialtyLabels.join('、')}）` : '';
    return `邀请专家${d.expertName}${specialties}${CONSULTATION_MODE_TEXT[d.mode] ?? '会商'}：${d.topic}`;
  }
  const verb = event.type === 'ConsultationAccepted' ? '接受' : '谢绝';
  return `专家${event.data.expertName}${verb}会商邀请${event.data.note ? `：${event.data.note}` : ''}`;
}

/** The team context owns the statuses; the timeline only needs their Chinese words. */
const TEAM_STATUS_TEXT: Readonly<Record<string, string>> = {
  en_route: '出发途中',
  on_scene: '到达现场',
  returning: '返回途中',
  available: '归队待命',
  out_of_service: '暂停执勤',
};

function casualtyText(c: Casualties): string {
  const base = `死亡 ${c.deaths} 人，失踪 ${c.missing} 人，重伤（含急性工业中毒） ${c.seriousInjuries} 人，轻伤 ${c.minorInjuries} 人，被困 ${c.trapped} 人`;
  const more = [
    c.endangered !== undefined ? `涉险 ${c.endangered} 人` : '',
    c.evacuated !== undefined ? `紧急疏散 ${c.evacuated} 人` : '',
  ].filter(Boolean);
  return more.length > 0 ? `${base}，${more.join('，')}` : base;
}

function formatYuan(yuan: number): string {
  return yuan >= 10_000
    ? `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`
    : `${yuan} 元`;
}

const CHANNEL_TEXT: Readonly<Record<string, string>> = {
  phone: '电话',
  fax: '传真',
  system: '信息系统',
  document: '书面',
};

/** The channels the console offers by name; anything else is what the user typed. */
function channelText(channel: string): string {
  return CHANNEL_TEXT[channel] ?? channel;
}

/**
 * An obligation as the log names it, from its id (`<kind>:<level or party>:<n>`), so the timeline never shows a code:
 * "逐级上报（设区的市级）", "通知（公安机关）".
 */
function obligationText(obligationId: string): string {
  const [kind, target] = obligationId.split(':');
  const kindText = (OBLIGATION_KIND_LABELS as Readonly<Record<string, string>>)[kind ?? ''] ?? '报告义务';
  const targetText =
    (REPORT_LEVEL_LABELS as Readonly<Record<string, string>>)[target ?? ''] ??
    (NOTIFICATION_PARTY_LABELS as Readonly<Record<string, string>>)[target ?? ''];
  return targetText ? `${kindText}（${targetText}）` : kindText;
}

/** Supplies as the log names them: the catalogue's name and unit ("重型防化服 6 套"). */
function itemsText(items: readonly { materialCode: string; quantity: number }[]): string {
  return items.map((i) => materialQuantityText(i.materialCode, i.quantity)).join('，');
}

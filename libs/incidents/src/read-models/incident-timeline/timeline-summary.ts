import { GRADE_LABELS } from '../../domain/incident/accident-grade';
import { REPORT_LEVEL_LABELS } from '../../domain/incident/reporting-deadlines';
import type { IncidentEvent } from '../../domain/incident/incident.events';
import { RESPONSE_LEVEL_LABELS, type Casualties } from '../../domain/incident/incident.types';

/** One Chinese line per event, as a duty officer would write it in the log (值班记录). */
export function summarizeIncidentEvent(event: IncidentEvent): string {
  switch (event.type) {
    case 'IncidentReported':
      return `接报：${event.data.title}（${GRADE_LABELS[event.data.grade]}）；${casualtyText(event.data.casualties)}；报告人 ${event.data.reporter.name}（${event.data.reporter.organization}）`;
    case 'SituationUpdated': {
      const parts = [`续报：${casualtyText(event.data.casualties)}`];
      if (event.data.directLossYuan !== null) parts.push(`直接经济损失约 ${formatYuan(event.data.directLossYuan)}`);
      if (event.data.measures) parts.push(`已采取措施：${event.data.measures}`);
      if (event.data.description) parts.push(event.data.description);
      return parts.join('；');
    }
    case 'AccidentGradeChanged':
      return `事故等级由${GRADE_LABELS[event.data.from]}${event.data.rose ? '升为' : '调整为'}${GRADE_LABELS[event.data.to]}${event.data.rose ? '，须按新等级重新上报' : ''}`;
    case 'IncidentClosed':
      return `结案：${event.data.summary}`;
    case 'ResponseLevelSet':
      return `${event.data.from ? `响应级别由${RESPONSE_LEVEL_LABELS[event.data.from]}调整为` : '启动'}${RESPONSE_LEVEL_LABELS[event.data.level]}（决定人：${event.data.decidedBy}）；理由：${event.data.reason}`;
    case 'ReportPassedUp':
      return `向${REPORT_LEVEL_LABELS[event.data.toLevel]}上报（${event.data.channel}），报告人 ${event.data.reportedBy}`;
    case 'TeamAssigned':
      return `${event.data.simulated ? '【演练·模拟】' : ''}调派队伍：${event.data.teamName}${event.data.task ? `，任务：${event.data.task}` : ''}`;
    case 'AssignedTeamStatusChanged':
      return `${event.data.teamName}：${TEAM_STATUS_TEXT[event.data.status] ?? event.data.status}`;
    case 'PlanActivated':
      return `启动预案：《${event.data.plan.title}》第 ${event.data.plan.version} 版，${RESPONSE_LEVEL_LABELS[event.data.level]}（决定人：${event.data.activatedBy}）`;
    case 'ChecklistTasksAdded':
      return `${RESPONSE_LEVEL_LABELS[event.data.level]}处置任务 ${event.data.tasks.length} 项列入任务清单：${event.data.tasks.map((t) => `${t.group}·${t.title}`).join('；')}`;
    case 'ChecklistTaskCompleted':
      return `完成任务：${event.data.title}（${event.data.completedBy}）${event.data.note ? `；${event.data.note}` : ''}`;
    case 'DrillAllocationRecorded':
      return `【演练·模拟】调拨物资：${event.data.items.map((i) => `${i.materialCode} × ${i.quantity}`).join('，')}（不动用真实库存）`;
    case 'LateDispatchWithdrawn':
      return `结案后到达的调派已撤回：${event.data.teamName}（${event.data.reason}）`;
    case 'LateAllocationCancelled':
      return `结案后到达的物资调拨已取消：${event.data.items.map((i) => `${i.materialCode} × ${i.quantity}`).join('，')}（${event.data.reason}）`;
    default: {
      const unknownEvent: never = event;
      return String(unknownEvent);
    }
  }
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
  return `死亡 ${c.deaths} 人，失踪 ${c.missing} 人，重伤 ${c.seriousInjuries} 人，轻伤 ${c.minorInjuries} 人，被困 ${c.trapped} 人`;
}

function formatYuan(yuan: number): string {
  return yuan >= 10_000
    ? `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`
    : `${yuan} 元`;
}

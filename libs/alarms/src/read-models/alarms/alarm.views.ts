import { DEFAULT_TIME_ZONE, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import type {
  AlarmKind,
  AlarmResolution,
  AlarmSeverity,
  AlarmStatus,
  AlarmView,
  EscalationLevel,
} from '../../contract';
import { ESCALATION_LABELS } from '../../domain/alarm/escalation';
import type { AlarmRow } from './alarm.entity';

export type { AlarmView } from '../../contract';

export const ALARM_KIND_LABELS: Record<AlarmKind, string> = {
  deadline: '报告时限',
  roll_call: '点名',
  stock: '物资库存',
  warning: '预警',
  monitoring: '监测',
  hidden_hazard: '隐患',
};
export const ALARM_SEVERITY_LABELS: Record<AlarmSeverity, string> = {
  critical: '紧急',
  major: '重要',
  minor: '一般',
};
export const ALARM_STATUS_LABELS: Record<AlarmStatus, string> = {
  raised: '未确认',
  acknowledged: '已确认',
  resolved: '已解除',
};
export const ALARM_RESOLUTION_LABELS: Record<AlarmResolution, string> = {
  obligation_met: '已报告或已核销',
  deadline_passed: '时限已过，转为逾期告警',
  incident_closed: '事故已结束',
  obligation_gone: '该报告义务已不存在',
  roll_call_answered: '点名已应答',
  roll_call_closed: '点名已结束',
  stock_restored: '库存已恢复至最低储备以上',
  batch_cleared: '临期或过期批次已处理',
  superseded: '已由过期告警取代',
  warning_lifted: '预警已解除',
  warning_expired: '预警已过期',
  cause_ended: '告警原因已消除',
  reading_normal: '监测值已恢复正常',
  sensor_online: '传感器已恢复在线',
  sensor_removed: '传感器已停用',
  hazard_rectified: '隐患已整改',
};

export function toAlarmView(row: AlarmRow, jurisdictions: JurisdictionRegistry): AlarmView {
  const zone = jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
  const at = (d: Date | null) => (d ? toZonedIso(d, zone) : null);
  const level = row.escalationLevel as EscalationLevel;
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: ALARM_KIND_LABELS[row.kind] ?? row.kind,
    severity: row.severity,
    severityLabel: ALARM_SEVERITY_LABELS[row.severity],
    status: row.status,
    statusLabel: ALARM_STATUS_LABELS[row.status],
    title: row.title,
    message: row.message,
    jurisdiction: row.jurisdiction,
    jurisdictionName: jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
    subject: { type: row.subjectType, id: row.subjectId },
    raisedAt: toZonedIso(row.raisedAt, zone),
    dueAt: at(row.dueAt),
    acknowledgedAt: at(row.acknowledgedAt),
    acknowledgedBy:
      row.acknowledgedById !== null ? { id: row.acknowledgedById, name: row.acknowledgedByName ?? '' } : null,
    acknowledgementNote: row.acknowledgementNote,
    escalation: { level, label: ESCALATION_LABELS[level], at: at(row.escalatedAt) },
    resolvedAt: at(row.resolvedAt),
    resolution: row.resolution,
    resolutionLabel: row.resolution ? ALARM_RESOLUTION_LABELS[row.resolution] : null,
    urgency: row.urgency,
    revision: row.revision,
    position: row.position,
  };
}

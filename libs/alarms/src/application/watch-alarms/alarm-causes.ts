import type { IncidentView } from '@app/incidents/contract';
import type { RollCallView } from '@app/duty/contract';
import type { WarehouseView } from '@app/warehouses/contract';
import type { WarningView } from '@app/warnings/contract';
import type { AlarmKind, AlarmResolution } from '../../contract';
import type { AlarmRaised } from '../../domain/alarm/alarm.events';

/** A cause the watch sees now: the alarm it raises (its id is derived from `sourceKey`). */
export type AlarmCause = Omit<AlarmRaised['data'], 'alarmId' | 'raisedAt'>;

/**
 * The state of the sources the watch reads on one tick (each source's own views, real data only). Absence from a list
 * is read as "the cause ended", so each list must be complete for the alarms it can end: `incidents` holds every real
 * incident that still owes a report whatever its status, and the watch adds by id every subject of an open alarm that
 * a bounded list (roll calls, warnings) left out.
 */
export interface AlarmSourcesSnapshot {
  now: Date;
  /** Real incidents that owe a report (open or after 响应终止), and those of open deadline alarms, looked up by id. */
  incidents: readonly IncidentView[];
  rollCalls: readonly RollCallView[];
  warehouses: readonly WarehouseView[];
  warningsInForce: readonly WarningView[];
}

const MINUTE = 60_000;
const DUE_WINDOW_MINUTES = 10;

/**
 * Every alarm cause present in the sources now. Pure: the watch compares it with the open alarms to raise what is new
 * and resolve what ended. Drill data never reaches it (the sources are read without drills).
 */
export function causesOf(snapshot: AlarmSourcesSnapshot): AlarmCause[] {
  return [
    ...snapshot.incidents.flatMap((incident) => deadlineCauses(incident, snapshot.now)),
    ...snapshot.rollCalls.flatMap(rollCallCauses),
    ...snapshot.warehouses.flatMap((warehouse) => stockCauses(warehouse, snapshot.now)),
    ...snapshot.warningsInForce.filter((w) => w.drillId === null).map(warningCause),
  ];
}

/**
 * 报告时限: due 10 minutes before, overdue after; a met, late or written-off obligation raises nothing. The incident's
 * status plays no part: the 终报 and any 补报 are owed after 响应终止 too (docs/domain.md).
 */
function deadlineCauses(incident: IncidentView, now: Date): AlarmCause[] {
  if (incident.drillId) return [];
  const causes: AlarmCause[] = [];
  for (const o of incident.deadlines) {
    if (o.status !== 'pending' && o.status !== 'overdue') continue;
    const left = Date.parse(o.dueAt) - now.getTime();
    const overdue = left < 0;
    if (!overdue && left > DUE_WINDOW_MINUTES * MINUTE) continue;
    const what = o.partyLabel ? `通知${o.partyLabel}` : `向${o.levelLabel ?? ''}上报`;
    causes.push({
      sourceKey: `deadline:${incident.id}:${o.id}:${overdue ? 'overdue' : 'due'}`,
      kind: 'deadline',
      severity: overdue ? 'critical' : 'major',
      jurisdiction: incident.jurisdiction,
      title: overdue ? `${what}已逾期` : `${what}时限将至`,
      message: overdue
        ? `「${incident.title}」${what}已超过时限（${o.basis}），请立即报告或说明核销理由`
        : `「${incident.title}」须在 ${DUE_WINDOW_MINUTES} 分钟内${what}（${o.basis}）`,
      subject: { type: 'incident', id: incident.id },
      dueAt: new Date(o.dueAt).toISOString(),
    });
  }
  return causes;
}

/** 点名: each called watch that has not answered yet; a watch that missed it alarms the calling jurisdiction. */
function rollCallCauses(call: RollCallView): AlarmCause[] {
  const causes: AlarmCause[] = [];
  for (const target of call.targets) {
    if (target.status === 'pending' && call.open) {
      causes.push({
        sourceKey: `roll_call:${call.id}:${target.jurisdiction}:pending`,
        kind: 'roll_call',
        severity: 'major',
        jurisdiction: target.jurisdiction,
        title: `${call.jurisdictionName}点名待应答`,
        message: `${call.jurisdictionName}点名「${call.message}」，请在 ${call.ackWithinMinutes} 分钟内应答`,
        subject: { type: 'roll_call', id: call.id },
        dueAt: new Date(call.dueAt).toISOString(),
      });
    }
    if (target.status === 'missed') {
      causes.push({
        sourceKey: `roll_call:${call.id}:${target.jurisdiction}:missed`,
        kind: 'roll_call',
        severity: 'major',
        jurisdiction: call.jurisdiction,
        title: `${target.jurisdictionName}未按时应答点名`,
        message: `${target.jurisdictionName}未在 ${call.ackWithinMinutes} 分钟内应答点名「${call.message}」，请电话核实值守情况`,
        subject: { type: 'roll_call', id: call.id },
        dueAt: new Date(call.dueAt).toISOString(),
      });
    }
  }
  return causes;
}

/** 物资: a line below its minimum reserve, a batch near or past its expiry. */
function stockCauses(warehouse: WarehouseView, now: Date): AlarmCause[] {
  const causes: AlarmCause[] = [];
  for (const line of warehouse.stock) {
    const base = {
      kind: 'stock' as const,
      severity: 'minor' as const,
      jurisdiction: warehouse.jurisdiction,
      subject: { type: 'warehouse', id: warehouse.id },
    };
    if (line.belowMinimum) {
      causes.push({
        ...base,
        sourceKey: `stock:${warehouse.id}:${line.materialCode}:below_minimum`,
        title: `${line.materialName}低于最低储备`,
        message: `${warehouse.name}的${line.materialName}可用 ${line.available}${line.unit}，低于最低储备 ${line.minimum}${line.unit}`,
        dueAt: null,
      });
    }
    const expired = line.nearestExpiry !== null && Date.parse(line.nearestExpiry) <= now.getTime();
    if (expired || line.nearExpiry) {
      const date = line.nearestExpiry!.slice(0, 10);
      causes.push({
        ...base,
        sourceKey: `stock:${warehouse.id}:${line.materialCode}:${expired ? 'expired' : 'expiring'}`,
        title: expired ? `${line.materialName}有过期批次` : `${line.materialName}临近有效期`,
        message: expired
          ? `${warehouse.name}的${line.materialName}有批次已于 ${date} 过期，请报废或更换`
          : `${warehouse.name}的${line.materialName}最近一批将于 ${date} 到期，请安排轮换`,
        dueAt: new Date(line.nearestExpiry!).toISOString(),
      });
    }
  }
  return causes;
}

/** 预警: a warning in force in the jurisdiction. */
function warningCause(warning: WarningView): AlarmCause {
  return {
    sourceKey: `warning:${warning.id}:in_force`,
    kind: 'warning',
    severity: warning.level === 'red' || warning.level === 'orange' ? 'major' : 'minor',
    jurisdiction: warning.jurisdiction,
    title: `${warning.levelLabel}${warning.hazard}生效中`,
    message: warning.message,
    subject: { type: 'warning', id: warning.id },
    dueAt: new Date(warning.expires).toISOString(),
  };
}

/** A subject of an open alarm that the snapshot's lists do not hold: the watch looks it up by id. */
export interface UnseenSubject {
  kind: 'deadline' | 'roll_call' | 'warning';
  id: string;
}

/**
 * The subjects of these open alarms (their source keys) absent from the snapshot, each once. Absence from a bounded
 * list (the newest roll calls, a page of warnings) says nothing about whether a cause ended, so the watch reads each of
 * these by id before it decides. Stock is read whole and needs no look-up.
 */
export function unseenSubjects(snapshot: AlarmSourcesSnapshot, openSourceKeys: readonly string[]): UnseenSubject[] {
  const seen = new Set([
    ...snapshot.incidents.map((i) => `deadline:${i.id}`),
    ...snapshot.rollCalls.map((c) => `roll_call:${c.id}`),
    ...snapshot.warningsInForce.map((w) => `warning:${w.id}`),
  ]);
  const unseen: UnseenSubject[] = [];
  for (const key of openSourceKeys) {
    const [kind, id] = key.split(':') as [string, string];
    if (kind !== 'deadline' && kind !== 'roll_call' && kind !== 'warning') continue;
    if (seen.has(`${kind}:${id}`)) continue;
    seen.add(`${kind}:${id}`);
    unseen.push({ kind, id });
  }
  return unseen;
}

/**
 * Why an open alarm whose cause is no longer seen has ended, from its source key and the same snapshot; undefined when
 * it stays (a missed roll call is a fact the calling watch must take in hand: acknowledged, never resolved by itself).
 */
export function endedBecause(
  sourceKey: string,
  snapshot: AlarmSourcesSnapshot,
  warningStatus: (id: string) => string | undefined,
): AlarmResolution | undefined {
  // `<kind>:<subject>:<part>:<phase>`; the part (an obligation id) may itself hold colons.
  const parts = sourceKey.split(':');
  const [kind, subjectId] = parts as [AlarmKind, string];
  const part = parts.slice(2, -1).join(':');
  const phase = parts[parts.length - 1];
  switch (kind) {
    case 'deadline': {
      const incident = snapshot.incidents.find((i) => i.id === subjectId);
      const obligation = incident?.deadlines.find((o) => o.id === part);
      // Only when the obligation itself is gone (the incident no longer exists, or no longer owes it); a closed
      // incident keeps its obligations and they end only when met, late-met or written off.
      if (!incident || !obligation) return 'obligation_gone';
      if (obligation.status === 'overdue' || obligation.status === 'pending')
        return phase === 'due' ? 'deadline_passed' : undefined;
      return 'obligation_met';
    }
    case 'roll_call': {
      if (phase === 'missed') return undefined;
      const target = snapshot.rollCalls.find((c) => c.id === subjectId)?.targets.find((t) => t.jurisdiction === part);
      return target?.status === 'answered' ? 'roll_call_answered' : 'roll_call_closed';
    }
    case 'stock': {
      if (phase === 'below_minimum') return 'stock_restored';
      // A batch that went from near expiry to expired was not handled: the expired alarm takes the expiring one's place.
      const line = snapshot.warehouses.find((w) => w.id === subjectId)?.stock.find((l) => l.materialCode === part);
      const expiredNow = line?.nearestExpiry != null && Date.parse(line.nearestExpiry) <= snapshot.now.getTime();
      return phase === 'expiring' && expiredNow ? 'superseded' : 'batch_cleared';
    }
    case 'warning':
      return warningStatus(subjectId) === 'lifted' ? 'warning_lifted' : 'warning_expired';
    default:
      return 'cause_ended';
  }
}

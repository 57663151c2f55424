import { DEFAULT_TIME_ZONE, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import type { CapSource } from '../../domain/cap/cap-alert';
import {
  WARNING_ACTION_LABELS,
  WARNING_CHANNEL_LABELS,
  WARNING_LEVEL_LABELS,
  WARNING_STATUS_LABELS,
  warningStatusAt,
} from '../../domain/warning/warning.types';
import type { WarningView } from '../../contract';
import type { WarningBoardRow } from './warning-board.entity';

export type { WarningView } from '../../contract';

export function toWarningView(row: WarningBoardRow, jurisdictions: JurisdictionRegistry, now: Date): WarningView {
  const zone = jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
  const status = warningStatusAt(row.status, row.expires, now);
  return {
    id: row.id,
    level: row.level,
    levelLabel: WARNING_LEVEL_LABELS[row.level],
    hazard: row.hazard,
    jurisdiction: row.jurisdiction,
    jurisdictionName: jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
    timeZone: zone,
    area: row.area,
    message: row.message,
    instruction: row.instruction,
    effective: toZonedIso(row.effective, zone),
    expires: toZonedIso(row.expires, zone),
    channels: row.channels,
    channelLabels: row.channels.map((c) => WARNING_CHANNEL_LABELS[c]),
    drillId: row.drillId,
    incidentId: row.incidentId,
    status,
    statusLabel: WARNING_STATUS_LABELS[status],
    liftReason: row.liftReason,
    liftedAt: row.liftedAt ? toZonedIso(row.liftedAt, zone) : null,
    issuedAt: toZonedIso(row.issuedAt, zone),
    updatedAt: toZonedIso(row.updatedAt, zone),
    messages: row.messages.map((m) => ({
      action: m.action,
      actionLabel: WARNING_ACTION_LABELS[m.action],
      msgType: m.msgType,
      sent: toZonedIso(m.sent, zone),
      actor: m.actor,
      reason: m.reason,
    })),
    revision: row.revision,
    position: row.position,
  };
}

export function toCapSource(row: WarningBoardRow, jurisdictions: JurisdictionRegistry): CapSource {
  const jurisdiction = jurisdictions.get(row.jurisdiction);
  return {
    warningId: row.id,
    jurisdiction: row.jurisdiction,
    jurisdictionName: jurisdiction?.name ?? row.jurisdiction,
    timeZone: jurisdiction?.timeZone ?? DEFAULT_TIME_ZONE,
    drillId: row.drillId,
    incidentId: row.incidentId,
    level: row.level,
    hazard: row.hazard,
    area: row.area,
    message: row.message,
    instruction: row.instruction,
    effective: row.effective.toISOString(),
    expires: row.expires.toISOString(),
    channels: row.channels,
    liftReason: row.liftReason,
    messages: row.messages.map((m) => ({ msgType: m.msgType, sent: m.sent })),
  };
}

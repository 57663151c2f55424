import { DEFAULT_TIME_ZONE, toZonedIso } from '@app/shared';
import { WARNING_LEVEL_LABELS, type GeoPoint, type WarningLevel } from '../warning/warning.types';
import type { WarningContent } from '../warning/warning.events';
import { capCategoriesOf } from './cap-category';
import type { CapAlert, CapCertainty, CapMsgType, CapSeverity, CapUrgency } from './cap.types';

/** One message of a warning's history: 发布 → Alert, 调整 → Update, 解除 → Cancel; `sent` is an ISO instant. */
export interface CapMessageRecord {
  msgType: Extract<CapMsgType, 'Alert' | 'Update' | 'Cancel'>;
  sent: string;
}

/** A warning as the read model holds it: what it says (as issued and adjusted), with the names CAP needs. */
export interface CapSource extends WarningContent {
  warningId: string;
  jurisdiction: string;
  jurisdictionName: string;
  timeZone?: string;
  drillId: string | null;
  incidentId: string | null;
  liftReason: string | null;
  /** Every message so far, oldest first; the last one is the message rendered. */
  messages: CapMessageRecord[];
}

/** Level → CAP severity (the four levels are the severity scale of 《突发事件应对法》: red = 特别严重 … blue = 一般). */
export const SEVERITY_OF_LEVEL: Readonly<Record<WarningLevel, CapSeverity>> = {
  red: 'Extreme',
  orange: 'Severe',
  yellow: 'Moderate',
  blue: 'Minor',
};

/**
 * Sender ids must be globally unique and contain no spaces, commas, `<` or `&` (CAP 3.2.1). The demo uses the
 * reserved `.invalid` domain (RFC 2606); a deployment passes its bureau's own domain.
 */
export const DEMO_SENDER_DOMAIN = 'emergency-command.invalid';
export const capSender = (jurisdiction: string, domain = DEMO_SENDER_DOMAIN): string =>
  `yjgl-${jurisdiction}@${domain}`;

/** Message n (1-based) of a warning; unique per sender because the warning id is a UUID. */
export const capIdentifier = (warningId: string, sequence: number): string => `${warningId}.${sequence}`;

/** CAP 1.2 dateTime: `YYYY-MM-DDThh:mm:ss±hh:mm`, no fractions, and UTC as `-00:00`, never `Z`. */
export function capTime(instant: string | Date, timeZone = DEFAULT_TIME_ZONE): string {
  const whole = new Date(Math.floor(new Date(instant).getTime() / 1000) * 1000);
  return toZonedIso(whole, timeZone).replace(/Z$/, '-00:00');
}

/** "lat,lng lat,lng …" as CAP 3.2.4 requires (WGS 84, first pair = last pair). */
export const capPolygon = (ring: readonly GeoPoint[]): string => ring.map((p) => `${p.lat},${p.lng}`).join(' ');

/**
 * Urgency is about when people must act, which the level alone does not say:
 * - Cancel → `Past` (解除: no action needed any more);
 * - not yet in force when sent: `Expected` if it starts within the hour (CAP: "within the next hour"), else `Future`;
 * - in force: red and orange ask for immediate protective action (`Immediate`); yellow and blue ask people to get
 *   ready (`Expected`).
 */
export function capUrgency(msgType: CapMsgType, level: WarningLevel, effective: string, sent: string): CapUrgency {
  if (msgType === 'Cancel') return 'Past';
  const lead = Date.parse(effective) - Date.parse(sent);
  if (lead > 60 * 60 * 1000) return 'Future';
  if (lead > 0) return 'Expected';
  return level === 'red' || level === 'orange' ? 'Immediate' : 'Expected';
}

/**
 * Certainty: a 预警 is released when an emergency "is about to happen or has become more likely" (《突发事件应对法》),
 * a forecast, so `Likely` (p > ~50%). A warning linked to a recorded incident describes something already
 * happening (a leak's plume, a fire spreading), so `Observed`.
 */
export const capCertainty = (incidentId: string | null): CapCertainty => (incidentId ? 'Observed' : 'Likely');

export interface CapOptions {
  senderDomain?: string;
}

export function toCapAlert(source: CapSource, options: CapOptions = {}): CapAlert {
  const zone = source.timeZone ?? DEFAULT_TIME_ZONE;
  const sender = capSender(source.jurisdiction, options.senderDomain);
  const sequence = source.messages.length;
  const current = source.messages[sequence - 1];
  if (!current) throw new Error(`warning ${source.warningId} has no message to render`);
  const earlier = source.messages
    .slice(0, -1)
    .map((m, i) => `${sender},${capIdentifier(source.warningId, i + 1)},${capTime(m.sent, zone)}`);
  const exercise = source.drillId !== null;
  const notes = [
    ...(exercise ? [`演练信息，非真实预警（演练编号 ${source.drillId}）`] : []),
    ...(current.msgType === 'Cancel' && source.liftReason ? [`解除原因：${source.liftReason}`] : []),
  ];
  const label = WARNING_LEVEL_LABELS[source.level];
  const headlines: Record<CapMessageRecord['msgType'], string> = {
    Alert: `${source.jurisdictionName}发布${source.hazard}${label}`,
    Update: `${source.jurisdictionName}调整${source.hazard}预警为${label}`,
    Cancel: `${source.jurisdictionName}解除${source.hazard}${label}`,
  };
  return {
    identifier: capIdentifier(source.warningId, sequence),
    sender,
    sent: capTime(current.sent, zone),
    status: exercise ? 'Exercise' : 'Actual',
    msgType: current.msgType,
    scope: 'Public',
    ...(notes.length > 0 ? { note: notes.join('；') } : {}),
    ...(earlier.length > 0 ? { references: earlier.join(' ') } : {}),
    ...(source.incidentId ? { incidents: source.incidentId } : {}),
    info: {
      language: 'zh-CN',
      category: capCategoriesOf(source.hazard),
      event: source.hazard,
      ...(current.msgType === 'Cancel' ? { responseType: 'AllClear' as const } : {}),
      urgency: capUrgency(current.msgType, source.level, source.effective, current.sent),
      severity: SEVERITY_OF_LEVEL[source.level],
      certainty: capCertainty(source.incidentId),
      effective: capTime(source.effective, zone),
      expires: capTime(source.expires, zone),
      senderName: `${source.jurisdictionName}应急管理局`,
      headline: `${exercise ? '【演练】' : ''}${headlines[current.msgType]}`,
      description: source.message,
      ...(source.instruction ? { instruction: source.instruction } : {}),
      parameter: [
        { valueName: 'warningLevel', value: source.level },
        ...(source.channels.length > 0 ? [{ valueName: 'channels', value: source.channels.join(' ') }] : []),
      ],
      area: {
        areaDesc: source.area.description,
        ...(source.area.polygon ? { polygon: capPolygon(source.area.polygon) } : {}),
        geocode: [{ valueName: 'GB/T 2260', value: source.jurisdiction }],
      },
    },
  };
}

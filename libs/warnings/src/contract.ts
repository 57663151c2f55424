/**
 * What the warnings context shows the outside world (预警信息): the views its HTTP API returns and the
 * `warning.issued` / `warning.changed` deltas carry. Pure types, shared with the console
 * (`import type` from `@app/warnings/contract`).
 */

/** 红色, 橙色, 黄色, 蓝色预警. */
export type WarningLevel = 'red' | 'orange' | 'yellow' | 'blue';
export type WarningChannel =
  'sms' | 'broadcast' | 'tv' | 'web' | 'app' | 'loudspeaker' | 'wechat' | 'weibo' | 'siren' | 'display';
/** As read now: an active warning past its expiry reads `expired`. */
export type WarningStatus = 'active' | 'lifted' | 'expired';
export type WarningAction = 'issued' | 'updated' | 'lifted';
/** The CAP message type each release was sent as. */
export type CapMsgType = 'Alert' | 'Update' | 'Cancel';

export interface WarningArea {
  description: string;
  polygon: { lat: number; lng: number }[] | null;
}

export interface WarningMessageView {
  action: WarningAction;
  actionLabel: string;
  msgType: CapMsgType;
  sent: string;
  actor: string | null;
  reason: string | null;
}

/** GET /warnings, GET /warnings/{id} and the `warning.issued` / `warning.changed` deltas. */
export interface WarningView {
  id: string;
  level: WarningLevel;
  levelLabel: string;
  hazard: string;
  jurisdiction: string;
  jurisdictionName: string;
  /** The jurisdiction's IANA zone: `effective`, `expires` and the history's times are written in it. */
  timeZone: string;
  area: WarningArea;
  message: string;
  instruction: string | null;
  effective: string;
  expires: string;
  channels: WarningChannel[];
  channelLabels: string[];
  drillId: string | null;
  incidentId: string | null;
  status: WarningStatus;
  statusLabel: string;
  liftReason: string | null;
  liftedAt: string | null;
  issuedAt: string;
  updatedAt: string;
  messages: WarningMessageView[];
  revision: number;
  position: string;
}

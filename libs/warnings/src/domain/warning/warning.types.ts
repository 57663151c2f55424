import type { WarningLevel, WarningChannel, WarningStatus, WarningAction } from '../../contract';

// The values the outside world sees are defined once, in the context's contract.
export type { WarningLevel, WarningChannel, WarningStatus, WarningAction } from '../../contract';

/**
 * Early warnings (预警, docs/domain.md rule 18; 《突发事件应对法》): four levels, red the highest, released for an area
 * through several channels, in force from `effective` until `expires` unless lifted (解除) earlier.
 */
export const WARNING_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const satisfies readonly WarningLevel[];

export const WARNING_LEVEL_LABELS: Readonly<Record<WarningLevel, string>> = {
  red: '红色预警',
  orange: '橙色预警',
  yellow: '黄色预警',
  blue: '蓝色预警',
};

/** 多渠道发布 (municipal plans: 预警信息发布): the release channels a bureau uses. */
export const WARNING_CHANNELS = [
  'sms',
  'broadcast',
  'tv',
  'web',
  'app',
  'loudspeaker',
  'wechat',
  'weibo',
  'siren',
  'display',
] as const satisfies readonly WarningChannel[];

export const WARNING_CHANNEL_LABELS: Readonly<Record<WarningChannel, string>> = {
  sms: '短信',
  broadcast: '广播',
  tv: '电视',
  web: '网站',
  app: '客户端',
  loudspeaker: '农村大喇叭',
  wechat: '微信',
  weibo: '微博',
  siren: '警报器',
  display: '电子显示屏',
};

/** `expired` is never stored: it is `expires` compared with the clock when someone reads. */
export const WARNING_STATUSES = ['active', 'lifted', 'expired'] as const satisfies readonly WarningStatus[];

export const WARNING_STATUS_LABELS: Readonly<Record<WarningStatus, string>> = {
  active: '生效中',
  lifted: '已解除',
  expired: '已过期',
};

/** What each message of a warning did: 发布 (CAP Alert), 调整 (Update), 解除 (Cancel). */
export const WARNING_ACTIONS = ['issued', 'updated', 'lifted'] as const satisfies readonly WarningAction[];

export const WARNING_ACTION_LABELS: Readonly<Record<WarningAction, string>> = {
  issued: '发布',
  updated: '调整',
  lifted: '解除',
};

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** The area warned: a description people read, and optionally a closed WGS 84 ring (first point = last). */
export interface WarningArea {
  description: string;
  polygon: GeoPoint[] | null;
}

export const WARNING_LIMITS = {
  hazard: 50,
  areaDescription: 500,
  polygonPoints: 500,
  message: 2000,
  instruction: 2000,
  reason: 500,
} as const;

export const warningStream = (warningId: string): string => `warning-${warningId}`;

/** The instant `status` reads as at `now`: lifted stays lifted; an active warning past `expires` is expired. */
export function warningStatusAt(stored: 'active' | 'lifted', expires: Date | string, now: Date): WarningStatus {
  if (stored === 'lifted') return 'lifted';
  return new Date(expires).getTime() <= now.getTime() ? 'expired' : 'active';
}

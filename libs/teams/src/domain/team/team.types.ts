import type { TeamKind, Specialty, TeamStatus } from '../../contract';

// The values and shapes the outside world sees are defined once, in the context's contract.
export type { TeamKind, Specialty, TeamStatus, GeoPoint, TeamBase, TeamContact } from '../../contract';

/**
 * Rescue forces (docs/domain.md rule 14): comprehensive fire-rescue teams are the main force, professional teams
 * coordinate, enterprise full-time and social/volunteer teams assist.
 */
export const TEAM_KINDS = [
  'fire_rescue',
  'professional',
  'enterprise',
  'social',
] as const satisfies readonly TeamKind[];

export const TEAM_KIND_LABELS: Readonly<Record<TeamKind, string>> = {
  fire_rescue: '综合性消防救援队伍',
  professional: '专业救援队伍',
  enterprise: '企业专职救援队伍',
  social: '社会应急力量',
};

export const SPECIALTIES = [
  'fire',
  'hazardous_chemicals',
  'mine_rescue',
  'flood',
  'water_search',
  'road_clearing',
  'power_repair',
  'comms_support',
  'medical',
  'structural_collapse',
  'environmental_monitoring',
] as const satisfies readonly Specialty[];

export const SPECIALTY_LABELS: Readonly<Record<Specialty, string>> = {
  fire: '灭火救援',
  hazardous_chemicals: '危险化学品处置',
  mine_rescue: '矿山救护',
  flood: '防汛抢险',
  water_search: '水域搜救',
  road_clearing: '道路抢通',
  power_repair: '电力抢修',
  comms_support: '通信保障',
  medical: '医疗救护',
  structural_collapse: '建筑坍塌搜救',
  environmental_monitoring: '环境监测',
};

export const TEAM_STATUSES = [
  'available',
  'dispatched',
  'en_route',
  'on_scene',
  'returning',
  'out_of_service',
  'in_drill',
] as const satisfies readonly TeamStatus[];

export const TEAM_STATUS_LABELS: Readonly<Record<TeamStatus, string>> = {
  available: '待命',
  dispatched: '已调派',
  en_route: '途中',
  on_scene: '到达现场',
  returning: '返回途中',
  out_of_service: '暂停执勤',
  in_drill: '参加演练',
};

/** Why a team left a live drill: recalled (e.g. for a real emergency) or the drill ended. */
export const DRILL_RELEASE_REASONS = ['recalled', 'drill_ended'] as const;
export type DrillReleaseReason = (typeof DRILL_RELEASE_REASONS)[number];

export const teamStream = (teamId: string): string => `team-${teamId}`;

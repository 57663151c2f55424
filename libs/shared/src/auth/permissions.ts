import type { Role } from './roles';

/**
 * The role matrix (docs/security.md prints it). Every endpoint names exactly one permission; a role holds a
 * permission when it is listed here. Commanders do everything duty officers do (docs/domain.md rule 28: duty officers report,
 * commanders decide and dispatch); drill coordinators read everything and run drills; admins manage users and
 * registries and read the audit trail.
 */
const EVERY_READER: readonly Role[] = ['duty_officer', 'commander', 'drill_coordinator', 'viewer', 'admin'];
const WATCH: readonly Role[] = ['duty_officer', 'commander'];

export const PERMISSIONS = {
  'incident.read': EVERY_READER,
  'incident.report': WATCH,
  'incident.update': WATCH,
  'incident.close': ['commander'],
  'incident.respond': ['commander'],
  'incident.report_up': WATCH,
  'incident.task': WATCH,
  'plan.read': EVERY_READER,
  'statistics.read': EVERY_READER,
  'evaluation.read': EVERY_READER,
  'evaluation.score': ['drill_coordinator'],
  // 复盘回放 (docs/domain.md rule 23): drill coordinators and commanders start and steer replays; reading a state is incident.read.
  'replay.run': ['drill_coordinator', 'commander'],
  'plan.manage': ['admin'],
  'plan.activate': ['commander'],
  'incident.audit': EVERY_READER,
  'jurisdiction.read': EVERY_READER,
  'team.read': EVERY_READER,
  'team.register': ['admin'],
  'team.dispatch': ['commander'],
  'team.status': WATCH,
  'warehouse.read': EVERY_READER,
  'warehouse.register': ['admin'],
  'warehouse.stock': ['admin'],
  'warehouse.allocate': ['commander'],
  'duty.read': EVERY_READER,
  // 排班: commanders and admins schedule any watch in scope; a duty officer only as the named leader (带班领导) of
  // the shift on duty, which the watch decides (403 NOT_SHIFT_LEADER otherwise).
  'duty.schedule': ['duty_officer', 'commander', 'admin'],
  'duty.handover': WATCH,
  'duty.rollcall': ['commander'],
  'duty.acknowledge': WATCH,
  'warning.read': EVERY_READER,
  // 告警中心 (docs/alarms.md): everyone who reads sees the alarms; the watch takes them in hand.
  'alarm.read': EVERY_READER,
  'alarm.acknowledge': WATCH,
  // 预警发布: duty officers keep the 24-hour watch and must release a warning the moment the authority decides
  // (《突发事件应对法》: warnings are released promptly), so they issue, adjust and lift as commanders do; viewers
  // and admins only read. Drill coordinators hold only `warning.issue_drill`: drill warnings (drillId set, CAP
  // status=Exercise) and nothing real, which the warnings decider enforces since only the body tells the kind.
  'warning.issue': WATCH,
  'warning.issue_drill': [...WATCH, 'drill_coordinator'],
  // 演练: drill coordinators plan, start, inject and end drills; commanders take part in a drill's simulated
  // dispatches and allocations (桌面推演) as they would in a real response. Nothing of a drill touches real teams or stock.
  'drill.read': EVERY_READER,
  'drill.run': ['drill_coordinator'],
  'drill.act': ['commander', 'drill_coordinator'],
  // 企业、重大危险源、在线监测 (docs/enterprises.md, docs/monitoring.md): everyone who reads sees the registers and the
  // readings; admins keep the registers (as they keep teams and warehouses) and issue the gateways' device keys.
  // Readings themselves come in with a device key, not a user's token.
  'enterprise.read': EVERY_READER,
  'enterprise.register': ['admin'],
  'enterprise.device_keys': ['admin'],
  'hazard_source.read': EVERY_READER,
  'hazard_source.register': ['admin'],
  'monitoring.read': EVERY_READER,
  'sensor.register': ['admin'],
  // 双重预防 (docs/hidden-hazards.md): the watch records hidden hazards found by an enterprise's self-inspection or an
  // inspection and follows their rectification; 挂牌督办, 验收 and 销号 are a government's decisions, taken by
  // commanders (the level they act for is their jurisdiction's level, which the supervision rules check).
  'hidden_hazard.read': EVERY_READER,
  'hidden_hazard.record': [...WATCH, 'admin'],
  'hidden_hazard.supervise': ['commander'],
  'hidden_hazard.verify': ['commander'],
  // 专家库与会商 (docs/experts.md): admins keep the library; the watch invites experts to an incident and records
  // their answer (given by phone), as it records every other call.
  'expert.read': EVERY_READER,
  'expert.register': ['admin'],
  'expert.consult': WATCH,
  // 应急避难场所 (docs/shelters.md): admins keep the register; the watch records how many people a shelter holds.
  'shelter.read': EVERY_READER,
  'shelter.register': ['admin'],
  'shelter.occupancy': WATCH,
  // 考核目标 (docs/targets.md): a bureau's leadership sets its targets and splits them to lower jurisdictions.
  'target.set': ['commander', 'admin'],
  // Ending one's own session and changing one's own password; renewing (POST /auth/refresh) is public and takes a
  // refresh token instead.
  'session.logout': EVERY_READER,
  'account.password': EVERY_READER,
  'user.manage': ['admin'],
  'audit.read': ['admin'],
  // Parked projection events (see their list, retry one after a fix): operations of the whole installation.
  'projection.admin': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function rolesAllow(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

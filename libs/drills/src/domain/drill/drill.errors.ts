import { domainError } from '@app/shared';
import { DRILL_STATUS_LABELS, type DrillStatus } from './drill.types';

// The drills context's error catalogue: each code, its status and its Chinese wording, declared once.
// DRILL_NOT_FOUND is answered by other contexts too (evaluation, replay, the drill-data guard), so it lives in the
// shared kernel next to the drill-participation port; it is offered here as well so drills code finds all its errors.
export { DrillNotFoundError } from '@app/shared';

export const DrillAlreadyPlannedError = domainError({
  code: 'DRILL_ALREADY_PLANNED',
  kind: 'conflict',
  message: '该演练已策划',
});

/** Start only a planned drill; inject and end only a running one. The detail names the state the drill is in. */
const statusWording = (status: DrillStatus) => `演练当前状态为「${DRILL_STATUS_LABELS[status]}」，不能执行该操作`;
const statusDetails = (status: DrillStatus) => ({ status });

export const DrillAlreadyStartedError = domainError({
  code: 'DRILL_ALREADY_STARTED',
  kind: 'conflict',
  message: statusWording,
  details: statusDetails,
});

export const DrillNotRunningError = domainError({
  code: 'DRILL_NOT_RUNNING',
  kind: 'conflict',
  message: statusWording,
  details: statusDetails,
});

export const InjectNotFoundError = domainError({
  code: 'INJECT_NOT_FOUND',
  kind: 'invalid',
  message: (index: number) => `演练脚本中没有第 ${index} 条注入`,
  details: (index) => ({ index }),
});

/** Only a live drill (实战演练) takes real teams out of service; a tabletop drill dispatches on paper. */
export const NotALiveDrillError = domainError({
  code: 'NOT_A_LIVE_DRILL',
  kind: 'rule',
  message: '只有实战演练可以抽调真实队伍参演（桌面演练请使用演练调派）',
});

export const TeamNotInDrillError = domainError({
  code: 'TEAM_NOT_IN_DRILL',
  kind: 'conflict',
  message: '该队伍不在本次演练中（已召回或未参演）',
  details: (teamId: string) => ({ teamId }),
});

/** Drill data (an inject's incident, a drill warning) lies in the drill's jurisdiction or below it. */
export const DrillJurisdictionMismatchError = domainError({
  code: 'DRILL_JURISDICTION_MISMATCH',
  kind: 'rule',
  message: (jurisdiction: string, drillJurisdiction: string) =>
    `辖区 ${jurisdiction} 不在演练所属辖区（${drillJurisdiction}）及其下级辖区内，不能作为本次演练的数据`,
  details: (jurisdiction, drillJurisdiction) => ({ jurisdiction, drillJurisdiction }),
});

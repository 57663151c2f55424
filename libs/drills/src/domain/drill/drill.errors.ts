import { DomainError } from '@app/shared';
import { DRILL_STATUS_LABELS, type DrillStatus } from './drill.types';

export class DrillNotFoundError extends DomainError {
  constructor() {
    super('DRILL_NOT_FOUND', 'not_found', '演练不存在');
  }
}

export class DrillAlreadyPlannedError extends DomainError {
  constructor() {
    super('DRILL_ALREADY_PLANNED', 'conflict', '该演练已策划');
  }
}

/** Start only a planned drill; inject and end only a running one. */
export class DrillStatusError extends DomainError {
  constructor(code: 'DRILL_ALREADY_STARTED' | 'DRILL_NOT_RUNNING', status: DrillStatus) {
    super(code, 'conflict', `演练当前状态为「${DRILL_STATUS_LABELS[status]}」，不能执行该操作`, { status });
  }
}

export class InjectNotFoundError extends DomainError {
  constructor(index: number) {
    super('INJECT_NOT_FOUND', 'invalid', `演练脚本中没有第 ${index} 条注入`, { index });
  }
}

/** Only a live drill (实战演练) takes real teams out of service; a tabletop drill dispatches on paper. */
export class NotALiveDrillError extends DomainError {
  constructor() {
    super('NOT_A_LIVE_DRILL', 'rule', '只有实战演练可以抽调真实队伍参演（桌面演练请使用演练调派）');
  }
}

export class TeamNotInDrillError extends DomainError {
  constructor(teamId: string) {
    super('TEAM_NOT_IN_DRILL', 'conflict', '该队伍不在本次演练中（已召回或未参演）', { teamId });
  }
}

/** Drill data (an inject's incident, a drill warning) lies in the drill's jurisdiction or below it. */
export class DrillJurisdictionMismatchError extends DomainError {
  constructor(jurisdiction: string, drillJurisdiction: string) {
    super('DRILL_JURISDICTION_MISMATCH', 'rule', `辖区 ${jurisdiction} 不在演练所属辖区（${drillJurisdiction}）及其下级辖区内，不能作为本次演练的数据`, { jurisdiction, drillJurisdiction });
  }
}

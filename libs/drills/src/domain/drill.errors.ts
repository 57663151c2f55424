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

export class ScenarioNotFoundError extends DomainError {
  constructor() {
    super('SCENARIO_NOT_FOUND', 'not_found', '情景不存在');
  }
}

export class ScenarioAlreadySavedError extends DomainError {
  constructor() {
    super('SCENARIO_ALREADY_SAVED', 'conflict', '该情景已存入情景库');
  }
}

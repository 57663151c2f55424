import { DomainError } from '@app/shared';

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

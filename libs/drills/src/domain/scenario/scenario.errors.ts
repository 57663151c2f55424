import { domainError } from '@app/shared';

// The scenario library's part of the drills context's error catalogue.

export const ScenarioNotFoundError = domainError({
  code: 'SCENARIO_NOT_FOUND',
  kind: 'not_found',
  message: '情景不存在',
});

export const ScenarioAlreadySavedError = domainError({
  code: 'SCENARIO_ALREADY_SAVED',
  kind: 'conflict',
  message: '该情景已存入情景库',
});

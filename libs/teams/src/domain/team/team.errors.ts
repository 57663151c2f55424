import { DomainError } from '@app/shared';
import { TEAM_STATUS_LABELS, type TeamStatus } from './team.types';

export class TeamNotFoundError extends DomainError {
  constructor() {
    super('TEAM_NOT_FOUND', 'not_found', '救援队伍不存在');
  }
}

export class TeamAlreadyRegisteredError extends DomainError {
  constructor() {
    super('TEAM_ALREADY_REGISTERED', 'conflict', '该救援队伍已登记');
  }
}

/** docs/api.md section 6: 409 TEAM_NOT_AVAILABLE when busy or out of service. */
export class TeamNotAvailableError extends DomainError {
  constructor(status: TeamStatus, incidentId: string | null) {
    super('TEAM_NOT_AVAILABLE', 'conflict', `队伍当前状态为「${TEAM_STATUS_LABELS[status]}」，不能调派`, { status, currentIncidentId: incidentId });
  }
}

export class IllegalTeamStatusError extends DomainError {
  constructor(from: TeamStatus, to: TeamStatus) {
    super('ILLEGAL_STATUS_TRANSITION', 'conflict', `队伍状态不能从「${TEAM_STATUS_LABELS[from]}」变为「${TEAM_STATUS_LABELS[to]}」`, { from, to });
  }
}

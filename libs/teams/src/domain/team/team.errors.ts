import { domainError } from '@app/shared';
import { TEAM_STATUS_LABELS, type TeamStatus } from './team.types';

// The teams context's error catalogue: each code, its status and its Chinese wording, declared once.

export const TeamNotFoundError = domainError({ code: 'TEAM_NOT_FOUND', kind: 'not_found', message: '救援队伍不存在' });

export const TeamAlreadyRegisteredError = domainError({
  code: 'TEAM_ALREADY_REGISTERED',
  kind: 'conflict',
  message: '该救援队伍已登记',
});

/** docs/api.md section 6: 409 TEAM_NOT_AVAILABLE when busy or out of service. */
export const TeamNotAvailableError = domainError({
  code: 'TEAM_NOT_AVAILABLE',
  kind: 'conflict',
  message: (status: TeamStatus, _incidentId: string | null) =>
    `队伍当前状态为「${TEAM_STATUS_LABELS[status]}」，不能调派`,
  details: (status, incidentId) => ({ status, currentIncidentId: incidentId }),
});

export const IllegalTeamStatusError = domainError({
  code: 'ILLEGAL_STATUS_TRANSITION',
  kind: 'conflict',
  message: (from: TeamStatus, to: TeamStatus) =>
    `队伍状态不能从「${TEAM_STATUS_LABELS[from]}」变为「${TEAM_STATUS_LABELS[to]}」`,
  details: (from, to) => ({ from, to }),
});

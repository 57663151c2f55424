import { domainError } from '@app/shared';

// The alarm centre's error catalogue.

export const AlarmNotFoundError = domainError({
  code: 'ALARM_NOT_FOUND',
  kind: 'not_found',
  message: '告警不存在',
});

/** A resolved alarm is history: its cause ended, there is nothing left to take in hand. */
export const AlarmResolvedError = domainError({
  code: 'ALARM_RESOLVED',
  kind: 'conflict',
  message: '告警已解除（原因已消除），无需再确认',
  details: (resolvedAt: string) => ({ resolvedAt }),
});

import { domainError } from '@app/shared';

/** A look-back longer than a day is no longer "possibly the same incident": the board and statistics serve that. */
export const NearbySinceTooEarlyError = domainError({
  code: 'NEARBY_SINCE_TOO_EARLY',
  kind: 'invalid',
  message: 'since 最早可为 24 小时前',
});

export const NEARBY_LOOK_BACK_LIMIT_MS = 24 * 3_600_000;
export const NEARBY_DEFAULT_LOOK_BACK_MS = 3_600_000;

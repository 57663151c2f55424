import { domainError } from '@app/shared';

// The replay context's error catalogue: each code, its status and its Chinese wording, declared once.
// A drill that is unknown or out of scope answers the shared DRILL_NOT_FOUND (`DrillNotFoundError` of @app/shared).

/** One user may not take the slots every other commander and coordinator shares. */
export const ReplayQuotaError = domainError({
  code: 'REPLAY_QUOTA_EXCEEDED',
  kind: 'conflict',
  message: (perUser: number) => `您正在进行的回放已达上限（${perUser} 个），请暂停其中一个或等待其播放结束`,
  details: (perUser) => ({ perUser }),
});

export const ReplayNotFoundError = domainError({
  code: 'REPLAY_NOT_FOUND',
  kind: 'not_found',
  message: '回放不存在或已过期',
});

/** Watching is open to everyone who may see the replay; steering it only to whoever started it. */
export const ReplayNotOwnerError = domainError({
  code: 'REPLAY_NOT_OWNER',
  kind: 'forbidden',
  message: '只有发起该回放的用户可以暂停、继续或跳转；您可以观看此回放',
});

export const NothingToReplayError = domainError({
  code: 'NOTHING_TO_REPLAY',
  kind: 'rule',
  message: '没有可回放的事件',
});

/** Each replay keeps its events in memory, so one replay holds at most `max` of them. */
export const ReplayTooLargeError = domainError({
  code: 'REPLAY_TOO_LARGE',
  kind: 'rule',
  message: (count: number, max: number) => `事件过多（${count} 条），单次回放至多 ${max} 条`,
});

/** Every slot of the process is taken by a running replay. */
export const TooManyReplaysError = domainError({
  code: 'TOO_MANY_REPLAYS',
  kind: 'conflict',
  message: (max: number) => `同时进行的回放已达上限（${max}），请暂停或等待其他回放结束`,
});

export const SeekOutOfRangeError = domainError({
  code: 'SEEK_OUT_OF_RANGE',
  kind: 'rule',
  message: '跳转时间须在回放记录的时间范围内',
  details: (from: string, to: string) => ({ from, to }),
});

/** A state-at query for a moment before the incident was reported (接报): there was no incident yet. */
export const BeforeReportError = domainError({
  code: 'BEFORE_REPORT',
  kind: 'rule',
  message: '该时刻事故尚未接报',
  details: (at: string, reportedAt: string | null) => ({ at, reportedAt }),
});

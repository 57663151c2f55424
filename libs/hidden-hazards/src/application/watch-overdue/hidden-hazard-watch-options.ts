export const HIDDEN_HAZARD_WATCH_OPTIONS = Symbol('HIDDEN_HAZARD_WATCH_OPTIONS');

/** The overdue watch's period and page size (HIDDEN_HAZARD_TICK_MS, HIDDEN_HAZARD_WATCH_PAGE_SIZE, docs/operations.md). */
export interface HiddenHazardWatchOptions {
  tickMs: number;
  /** Rows read from the register per query; the watch pages through all of them whatever the size. */
  pageSize?: number;
}

export const DEFAULT_HIDDEN_HAZARD_WATCH_PAGE_SIZE = 500;

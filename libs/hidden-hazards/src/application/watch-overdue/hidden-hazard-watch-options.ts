export const HIDDEN_HAZARD_WATCH_OPTIONS = Symbol('HIDDEN_HAZARD_WATCH_OPTIONS');

/** The overdue watch's period (HIDDEN_HAZARD_TICK_MS, docs/operations.md). */
export interface HiddenHazardWatchOptions {
  tickMs: number;
}

/** Nest injection tokens; the app provides the instances. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
export const LIVE_DELTA_BUS = Symbol('LIVE_DELTA_BUS');
export const SNAPSHOT_STORE = Symbol('SNAPSHOT_STORE');

/**
 * The share of 较大-and-above incidents a jurisdiction must stay under in a year (docs/domain.md rules 26 and 35).
 * Assessment targets live in a context that depends on this one, so this context declares the port and that one
 * provides it (SHARE_TARGETS) from a global module; without a provider every year falls back to the default 2%.
 */
export interface ShareTargets {
  /** The ceiling (a fraction, 0.02 = 2%) set for this jurisdiction and year, or null when none is set. */
  shareTarget(jurisdiction: string, year: number): Promise<number | null>;
}

export const SHARE_TARGETS = Symbol('SHARE_TARGETS');

export const NO_SHARE_TARGETS: ShareTargets = { shareTarget: () => Promise.resolve(null) };

/**
 * Replay timing (pure). A replay re-emits recorded events with the gaps between their recorded times divided by the
 * speed; a long quiet period (nobody recorded anything for hours) is cut to QUIET_CAP_MS of recorded time first, so
 * no single wait exceeds QUIET_CAP_MS / speed (10 s at ×1, 0.1 s at ×100).
 */
export const MIN_SPEED = 1;
export const MAX_SPEED = 100;
export const QUIET_CAP_MS = 10_000;

/** Real milliseconds to wait between replay time `fromMs` and the next event recorded at `toMs`. */
export function replayWaitMs(fromMs: number, toMs: number, speed: number): number {
  const gap = Math.min(Math.max(0, toMs - fromMs), QUIET_CAP_MS);
  return gap / speed;
}

/**
 * How many events (in log order) count as recorded by `atMs`: the longest prefix whose recorded times are all ≤ atMs.
 * A prefix, not a filter, so a state never holds a later event without an earlier one.
 */
export function prefixRecordedBy(recordedAtMs: readonly number[], atMs: number): number {
  let n = 0;
  while (n < recordedAtMs.length && recordedAtMs[n]! <= atMs) n++;
  return n;
}

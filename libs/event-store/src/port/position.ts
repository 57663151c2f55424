/**
 * A place in the global log. Both adapters order events by a pair of unsigned 64-bit numbers:
 * PostgreSQL uses (transaction id, global sequence) and KurrentDB (commit, prepare). Callers treat it as
 * opaque and ordered; its string form (`"<commit>/<prepare>"`) is what clients store and send back.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const START: Position = Object.freeze({ commit: 0n, prepare: 0n });

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function isAfter(a: Position, b: Position): boolean {
  return comparePositions(a, b) > 0;
}

export function maxPosition(a: Position, b: Position): Position {
  return comparePositions(a, b) >= 0 ? a : b;
}

export function formatPosition(p: Position): string {
  return `${p.commit}/${p.prepare}`;
}

const POSITION_TEXT = /^(\d{1,20})\/(\d{1,20})$/;
const U64_MAX = (1n << 64n) - 1n;

/** Parses the string form; returns undefined for anything that is not a well-formed position. */
export function parsePosition(text: string): Position | undefined {
  const match = POSITION_TEXT.exec(text);
  if (!match) return undefined;
  const commit = BigInt(match[1]!);
  const prepare = BigInt(match[2]!);
  if (commit > U64_MAX || prepare > U64_MAX) return undefined;
  return { commit, prepare };
}

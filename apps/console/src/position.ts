/**
 * Global positions as the server formats them (libs/event-store formatPosition): `<commit>/<prepare>`, two
 * unsigned 64-bit integers. Compared numerically, commit first.
 */
export function parsePosition(text: string | null | undefined): [bigint, bigint] | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{1,20})\/(\d{1,20})$/.exec(text);
  if (!m) return null;
  return [BigInt(m[1]!), BigInt(m[2]!)];
}

/** <0 when a is before b, 0 when equal, >0 after; an unparsable position counts as the oldest. */
export function comparePositions(a: string | null | undefined, b: string | null | undefined): number {
  const pa = parsePosition(a);
  const pb = parsePosition(b);
  if (!pa && !pb) return 0;
  if (!pa) return -1;
  if (!pb) return 1;
  if (pa[0] !== pb[0]) return pa[0] < pb[0] ? -1 : 1;
  if (pa[1] !== pb[1]) return pa[1] < pb[1] ? -1 : 1;
  return 0;
}

export function maxPosition(a: string | null, b: string | null | undefined): string | null {
  if (!b || !parsePosition(b)) return a;
  return comparePositions(a, b) >= 0 ? a : b;
}

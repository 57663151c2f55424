import { createHash } from 'node:crypto';
import { domainError } from '../errors/domain-error';

/**
 * Keyset cursors shared by every list of the API (docs/api.md, "Paging every list"; docs/adr/0015).
 *
 * A cursor is opaque to clients: the sort keys of the last row given, base64url, and a digest binding them to the list,
 * its order and the filters they were read with. An edited cursor, or one replayed under other filters (which would
 * start in the middle of another list), is refused with 400 `CURSOR_INVALID` before anything is read. The digest is a
 * check, not a secret: a cursor grants nothing, every page applies the caller's jurisdictions and filters again.
 */
export const CursorInvalidError = domainError<[]>({
  code: 'CURSOR_INVALID',
  kind: 'invalid',
  message: '分页游标无效：请从第一页重新查询（游标只能用于生成它的同一查询条件）',
});

/** How a key is checked when a cursor comes back, so that a forged key fails as a 400 rather than in the database. */
export type CursorKeyKind = 'bigint' | 'uuid' | 'text' | 'number' | 'instant';

/** A key as carried: decimal strings for numbers (bigints would lose digits as JSON numbers), null for a missing value. */
export type CursorKey = string | null;

/** What a cursor is bound to. */
export interface CursorBinding {
  /** The list and the cursor format's version, e.g. `board-cursor/1`: a cursor of one list is refused by another. */
  readonly list: string;
  /** The order read, carried in the cursor itself. */
  readonly order: string;
  /** Every filter but the page size, in a canonical form (the caller's scope is applied on every page instead). */
  readonly filterKey: string;
}

const INTEGER = /^-?\d{1,19}$/;
// PostgreSQL bigints: 19 digits can still overflow one, and the cast would then fail in the database.
const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,15})?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

const KIND_CHECKS: Record<CursorKeyKind, (key: string) => boolean> = {
  bigint: (k) => INTEGER.test(k) && BigInt(k) >= BIGINT_MIN && BigInt(k) <= BIGINT_MAX,
  uuid: (k) => UUID.test(k),
  text: (k) => k.length <= 400,
  number: (k) => NUMBER.test(k),
  instant: (k) => INSTANT.test(k) && !Number.isNaN(Date.parse(k)),
};

export function encodeCursor(binding: CursorBinding, keys: readonly CursorKey[]): string {
  const body = Buffer.from(JSON.stringify([binding.order, ...keys])).toString('base64url');
  return `${body}.${digest(binding, body)}`;
}

/**
 * The keys of a cursor made by `encodeCursor` with the same binding, each checked against its kind; `nullable` keys
 * (by position) may be null. Anything else is `CursorInvalidError`.
 */
export function decodeCursor(
  cursor: string,
  binding: CursorBinding,
  kinds: readonly CursorKeyKind[],
  nullable: readonly number[] = [],
): CursorKey[] {
  const [body, tag, extra] = cursor.split('.');
  if (!body || !tag || extra !== undefined || tag !== digest(binding, body)) throw new CursorInvalidError();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new CursorInvalidError();
  }
  if (!Array.isArray(parsed) || parsed[0] !== binding.order || parsed.length !== kinds.length + 1)
    throw new CursorInvalidError();
  const keys = parsed.slice(1) as unknown[];
  const valid = keys.every((key, i) =>
    key === null ? nullable.includes(i) : typeof key === 'string' && KIND_CHECKS[kinds[i]!](key),
  );
  if (!valid) throw new CursorInvalidError();
  return keys as CursorKey[];
}

function digest(binding: CursorBinding, body: string): string {
  return createHash('sha256').update(`${binding.list}|${binding.filterKey}|${body}`).digest('base64url').slice(0, 22);
}

/**
 * Compares two key tuples in the order every list pages by: each key ascending, numbers (`bigint`, `number`) by value,
 * everything else by code unit, null after any value (as PostgreSQL's `asc nulls last`). A list that wants a key
 * descending carries its negation or its reverse rank, so that "after the cursor" is always "greater".
 */
export function compareKeys(a: readonly CursorKey[], b: readonly CursorKey[], kinds: readonly CursorKeyKind[]): number {
  for (let i = 0; i < kinds.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const kind = kinds[i]!;
    const c = kind === 'bigint' ? cmp(BigInt(x), BigInt(y)) : kind === 'number' ? cmp(Number(x), Number(y)) : cmp(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

function cmp<T extends bigint | number | string>(x: T, y: T): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

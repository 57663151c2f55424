import { createHash } from 'node:crypto';
import { domainError } from '@app/shared';

/** The orders the board can be read in (docs/api.md, `GET /incidents`). */
export const BOARD_ORDERS = ['occurred', 'urgency'] as const;
export type BoardOrder = (typeof BOARD_ORDERS)[number];

/**
 * The last row of a page, by the keys of its order, as the database gives them (bigints as decimal strings), the id
 * last: `urgency` → [open rank, due µs, grade rank, minus received µs, id]; `occurred` → [minus occurred µs, id].
 */
export type BoardKeys = readonly string[];

export const BoardCursorInvalidError = domainError<[]>({
  code: 'CURSOR_INVALID',
  kind: 'invalid',
  message: '分页游标无效：请从第一页重新查询（游标只能用于生成它的同一查询条件）',
});

const KEY_COUNT: Record<BoardOrder, number> = { urgency: 5, occurred: 2 };
const INTEGER = /^-?\d{1,19}$/;
// The keys are PostgreSQL bigints; 19 digits can still overflow one, and the cast would fail in the database.
const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;
const isBigint = (k: unknown): boolean =>
  typeof k === 'string' && INTEGER.test(k) && BigInt(k) >= BIGINT_MIN && BigInt(k) <= BIGINT_MAX;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A cursor is opaque to clients: the keys of the last row given, and a digest binding them to the order and filter
 * they were read with. An edited cursor, or one from another filter, is refused with 400 instead of silently
 * starting somewhere else. The digest is a check, not a secret: a cursor grants nothing, every page applies the
 * caller's jurisdictions and filters again.
 */
export function encodeCursor(order: BoardOrder, filterKey: string, keys: BoardKeys): string {
  const body = Buffer.from(JSON.stringify([order, ...keys])).toString('base64url');
  return `${body}.${digest(body, filterKey)}`;
}

export function decodeCursor(cursor: string, order: BoardOrder, filterKey: string): BoardKeys {
  const [body, tag, extra] = cursor.split('.');
  if (!body || !tag || extra !== undefined || tag !== digest(body, filterKey)) throw new BoardCursorInvalidError();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new BoardCursorInvalidError();
  }
  if (!Array.isArray(parsed) || parsed[0] !== order || parsed.length !== KEY_COUNT[order] + 1)
    throw new BoardCursorInvalidError();
  const keys = parsed.slice(1) as unknown[];
  const id = keys[keys.length - 1];
  const numbers = keys.slice(0, -1);
  if (typeof id !== 'string' || !UUID.test(id)) throw new BoardCursorInvalidError();
  if (!numbers.every(isBigint)) throw new BoardCursorInvalidError();
  return keys as string[];
}

function digest(body: string, filterKey: string): string {
  return createHash('sha256').update(`board-cursor/1|${filterKey}|${body}`).digest('base64url').slice(0, 22);
}

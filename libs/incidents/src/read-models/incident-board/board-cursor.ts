import { CursorInvalidError, decodeCursor as decodeKeys, encodeCursor as encodeKeys } from '@app/shared';
import type { CursorKeyKind } from '@app/shared';

/** The orders the board can be read in (docs/api.md, `GET /incidents`). */
export const BOARD_ORDERS = ['occurred', 'urgency'] as const;
export type BoardOrder = (typeof BOARD_ORDERS)[number];

/**
 * The last row of a page, by the keys of its order, as the database gives them (bigints as decimal strings), the id
 * last: `urgency` → [open rank, due µs, grade rank, minus received µs, id]; `occurred` → [minus occurred µs, id].
 */
export type BoardKeys = readonly string[];

/** The shared `CURSOR_INVALID` error, under the name the board has always used. */
export const BoardCursorInvalidError = CursorInvalidError;

const KEY_KINDS: Record<BoardOrder, readonly CursorKeyKind[]> = {
  urgency: ['bigint', 'bigint', 'bigint', 'bigint', 'uuid'],
  occurred: ['bigint', 'uuid'],
};

// The board's cursors keep their original digest prefix, so a link handed out before the codec was shared still works.
const LIST = 'board-cursor/1';

/** The board's cursor: the shared keyset cursor (libs/shared/src/paging), bound to the order and the filter. */
export function encodeCursor(order: BoardOrder, filterKey: string, keys: BoardKeys): string {
  return encodeKeys({ list: LIST, order, filterKey }, keys);
}

export function decodeCursor(cursor: string, order: BoardOrder, filterKey: string): BoardKeys {
  return decodeKeys(cursor, { list: LIST, order, filterKey }, KEY_KINDS[order]) as string[];
}

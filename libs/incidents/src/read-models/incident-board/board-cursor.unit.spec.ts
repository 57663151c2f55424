import { randomUUID } from 'node:crypto';
import { BoardCursorInvalidError, decodeCursor, encodeCursor } from './board-cursor';

/**
 * The cursor's digest is a check anyone can compute (it binds a cursor to its filter; it is not a secret), so a
 * well-formed cursor may still carry any keys: those that would overflow the database's bigint are refused here,
 * as a 400, rather than failing the query.
 */
describe('board cursor', () => {
  const id = randomUUID();

  it('gives back the keys it was made with', () => {
    const keys = ['0', '1733400000000000', '2', '-1733400000000000', id];
    expect(decodeCursor(encodeCursor('urgency', 'f', keys), 'urgency', 'f')).toEqual(keys);
  });

  it.each([
    ['above the bigint range', '9223372036854775808'],
    ['below the bigint range', '-9223372036854775809'],
    ['nineteen nines', '9999999999999999999'],
  ])('refuses a key %s though its digest is right', (_, key) => {
    const cursor = encodeCursor('occurred', 'f', [key, id]);
    expect(() => decodeCursor(cursor, 'occurred', 'f')).toThrow(BoardCursorInvalidError);
  });

  it('takes the bigint bounds themselves', () => {
    const keys = ['-9223372036854775808', '9223372036854775807', '0', '9223372036854775807', id];
    expect(decodeCursor(encodeCursor('urgency', 'f', keys), 'urgency', 'f')).toEqual(keys);
  });
});

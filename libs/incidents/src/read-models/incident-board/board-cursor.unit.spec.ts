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

describe('board cursor on the shared codec', () => {
  it('still reads a cursor made before the codec was shared (links already handed out keep working)', () => {
    const made =
      'WyJvY2N1cnJlZCIsIi0xNzMzNDAwMDAwMDAwMDAwIiwiMGI2ZjBjMWUtMmEzYi00YzVkLThlOWYtMGExYjJjM2Q0ZTVmIl0.eY43MCdW4Hmgv7XzYWqGys';
    expect(decodeCursor(made, 'occurred', 'f')).toEqual(['-1733400000000000', '0b6f0c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f']);
    expect(encodeCursor('occurred', 'f', ['-1733400000000000', '0b6f0c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f'])).toBe(made);
  });
});

import { compareKeys, CursorInvalidError, decodeCursor, encodeCursor } from './keyset-cursor';
import type { CursorBinding, CursorKeyKind } from './keyset-cursor';

describe('keyset cursor', () => {
  const id = '0b6f0c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';
  const binding: CursorBinding = { list: 'teams/1', order: 'name', filterKey: '["640500"]' };
  const kinds: CursorKeyKind[] = ['text', 'bigint', 'instant', 'number', 'uuid'];
  const keys = ['中卫市消防救援支队', '42', '2026-12-07T04:00:00.000Z', '12.5', id];

  it('gives back the keys it was made with', () => {
    expect(decodeCursor(encodeCursor(binding, keys), binding, kinds)).toEqual(keys);
  });

  it('is opaque: the keys are not readable as plain text in the cursor', () => {
    expect(encodeCursor(binding, keys)).not.toContain(id);
  });

  it('refuses a cursor whose keys were edited, even when re-encoded', () => {
    const cursor = encodeCursor(binding, keys);
    const [, tag] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify(['name', 'A', '1', keys[2], keys[3], id])).toString('base64url');
    expect(() => decodeCursor(`${forged}.${tag}`, binding, kinds)).toThrow(CursorInvalidError);
    expect(() => decodeCursor(`${cursor}x`, binding, kinds)).toThrow(CursorInvalidError);
    expect(() => decodeCursor(cursor.slice(1), binding, kinds)).toThrow(CursorInvalidError);
  });

  it.each([
    ['other filters', { ...binding, filterKey: '["640521"]' }],
    ['another order', { ...binding, order: 'created' }],
    ['another list', { ...binding, list: 'warehouses/1' }],
  ])('is bound: a cursor read under %s is refused', (_, other) => {
    expect(() => decodeCursor(encodeCursor(binding, keys), other, kinds)).toThrow(CursorInvalidError);
  });

  it.each([
    ['a key of the wrong kind', ['a', 'x', keys[2], keys[3], id]],
    ['a bigint out of range', ['a', '9223372036854775808', keys[2], keys[3], id]],
    ['an id that is no uuid', ['a', '1', keys[2], keys[3], 'nope']],
    ['a missing key', ['a', '1', keys[2], keys[3]]],
    ['a null where no null is allowed', [null, '1', keys[2], keys[3], id]],
    ['a malformed instant', ['a', '1', '2026-13-45', keys[3], id]],
  ])('refuses %s even under a right digest', (_, bad) => {
    expect(() => decodeCursor(encodeCursor(binding, bad), binding, kinds)).toThrow(CursorInvalidError);
  });

  it('takes a null where the list allows one', () => {
    const withNull = ['a', '1', null, '3', id];
    expect(decodeCursor(encodeCursor(binding, withNull), binding, kinds, [2])).toEqual(withNull);
  });

  it('refuses what is not a cursor at all', () => {
    for (const junk of ['', '.', 'abc', 'a.b.c', '%%%.abc'])
      expect(() => decodeCursor(junk, binding, kinds)).toThrow(CursorInvalidError);
  });

  it('compares numbers by value, text by code unit, null last', () => {
    const k: CursorKeyKind[] = ['bigint', 'text', 'uuid'];
    expect(compareKeys(['9', 'b', id], ['10', 'a', id], k)).toBeLessThan(0);
    expect(compareKeys(['10', 'b', id], ['10', 'a', id], k)).toBeGreaterThan(0);
    expect(compareKeys([null, 'a', id], ['10', 'a', id], k)).toBeGreaterThan(0);
    expect(compareKeys(['10', 'a', id], ['10', 'a', id], k)).toBe(0);
    expect(compareKeys(['1.5'], ['-2'], ['number'])).toBeGreaterThan(0);
  });
});

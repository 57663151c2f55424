import { DomainError } from '../errors/domain-error';
import { BodyLimitsPipe, MAX_NESTING } from './body-limits.pipe';
import { RequestValidationError } from './validation';

const codeOf = (value: unknown): string | undefined => {
  try {
    new BodyLimitsPipe().transform(value);
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
};
const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe('BodyLimitsPipe', () => {
  it('passes ordinary bodies, including Chinese text and emoji', () => {
    expect(codeOf({ title: '储罐泄漏 🚒', casualties: { deaths: 0 }, items: [{ a: 1 }] })).toBeUndefined();
    expect(codeOf(nested(MAX_NESTING - 1))).toBeUndefined();
  });
  it('refuses bodies nested deeper than the limit without recursing (100,000 levels)', () => {
    expect(codeOf(nested(MAX_NESTING + 1))).toBe('NESTING_TOO_DEEP');
    expect(codeOf(nested(100_000))).toBe('NESTING_TOO_DEEP');
  });
  it('refuses NUL and unpaired surrogates in values and keys', () => {
    expect(codeOf({ title: 'a\u0000b' })).toBe('INVALID_CHARACTERS');
    expect(codeOf({ title: 'x\uD800' })).toBe('INVALID_CHARACTERS');
    expect(codeOf({ title: '\uDC00y' })).toBe('INVALID_CHARACTERS');
    expect(codeOf({ ['k\u0000']: 1 })).toBe('INVALID_CHARACTERS');
  });
  it('refuses invisible characters in values and keys, naming the field and the code point, but keeps the zero-width joiner', () => {
    const refusal = (value: unknown) => {
      try {
        new BodyLimitsPipe().transform(value, { type: 'body' });
        return undefined;
      } catch (error) {
        return error instanceof RequestValidationError ? error.errors : 'other';
      }
    };
    for (const ch of [
      '\u200B',
      '\u2028',
      '\u2029',
      '\uFEFF',
      '\u180E',
      '\u034F',
      '\u115F',
      '\u1160',
      '\u3164',
      '\uFFA0',
      '\u2060',
    ]) {
      const errors = refusal({ title: `储罐${ch}泄漏` });
      expect(errors).toEqual([
        {
          path: 'title',
          message: expect.stringContaining(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`),
        },
      ]);
      expect(refusal({ items: [{ [`b${ch}`]: 1 }] })).toEqual([expect.objectContaining({ path: `items.0.b${ch}` })]);
    }
    expect(refusal({ title: '消防员 👨\u200D🚒 到场', note: 'Line one, 二' })).toBeUndefined();
    // Values our own decorators build are not user text.
    expect(() => new BodyLimitsPipe().transform({ by: 'x\u200By' }, { type: 'custom', data: '' })).not.toThrow();
  });
});

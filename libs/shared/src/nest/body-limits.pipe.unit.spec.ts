import { DomainError } from '../errors/domain-error';
import { BodyLimitsPipe, MAX_NESTING } from './body-limits.pipe';

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
});

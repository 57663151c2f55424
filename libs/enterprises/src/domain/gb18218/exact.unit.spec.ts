import { Exact } from './exact';

describe('Exact', () => {
  it('reads a decimal number as the fraction it is written as', () => {
    expect(Exact.fromNumber(0.1).toString()).toBe('1/10');
    expect(Exact.fromNumber(12.5).toString()).toBe('25/2');
    expect(Exact.fromNumber(1e-7).toString()).toBe('1/10000000');
    expect(Exact.fromNumber(2e21).toString()).toBe('2000000000000000000000');
    expect(Exact.fromNumber(-0.75).toString()).toBe('-3/4');
    expect(() => Exact.fromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => Exact.fromNumber(Infinity)).toThrow(RangeError);
  });

  it('0.7 + 0.2 + 0.1 is exactly 1 (in floating point it is 0.9999999999999999)', () => {
    expect(0.7 + 0.2 + 0.1).toBeLessThan(1);
    const sum = [0.7, 0.2, 0.1].map((n) => Exact.fromNumber(n)).reduce((a, b) => a.add(b), Exact.ZERO);
    expect(sum.equals(Exact.ONE)).toBe(true);
    expect(sum.atLeast(Exact.ONE)).toBe(true);
  });

  it('cuts towards zero for display, never rounding up across a boundary', () => {
    expect(Exact.of(99999n, 1000n).truncated(2)).toBe(99.99);
    expect(Exact.of(2n, 3n).truncated(4)).toBe(0.6666);
    expect(Exact.of(1n, 3n).truncated(0)).toBe(0);
    expect(Exact.of(100n).truncated(2)).toBe(100);
    expect(Exact.of(-5n, 4n).truncated(1)).toBe(-1.2);
  });

  it('compares, multiplies and divides exactly, and survives a round trip through its text', () => {
    const a = Exact.fromNumber(0.3).div(Exact.fromNumber(0.75)); // 2/5
    expect(a.toString()).toBe('2/5');
    expect(a.mul(Exact.of(5n, 2n)).equals(Exact.ONE)).toBe(true);
    expect(Exact.parse(a.toString()).equals(a)).toBe(true);
    expect(Exact.of(1n, 3n).compare(Exact.of(333333n, 1000000n))).toBe(1);
    expect(() => Exact.of(1n, 0n)).toThrow(RangeError);
  });
});

/**
 * Exact rational arithmetic for the identification and grading sums. The boundaries of GB 18218-2018 (Σ q/Q ≥ 1,
 * R ≥ 10 / 50 / 100) are sharp, and binary floating point puts sums such as 0.1 t/1 t + 0.2 t/1 t + 0.7 t/1 t a
 * hair away from 1. Every quantity the register receives is a decimal number as written by a person, so each is
 * read as the exact fraction its shortest decimal form denotes and all sums stay fractions of big integers; only
 * the figures shown are rounded, and always towards zero, so a shown figure never crosses a boundary the decision
 * did not cross.
 */
export class Exact {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Exact(0n, 1n);
  static readonly ONE = new Exact(1n, 1n);

  static of(num: bigint, den: bigint = 1n): Exact {
    if (den === 0n) throw new RangeError('division by zero');
    if (den < 0n) [num, den] = [-num, -den];
    const g = gcd(num < 0n ? -num : num, den);
    return new Exact(num / g, den / g);
  }

  /** The fraction a finite JavaScript number denotes as written in decimal (its shortest round-trip form). */
  static fromNumber(value: number): Exact {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(value));
    if (!match) throw new RangeError(`not a decimal number: ${value}`);
    const [, sign, whole, fraction = '', exponent = '0'] = match;
    const digits = BigInt(`${whole}${fraction}`) * (sign === '-' ? -1n : 1n);
    const scale = Number(exponent) - fraction.length;
    return scale >= 0 ? Exact.of(digits * 10n ** BigInt(scale)) : Exact.of(digits, 10n ** BigInt(-scale));
  }

  add(other: Exact): Exact {
    return Exact.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  mul(other: Exact): Exact {
    return Exact.of(this.num * other.num, this.den * other.den);
  }

  div(other: Exact): Exact {
    return Exact.of(this.num * other.den, this.den * other.num);
  }

  compare(other: Exact): -1 | 0 | 1 {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  atLeast(other: Exact): boolean {
    return this.compare(other) >= 0;
  }

  equals(other: Exact): boolean {
    return this.compare(other) === 0;
  }

  /** Cut (not rounded) to `places` decimals, for display: 99.999 shows as 99.99, never as 100.00. */
  truncated(places: number): number {
    const scale = 10n ** BigInt(places);
    const cut = (this.num * scale) / this.den; // BigInt division truncates towards zero
    const negative = cut < 0n;
    const abs = (negative ? -cut : cut).toString().padStart(places + 1, '0');
    const text = places === 0 ? abs : `${abs.slice(0, -places)}.${abs.slice(-places)}`;
    return Number(`${negative ? '-' : ''}${text}`);
  }

  /** "n/d" (or "n" for a whole number): the exact value as recorded in the events. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  static parse(text: string): Exact {
    const [n, d = '1'] = text.split('/');
    return Exact.of(BigInt(n!), BigInt(d));
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

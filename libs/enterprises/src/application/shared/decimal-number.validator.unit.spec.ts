import { validateSync } from 'class-validator';
import { decimalPlacesOf, IsDecimalNumber } from './decimal-number.validator';

class Probe {
  @IsDecimalNumber(6)
  value!: unknown;
}

const errorsOf = (value: unknown) => {
  const probe = new Probe();
  probe.value = value;
  return validateSync(probe).flatMap((e) => Object.values(e.constraints ?? {}));
};

describe('IsDecimalNumber', () => {
  it('counts decimals exactly, exponent forms included', () => {
    expect(decimalPlacesOf(12)).toBe(0);
    expect(decimalPlacesOf(12.5)).toBe(1);
    expect(decimalPlacesOf(0.000001)).toBe(6);
    expect(decimalPlacesOf(1e-7)).toBe(7);
    expect(decimalPlacesOf(1.5e-7)).toBe(8);
    expect(decimalPlacesOf(1e21)).toBe(0);
    expect(decimalPlacesOf(5e-324)).toBe(324);
  });

  it('refuses exponent forms beyond six decimals with a Chinese message instead of throwing', () => {
    for (const value of [1e-7, 5e-324, 1e-320, 1.0000001]) {
      expect(errorsOf(value)).toEqual(['value 最多保留 6 位小数']);
    }
    for (const value of [1e-6, 12.5, 300, 1e21]) expect(errorsOf(value)).toEqual([]);
    for (const value of ['12', NaN, Infinity, null]) expect(errorsOf(value)).toEqual(['value 须为有限数字']);
  });
});

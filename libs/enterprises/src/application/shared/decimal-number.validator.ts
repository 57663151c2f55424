import { registerDecorator, type ValidationOptions } from 'class-validator';
import { Exact } from '../../domain/gb18218/exact';

/**
 * How many decimals a finite number carries, counted on the exact fraction its shortest decimal form denotes, so
 * exponent forms such as 1e-7 or 5e-324 count like 0.0000001 (class-validator's own `maxDecimalPlaces` splits the
 * string form on '.', which has none in those forms, and throws).
 */
export function decimalPlacesOf(value: number): number {
  const exact = Exact.fromNumber(value);
  let den = exact.den;
  let places = 0;
  // The denominator of a decimal fraction in lowest terms is 2^a·5^b; the places needed are max(a, b).
  while (den % 10n === 0n) [den, places] = [den / 10n, places + 1];
  while (den % 2n === 0n) [den, places] = [den / 2n, places + 1];
  while (den % 5n === 0n) [den, places] = [den / 5n, places + 1];
  return places;
}

/** A finite JSON number with at most `places` decimals; the message names the field and the limit in Chinese. */
export function IsDecimalNumber(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDecimalNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [places],
      options: {
        message: (args) =>
          typeof args.value === 'number' && Number.isFinite(args.value)
            ? `${String(propertyName)} 最多保留 ${places} 位小数`
            : `${String(propertyName)} 须为有限数字`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && decimalPlacesOf(value) <= places,
      },
    });
}

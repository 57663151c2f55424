import { registerDecorator, type ValidationOptions } from 'class-validator';
import { parseInstant } from '@app/shared';

/** An ISO 8601 instant with an explicit offset: a bare local time would be ambiguous across zones. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} 须为带时区偏移的 ISO 8601 时间，例如 2026-11-22T08:00:00+08:00`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && parseInstant(value) !== undefined },
    });
}

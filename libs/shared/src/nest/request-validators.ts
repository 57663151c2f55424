import { registerDecorator, type ValidationOptions } from 'class-validator';
import { looksLikeInstant, parseInstant } from '../time/zoned-time';

/**
 * Validators the request DTOs of every context share: instants always carry their offset (deadlines are computed on
 * instants, never on a local clock), and "change something" bodies must name at least one field.
 */

/** An ISO 8601 instant with an explicit offset: a bare local time would be ambiguous across zones. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        // A well-formed time that does not exist (2026-02-30, 24:61) is told as such, not as a format error.
        message: (args) =>
          typeof args.value === 'string' && looksLikeInstant(args.value)
            ? `${String(propertyName)} 的日期或时间不存在（${args.value.slice(0, 40)}）：月份须为 01–12，日期不超过当月天数，时 00–23，分秒 00–59`
            : `${String(propertyName)} 须为带时区偏移的 ISO 8601 时间，例如 2026-11-22T13:40:00+08:00`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && parseInstant(value) !== undefined },
    });
}

/**
 * An update that changes nothing is a mistake worth telling the duty officer about. Registered on a synthetic `body`
 * property: the listed fields are optional, and class-validator skips every check of an absent optional.
 */
export function AtLeastOneOf(fields: readonly string[]): ClassDecorator {
  return (target) => {
    registerDecorator({
      name: 'atLeastOneOf',
      target,
      propertyName: 'body',
      options: { message: `至少须填写以下之一：${fields.join('、')}` },
      validator: {
        validate: (_: unknown, args) => fields.some((f) => (args?.object as Record<string, unknown>)[f] !== undefined),
      },
    });
  };
}

import { registerDecorator, type ValidationOptions } from 'class-validator';
import { calendarDateProblem, INSTANT_YEAR_RANGE, instantProblem, type InstantProblem } from '../time/zoned-time';

/**
 * Validators the request DTOs of every context share: instants always carry their offset (deadlines are computed on
 * instants, never on a local clock), and "change something" bodies must name at least one field.
 */

/** An ISO 8601 instant with an explicit offset: a bare local time would be ambiguous across zones. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return timeDecorator(
    'isInstant',
    instantProblem,
    '带时区偏移的 ISO 8601 时间，例如 2026-11-22T13:40:00+08:00',
    options,
  );
}

/** A calendar date (`2026-11-20`) or an instant with its offset: for record dates such as a plan's filing date. */
export function IsDateOrInstant(options?: ValidationOptions): PropertyDecorator {
  const problem = (text: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(text) ? calendarDateProblem(text) : instantProblem(text);
  return timeDecorator(
    'isDateOrInstant',
    problem,
    'ISO 8601 日期（如 2026-11-20）或带时区偏移的时间（如 2026-11-22T13:40:00+08:00）',
    options,
  );
}

/** Every date and time field of every request is checked by `instantProblem`/`calendarDateProblem` through here. */
function timeDecorator(
  name: string,
  problem: (text: string) => InstantProblem | undefined,
  shape: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        // A well-formed time that does not exist (2026-02-30, 24:61) or lies outside the accepted years is told as
        // such, not as a format error; a value that is not a string at all is named as a type error.
        message: (args) => timeMessage(String(propertyName), args.value, problem, shape),
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && problem(value) === undefined },
    });
}

function timeMessage(
  field: string,
  value: unknown,
  problem: (text: string) => InstantProblem | undefined,
  shape: string,
): string {
  if (typeof value !== 'string') return `${field} 必须是字符串，格式为${shape}`;
  switch (problem(value)) {
    case 'range':
      return `${field} 时间超出允许范围（${INSTANT_YEAR_RANGE.min}–${INSTANT_YEAR_RANGE.max} 年）：${value.slice(0, 40)}`;
    case 'calendar':
      return `${field} 的日期或时间不存在（${value.slice(0, 40)}）：月份须为 01–12，日期不超过当月天数，时 00–23，分秒 00–59，时区偏移不超过 ±14:59`;
    default:
      return `${field} 须为${shape}`;
  }
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

import type { ValidationError } from '@nestjs/common';

/**
 * Chinese field messages for class-validator's constraints: duty officers read Chinese. A constraint not listed gets
 * a general Chinese sentence that still names it, so no error is ever lost and none reaches a user in English.
 */
const MESSAGES: Record<string, (path: string, args: string[]) => string> = {
  whitelistValidation: (p) => `${p} 不是允许的字段`,
  isDefined: (p) => `${p} 为必填项`,
  isNotEmpty: (p) => `${p} 不能为空`,
  isString: (p) => `${p} 必须是字符串`,
  isInt: (p) => `${p} 须为整数`,
  min: (p, a) => `${p} 不能小于 ${a[0] ?? ''}`.trim(),
  max: (p, a) => `${p} 不能大于 ${a[0] ?? ''}`.trim(),
  maxLength: (p, a) => `${p} 长度不能超过 ${a[0] ?? ''} 个字符`.trim(),
  isIn: (p, a) => `${p} 须为以下之一：${a.join('、')}`,
  isUuid: (p) => `${p} 须为 UUID`,
  isLatitude: (p) => `${p} 须为 -90 到 90 之间的纬度`,
  isLongitude: (p) => `${p} 须为 -180 到 180 之间的经度`,
  nestedValidation: (p) => `${p} 须为对象`,
  unknownValue: (p) => `${p} 含有无法识别的内容`,
  // The validation pipe's answer to a body that is an array or a primitive where an object is declared.
  isObject: (p) => (p === 'body' ? '请求内容须为 JSON 对象' : `${p} 须为对象`),
  isBoolean: (p) => `${p} 须为 true 或 false`,
  isNumber: (p) => `${p} 须为数字`,
  isArray: (p) => `${p} 须为数组`,
  arrayMinSize: (p, a) => `${p} 至少须有 ${a[0] ?? ''} 项`,
  arrayMaxSize: (p, a) => `${p} 最多 ${a[0] ?? ''} 项`,
  arrayNotEmpty: (p) => `${p} 不能为空数组`,
  arrayUnique: (p) => `${p} 不能有重复项`,
  minLength: (p, a) => `${p} 长度不能少于 ${a[0] ?? ''} 个字符`,
  isEnum: (p, a) => (a.length > 0 ? `${p} 须为以下之一：${a.join('、')}` : `${p} 不是允许的取值`),
  matches: (p) => `${p} 格式不正确`,
  isPositive: (p) => `${p} 须为正数`,
  isEmail: (p) => `${p} 须为电子邮件地址`,
  isUrl: (p) => `${p} 须为网址`,
};

/** Rules that only a string can pass; failing one with another type is a type error. */
const STRING_RULES = new Set(['isString', 'maxLength', 'minLength', 'matches', 'isUuid', 'isEmail', 'isUrl']);
/** Rules that only a number can pass (class-validator's min/max are false for a string, whatever its digits). */
const NUMBER_RULES = new Set(['isInt', 'isNumber', 'min', 'max', 'isPositive']);

/**
 * Which of a field's failed rules its one message names, most fundamental first: an absent field is told it is
 * required, a value of the wrong type that it has the wrong type, and only a value of the right type is told about
 * its length, range, allowed values or format. (Decorators run bottom-up, so the rule class-validator reports first
 * is often the length check of a field that is simply missing.)
 */
const PRECEDENCE = [
  'whitelistValidation',
  'isDefined',
  'isObject',
  'nestedValidation',
  'isArray',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isNotEmpty',
  'arrayNotEmpty',
];

/** The constraint of `error` the field's message is about (see PRECEDENCE); the others follow from it. */
export function decisiveConstraint(constraints: Record<string, string>): [string, string] {
  const entries = Object.entries(constraints);
  for (const rule of PRECEDENCE) {
    const found = entries.find(([name]) => name === rule);
    if (found) return found;
  }
  return entries[0]!;
}

/** Numbers or list items that class-validator put into its English message, e.g. "must not be less than 0". */
function argumentsOf(constraint: string, message: string): string[] {
  if (constraint === 'isIn' || constraint === 'isEnum') {
    const list = message.split(': ')[1];
    return list ? list.split(', ') : [];
  }
  return message.match(/-?\d+(\.\d+)?/g) ?? [];
}

export function chineseMessage(error: ValidationError, constraint: string, message: string, path: string): string {
  // Only when the validator kept the value (`validationError.value` true, as createValidationPipe sets it) can an
  // absent field or a value of the wrong type be told apart from a failed length, range or format rule.
  const kept = 'value' in error;
  // A rule checked on each item of a list (`{ each: true }`) is about the items, whatever the list's own type.
  if (message.startsWith('each value in ')) return eachItem(constraint, message, path);
  if (kept && error.value === undefined && constraint !== 'whitelistValidation') return `${path} 为必填项`;
  // A length or pattern rule checked on something that is not text at all ({"a":1}, null, []) would otherwise be told
  // as "too long": with one message per field the type error must be named instead.
  if (kept && STRING_RULES.has(constraint) && typeof error.value !== 'string') return `${path} 必须是字符串`;
  if (kept && NUMBER_RULES.has(constraint) && typeof error.value !== 'number')
    return constraint === 'isInt' ? `${path} 须为整数` : `${path} 须为数字`;
  // Messages we wrote ourselves are already Chinese; keep them.
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  const translate = MESSAGES[constraint];
  if (!translate) return `${path} 不符合要求（${constraint}）`;
  if (constraint === 'isIn' && error.property === 'jurisdiction') return `${path} 不是已知的辖区代码`;
  return translate(path, argumentsOf(constraint, message));
}

function eachItem(constraint: string, message: string, path: string): string {
  const translate = MESSAGES[constraint];
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  return translate
    ? translate(`${path} 的每一项`, argumentsOf(constraint, message))
    : `${path} 的每一项不符合要求（${constraint}）`;
}

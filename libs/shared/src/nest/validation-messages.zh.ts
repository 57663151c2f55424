import type { ValidationError } from '@nestjs/common';

/**
 * Chinese field messages for class-validator's constraints: duty officers read Chinese. The constraint's own
 * English text is the fallback for anything not listed, so no error is ever lost.
 */
const MESSAGES: Record<string, (path: string, args: string[]) => string> = {
  whitelistValidation: (p) => `${p} 不是允许的字段`,
  isDefined: (p) => `${p} 为必填项`,
  isNotEmpty: (p) => `${p} 不能为空`,
  isString: (p) => `${p} 须为文本`,
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
};

/** Numbers or list items that class-validator put into its English message, e.g. "must not be less than 0". */
function argumentsOf(constraint: string, message: string): string[] {
  if (constraint === 'isIn') {
    const list = message.split(': ')[1];
    return list ? list.split(', ') : [];
  }
  return message.match(/-?\d+(\.\d+)?/g) ?? [];
}

export function chineseMessage(error: ValidationError, constraint: string, message: string, path: string): string {
  // Messages we wrote ourselves are already Chinese; keep them.
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  const translate = MESSAGES[constraint];
  if (!translate) return message;
  if (constraint === 'isIn' && error.property === 'jurisdiction') return `${path} 不是已知的辖区代码`;
  return translate(path, argumentsOf(constraint, message));
}

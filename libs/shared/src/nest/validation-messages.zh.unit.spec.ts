import { IsNotEmpty, IsString, MaxLength, validateSync, type ValidationError } from 'class-validator';
import { chineseMessage } from './validation-messages.zh';

class Login {
  @IsString() @IsNotEmpty() @MaxLength(100) username!: unknown;
}

/** As the validation pipe runs it: one message per field, the value kept on the error. */
const messageFor = (username: unknown, keepValue = true) => {
  const [error] = validateSync(Object.assign(new Login(), { username }), {
    stopAtFirstError: true,
    validationError: { target: false, value: keepValue },
  });
  const [constraint, message] = Object.entries((error as ValidationError).constraints ?? {})[0]!;
  return chineseMessage(error!, constraint, message, 'username');
};

describe('chineseMessage', () => {
  it('names a type error as one, whichever string rule happened to fail first', () => {
    for (const value of [{ a: 1 }, null, [], 42]) expect(messageFor(value)).toBe('username 必须是字符串');
    expect(messageFor(undefined)).toBe('username 为必填项');
    expect(messageFor('x'.repeat(101))).toBe('username 长度不能超过 100 个字符');
  });

  it('never falls back to English: a rule without a translation gets a general Chinese sentence', () => {
    const error = {
      property: 'code',
      constraints: { isHexColor: 'code must be a hexadecimal color' },
    } as ValidationError;
    expect(chineseMessage(error, 'isHexColor', 'code must be a hexadecimal color', 'code')).toBe(
      'code 不符合要求（isHexColor）',
    );
    const body = {
      property: 'body',
      constraints: { isObject: 'Validation failed (object is expected)' },
    } as ValidationError;
    expect(chineseMessage(body, 'isObject', 'Validation failed (object is expected)', 'body')).toBe(
      '请求内容须为 JSON 对象',
    );
  });
});

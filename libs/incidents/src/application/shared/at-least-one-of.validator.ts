import { registerDecorator } from 'class-validator';

/** A follow-up that changes nothing is a mistake worth telling the duty officer about. */
export function AtLeastOneOf(fields: readonly string[]): ClassDecorator {
  return (target) => {
    registerDecorator({
      name: 'atLeastOneOf',
      target,
      propertyName: fields[0]!,
      options: { message: `至少须填写以下之一：${fields.join('、')}` },
      validator: {
        validate: (_: unknown, args) => fields.some((f) => (args?.object as Record<string, unknown>)[f] !== undefined),
      },
    });
  };
}

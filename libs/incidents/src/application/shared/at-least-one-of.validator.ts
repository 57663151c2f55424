import { registerDecorator } from 'class-validator';

/**
 * A follow-up that changes nothing is a mistake worth telling the duty officer about. Registered on a synthetic
 * `body` property: the listed fields are optional, and class-validator skips every check of an absent optional.
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

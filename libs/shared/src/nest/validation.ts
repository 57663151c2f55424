import { ParseUUIDPipe, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import type { FieldError } from './problem-details';
import { chineseMessage, decisiveConstraint } from './validation-messages.zh';

/** Thrown by the validation pipe; the problem filter turns it into a 400 with field errors. */
export class RequestValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super('request validation failed');
  }
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    // One message per field, about the rule that matters most (validation-messages.zh.ts, decisiveConstraint).
    const own =
      error.constraints && Object.keys(error.constraints).length > 0
        ? [decisiveConstraint(error.constraints)].map(([constraint, message]) => ({
            path,
            message: chineseMessage(error, constraint, message, path),
          }))
        : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/**
 * class-validator through Nest's ValidationPipe: unknown fields are refused (a typo must not be silently
 * dropped from a casualty report), and every violated constraint is reported with its path.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // Every rule of a field runs, and its one message names the most fundamental that failed (required, then type,
    // then length, range, allowed values, format): an absent number is told it is required, not that it is too big.
    stopAtFirstError: false,
    transformOptions: { enableImplicitConversion: false },
    // The value is kept on the error (never sent back) so a message can tell a type error from a length error.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}

/** Path ids are UUIDs; anything else is a 400 problem before it reaches the store. */
export const uuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('INVALID_ID', 'invalid', '路径中的编号须为 UUID'),
});

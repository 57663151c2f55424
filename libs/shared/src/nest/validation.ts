import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from './problem-details';

/** Thrown by the validation pipe; the problem filter turns it into a 400 with field errors. */
export class RequestValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super('request validation failed');
  }
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
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
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}

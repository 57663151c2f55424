import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  registerDecorator,
  ValidatorConstraint,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { DEMO_JURISDICTIONS, JURISDICTIONS, JurisdictionRegistry } from '../jurisdictions/jurisdictions';

/**
 * A jurisdiction code must be in the tree the server loaded from the `jurisdictions` table (not a list compiled into
 * the code). Nest builds this constraint through `useContainer` (bootstrap), injecting the loaded registry; built
 * outside Nest it falls back to the seed tree.
 */
@ValidatorConstraint({ name: 'knownJurisdiction', async: false })
@Injectable()
export class KnownJurisdictionConstraint implements ValidatorConstraintInterface {
  private readonly registry: JurisdictionRegistry;

  constructor(@Optional() @Inject(JURISDICTIONS) registry?: JurisdictionRegistry) {
    this.registry = registry ?? new JurisdictionRegistry(DEMO_JURISDICTIONS);
  }

  validate(value: unknown): boolean {
    return typeof value === 'string' && this.registry.has(value);
  }

  defaultMessage(): string {
    return 'jurisdiction 不是已知的辖区代码';
  }
}

export function IsKnownJurisdiction(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'jurisdiction 不是已知的辖区代码', ...options },
      validator: KnownJurisdictionConstraint,
    });
}

import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Matches } from 'class-validator';
import { JURISDICTION_CODE_PATTERN, ROLES, type JurisdictionRegistry } from '@app/shared';
import { UnknownJurisdictionError } from '../domain/user-account/user-account.errors';

/** The roles of an account: one or more known roles, each once (creation and update check them alike). */
export function IsRoleList(): PropertyDecorator {
  // Listed last to first, the order in which stacked decorators register (and so the order of the messages).
  return applyDecorators(
    IsIn(ROLES, { each: true, message: 'roles 只能包含 duty_officer、commander、drill_coordinator、viewer、admin' }),
    ArrayUnique(),
    ArrayMaxSize(ROLES.length),
    ArrayMinSize(1),
    IsArray(),
  );
}

/** A jurisdiction code by its form; whether it is known is the handler's check (400 UNKNOWN_JURISDICTION). */
export function IsJurisdictionCode(): PropertyDecorator {
  return applyDecorators(
    Matches(JURISDICTION_CODE_PATTERN, { message: 'jurisdiction 须为 6 位或 9 位辖区代码' }),
    IsString(),
  );
}

export function assertKnownJurisdiction(jurisdictions: JurisdictionRegistry, jurisdiction: string): void {
  if (!jurisdictions.has(jurisdiction)) throw new UnknownJurisdictionError(jurisdiction);
}

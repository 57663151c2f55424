import { Injectable } from '@nestjs/common';
import { OutsideJurisdictionError, type Actor } from '@app/shared';
import { PlanRegisterQueries } from '../read-models/plan-register/plan-register.queries';

/** Changes to an existing plan: a plan of a higher level is readable here but not ours to change. */
@Injectable()
export class PlanWriteAccess {
  constructor(private readonly register: PlanRegisterQueries) {}

  /** Says so (403) rather than "not found"; a plan the actor cannot read is left to the command (404). */
  async assertMayChange(planId: string, actor: Actor): Promise<void> {
    const readOnly = await this.register.isReadOnlyFor(planId, actor);
    if (readOnly !== null) throw new OutsideJurisdictionError(readOnly);
  }
}

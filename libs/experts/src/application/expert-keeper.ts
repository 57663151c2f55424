import { Inject, Injectable } from '@nestjs/common';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import { ExpertReadOnlyError } from '../domain/expert/expert.errors';
import { ExpertRegister } from '../read-models/expert-register/expert-register.queries';

/**
 * An entry of a higher level's library is read and invited here but changed only there: a change from below is
 * refused (403) rather than answered "not found", since the actor sees the entry. Anything else (unknown, a sibling
 * county's) is left to the command, which answers 404.
 */
@Injectable()
export class ExpertKeeper {
  constructor(
    private readonly register: ExpertRegister,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async assertMayChange(expertId: string, actor: Pick<Actor, 'scope' | 'jurisdiction'>): Promise<void> {
    const row = await this.register.row(expertId);
    if (!row || actor.scope.includes(row.jurisdiction)) return;
    if (this.register.readable(actor).includes(row.jurisdiction)) {
      throw new ExpertReadOnlyError(this.jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction);
    }
  }
}

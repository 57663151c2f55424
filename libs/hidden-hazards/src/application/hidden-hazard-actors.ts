import { Inject, Injectable } from '@nestjs/common';
import { UserNames } from '@app/identity';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import type { HiddenHazardActor, JurisdictionStep } from '../domain/hidden-hazard/hidden-hazard.types';

/**
 * What the decider is handed about people and places: the actor named as colleagues know them, with their account's
 * jurisdiction, and a hazard's line of jurisdictions from the tree (the decider never looks either up).
 */
@Injectable()
export class HiddenHazardActors {
  constructor(
    private readonly userNames: UserNames,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async of(actor: Actor): Promise<HiddenHazardActor> {
    return {
      id: actor.userId,
      name: await this.userNames.displayNameOf(actor.userId, actor.username),
      jurisdiction: actor.jurisdiction,
    };
  }

  /** The jurisdiction and every one above it, nearest first, with their levels. */
  lineOf(jurisdiction: string): JurisdictionStep[] {
    return this.jurisdictions
      .lineage(jurisdiction)
      .map((code) => ({ code, level: this.jurisdictions.get(code)?.level ?? 'unknown' }));
  }
}

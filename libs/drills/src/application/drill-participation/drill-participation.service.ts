import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { load } from '@app/event-sourcing';
import {
  JURISDICTIONS,
  type DrillDataWrite,
  type DrillParticipation,
  type JurisdictionRegistry,
  type Role,
} from '@app/shared';
import { drillDecider } from '../../domain/drill/drill.decider';
import {
  DrillJurisdictionMismatchError,
  DrillNotFoundError,
  DrillNotRunningError,
} from '../../domain/drill/drill.errors';
import { drillStream } from '../../domain/drill/drill.types';

/**
 * Who may create drill data (演练数据), see docs/security.md: drill coordinators plan, start, inject and end drills;
 * duty officers and commanders whose jurisdictions include the drill's take part in it (report drill incidents,
 * follow-ups, drill warnings, simulated dispatches and allocations). Nobody else writes into a drill.
 */
const TAKES_PART: readonly Role[] = ['duty_officer', 'commander', 'drill_coordinator'];

/**
 * The drills context's answer to "may this drill data be written now?" (the DrillParticipation port). It decides from
 * the drill's stream, not the read model, so a drill started a moment ago counts as running and one just ended does not.
 */
@Injectable()
export class DrillParticipationService implements DrillParticipation {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async assertMayWrite(write: DrillDataWrite): Promise<void> {
    const { state } = await load(this.store, drillDecider, drillStream(write.drillId));
    // Unknown, outside the actor's jurisdictions (it could not even read the drill), or not a role that takes part:
    // the same 404, so a forged or guessed id learns nothing.
    if (state.status === 'none') throw new DrillNotFoundError();
    if (
      write.actor &&
      (!write.actor.scope.includes(state.jurisdiction) ||
        !write.actor.roles.some((r) => (TAKES_PART as readonly string[]).includes(r)))
    ) {
      throw new DrillNotFoundError();
    }
    if (!this.jurisdictions.lineage(write.jurisdiction).includes(state.jurisdiction))
      throw new DrillJurisdictionMismatchError(write.jurisdiction, state.jurisdiction);
    if (state.status !== 'running') throw new DrillNotRunningError(state.status);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, formatPosition, type EventStore } from '@app/event-store';
import { handleCommand, type CommandContext } from '@app/event-sourcing';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { CLOCK, JURISDICTIONS, OutsideJurisdictionError, type Actor, type Clock, type JurisdictionRegistry } from '@app/shared';
import type { PlanCommand } from '../domain/plan.commands';
import { planDecider } from '../domain/plan.decider';
import { planStream } from '../domain/plan.types';
import { PlanRow } from '../read-models/plan.entities';
import { toPlanView, type PlanView } from '../read-models/plan.views';

export interface PlanCommandResponse extends Partial<Omit<PlanView, 'position' | 'revision'>> {
  id: string;
  revision: number;
  position: string | null;
  replayed: boolean;
}

/**
 * Plans apply to their jurisdiction and everything below it, so a county reads its city's plans (it must know what
 * the city will do) but changes only its own and those below.
 */
export function readablePlanJurisdictions(actor: Pick<Actor, 'jurisdiction' | 'scope'>, jurisdictions: JurisdictionRegistry): string[] {
  return [...new Set([...actor.scope, ...jurisdictions.lineage(actor.jurisdiction)])];
}

/** map → load → decide → append (with retry), then waits for the plan register: read-your-writes. */
@Injectable()
export class PlanCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(JURISDICTIONS) readonly jurisdictions: JurisdictionRegistry,
    private readonly dataSource: DataSource,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async run(planId: string, command: PlanCommand, context: CommandContext, actor?: Actor): Promise<PlanCommandResponse> {
    if (actor) await this.refuseReadOnly(planId, actor);
    const result = await handleCommand({ store: this.store, clock: this.clock }, planDecider, planStream(planId), command, context);
    if (result.position) await this.projections.waitFor('plan-register', result.position);
    const row = await this.dataSource.getRepository(PlanRow).findOneBy({ id: planId });
    return {
      ...(row ? toPlanView(row, this.jurisdictions) : {}),
      id: planId,
      revision: Number(result.revision ?? -1),
      position: result.position ? formatPosition(result.position) : null,
      replayed: result.replayed,
    };
  }

  /** A plan of a higher level is readable here but not ours to change: say so (403) rather than "not found". */
  private async refuseReadOnly(planId: string, actor: Actor): Promise<void> {
    const row = await this.dataSource.getRepository(PlanRow).findOneBy({ id: planId });
    if (row && !actor.scope.includes(row.jurisdiction) && readablePlanJurisdictions(actor, this.jurisdictions).includes(row.jurisdiction)) {
      throw new OutsideJurisdictionError(row.jurisdiction);
    }
  }
}

import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, formatPosition, StreamNotFoundError, type EventStore } from '@app/event-store';
import { handleCommand, type CommandContext } from '@app/event-sourcing';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import {
  CLOCK, DRILL_PARTICIPATION, drillActorOf, JURISDICTIONS, NO_DRILLS, NotADrillRecordError, type Clock, type DrillParticipation, type JurisdictionRegistry,
} from '@app/shared';
import { incidentEvents, type IncidentReported } from '../../domain/incident.events';
import { incidentDecider } from '../../domain/incident.decider';
import type { IncidentCommand } from '../../domain/incident.commands';
import { incidentStream } from '../../domain/incident.types';
import { IncidentBoardRow } from '../../read-models/incident-board.entity';
import { toIncidentView, type IncidentView } from '../../read-models/incident.views';

export interface IncidentCommandResponse extends Partial<Omit<IncidentView, 'position'>> {
  id: string;
  revision: number;
  position: string | null;
  replayed: boolean;
}

/**
 * map → load → decide → append (with retry) for every incident command, then waits briefly for the board and
 * timeline to apply the new events so the caller reads its own write.
 */
@Injectable()
export class IncidentCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    private readonly dataSource: DataSource,
    @Optional() @Inject(DRILL_PARTICIPATION) private readonly drills: DrillParticipation = NO_DRILLS,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  policyFor(jurisdiction: string): { countMissingAsDeaths: boolean } {
    return { countMissingAsDeaths: this.jurisdictions.get(jurisdiction)?.countMissingAsDeaths ?? true };
  }


  async run(incidentId: string, command: IncidentCommand, context: CommandContext): Promise<IncidentCommandResponse> {
    if (command.type !== 'ReportIncident') await this.assertDrillRules(incidentId, context);
    const result = await handleCommand({ store: this.store, clock: this.clock }, incidentDecider, incidentStream(incidentId), command, context);
    if (result.position) {
      await Promise.all([
        this.projections.waitFor('incident-board', result.position),
        this.projections.waitFor('incident-timeline', result.position),
      ]);
    }
    const row = await this.dataSource.getRepository(IncidentBoardRow).findOneBy({ id: incidentId });
    const view = row ? toIncidentView(row, this.jurisdictions) : {};
    return {
      ...view,
      id: incidentId,
      revision: Number(result.revision ?? -1),
      position: result.position ? formatPosition(result.position) : null,
      replayed: result.replayed,
    };
  }

  /**
   * A drill's data is changed only by those who take part in that drill while it runs, and a command on behalf of a
   * drill (its context names the drill) only touches that drill's incidents: nothing real is ever moved into a drill.
   * Decided from the incident's first event (its drill id never changes), so a lagging board cannot mislead it.
   */
  private async assertDrillRules(incidentId: string, context: CommandContext): Promise<void> {
    const actor = drillActorOf(context);
    if (!actor && !context.drillId) return;
    const reported = await this.firstEvent(incidentId);
    // Unknown or outside the actor's jurisdictions: the command itself answers 404, as for any incident.
    if (!reported || (actor && !actor.scope.includes(reported.data.jurisdiction))) return;
    const drillId = reported.data.drillId;
    if (context.drillId !== undefined && drillId !== context.drillId) throw new NotADrillRecordError('incident', incidentId);
    if (drillId && actor) await this.drills.assertMayWrite({ drillId, jurisdiction: reported.data.jurisdiction, actor });
  }

  private async firstEvent(incidentId: string): Promise<IncidentReported | undefined> {
    try {
      const [first] = await this.store.readStream(incidentStream(incidentId), { fromRevision: 'start', maxCount: 1 });
      const event = first && incidentEvents.read(first);
      return event?.type === 'IncidentReported' ? event : undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }
}

import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, formatPosition, type EventStore } from '@app/event-store';
import { assertDrillDataRules, handleCommand, type CommandContext } from '@app/event-sourcing';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import {
  CLOCK, DRILL_PARTICIPATION, JURISDICTIONS, NO_DRILLS, type Clock, type DrillParticipation, type JurisdictionRegistry,
} from '@app/shared';
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
    if (command.type !== 'ReportIncident') {
      await assertDrillDataRules(this.store, this.drills, { kind: 'incident', id: incidentId, stream: incidentStream(incidentId), createdBy: 'IncidentReported' }, context);
    }
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
}

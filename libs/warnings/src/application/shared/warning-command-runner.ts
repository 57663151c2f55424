import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, formatPosition, type EventStore } from '@app/event-store';
import { assertDrillDataRules, handleCommand, type CommandContext } from '@app/event-sourcing';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import {
  CLOCK, DRILL_PARTICIPATION, isRole, JURISDICTIONS, NO_DRILLS, rolesAllow, type Clock, type DrillParticipation, type JurisdictionRegistry,
} from '@app/shared';
import type { WarningAuthority, WarningCommand } from '../../domain/warning.commands';
import { warningDecider } from '../../domain/warning.decider';
import { warningStream } from '../../domain/warning.types';
import { WarningBoardRow } from '../../read-models/warning-board.entity';
import { toWarningView, type WarningView } from '../../read-models/warning.views';

export interface WarningCommandResponse extends Partial<Omit<WarningView, 'position' | 'revision'>> {
  id: string;
  revision: number;
  position: string | null;
  replayed: boolean;
}

/** map → load → decide → append (with retry), then waits for the warning board: read-your-writes. */
@Injectable()
export class WarningCommandRunner {
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

  /**
   * Routes admit everyone holding `warning.issue_drill`; whether the actor may also touch real warnings
   * (`warning.issue`) travels in the command, since only the body or the stream tells which kind a warning is.
   */
  authorityOf(context: CommandContext): WarningAuthority {
    return rolesAllow((context.actorRoles ?? []).filter(isRole), 'warning.issue') ? 'all' : 'drill_only';
  }

  async run(warningId: string, command: WarningCommand, context: CommandContext): Promise<WarningCommandResponse> {
    if (command.type !== 'IssueWarning') {
      await assertDrillDataRules(this.store, this.drills, { kind: 'warning', id: warningId, stream: warningStream(warningId), createdBy: 'WarningIssued' }, context);
    }
    const result = await handleCommand({ store: this.store, clock: this.clock }, warningDecider, warningStream(warningId), command, context);
    if (result.position) await this.projections.waitFor('warning-board', result.position);
    const row = await this.dataSource.getRepository(WarningBoardRow).findOneBy({ id: warningId });
    return {
      ...(row ? toWarningView(row, this.jurisdictions, this.clock.now()) : {}),
      id: warningId,
      revision: Number(result.revision ?? -1),
      position: result.position ? formatPosition(result.position) : null,
      replayed: result.replayed,
    };
  }
}

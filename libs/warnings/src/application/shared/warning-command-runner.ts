import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, formatPosition, StreamNotFoundError, type EventStore } from '@app/event-store';
import { handleCommand, type CommandContext } from '@app/event-sourcing';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import {
  CLOCK, DRILL_PARTICIPATION, drillActorOf, isRole, JURISDICTIONS, NO_DRILLS, NotADrillRecordError, rolesAllow, type Clock, type DrillParticipation, type JurisdictionRegistry,
} from '@app/shared';
import { warningEvents, type WarningIssued } from '../../domain/warning.events';
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
    if (command.type !== 'IssueWarning') await this.assertDrillRules(warningId, context);
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

  /**
   * 调整 and 解除 of a drill warning are drill data too: only those taking part in that drill while it runs. A command
   * on behalf of a drill only touches that drill's warnings. Decided from the warning's first event (its drill id is fixed).
   */
  private async assertDrillRules(warningId: string, context: CommandContext): Promise<void> {
    const actor = drillActorOf(context);
    if (!actor && !context.drillId) return;
    const issued = await this.firstEvent(warningId);
    // Unknown or outside the actor's jurisdictions: the command itself answers 404.
    if (!issued || (actor && !actor.scope.includes(issued.data.jurisdiction))) return;
    const drillId = issued.data.drillId;
    if (context.drillId !== undefined && drillId !== context.drillId) throw new NotADrillRecordError('warning', warningId);
    if (drillId && actor) await this.drills.assertMayWrite({ drillId, jurisdiction: issued.data.jurisdiction, actor });
  }

  private async firstEvent(warningId: string): Promise<WarningIssued | undefined> {
    try {
      const [first] = await this.store.readStream(warningStream(warningId), { fromRevision: 'start', maxCount: 1 });
      const event = first && warningEvents.read(first);
      return event?.type === 'WarningIssued' ? event : undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }
}

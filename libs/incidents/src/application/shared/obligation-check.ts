import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { REPORT_LEVELS, type ReportLevel } from '../../domain/incident/reporting-deadlines';
import {
  IncidentNotFoundError,
  ObligationLevelMismatchError,
  ObligationNotFoundError,
  ObligationNotPendingError,
} from '../../domain/incident/incident.errors';
import { IncidentBoardQueries } from '../../read-models/incident-board/incident-board.queries';
import type { DeadlineView } from '../../contract';

/**
 * Obligations are derived by the board from the incident's events and its jurisdiction's profile, so whether a named
 * obligation exists and is still owed is read there, before the command is decided (the decider keeps no profile).
 */
@Injectable()
export class ObligationCheck {
  constructor(private readonly board: IncidentBoardQueries) {}

  /** The obligation, still owed (pending or overdue); 404 / 409 otherwise. Outside the actor's scope: 404 incident. */
  async owed(incidentId: string, obligationId: string, context: CommandContext): Promise<DeadlineView> {
    const view = await this.board.viewOf(incidentId);
    if (!view || (context.visibleJurisdictions && !context.visibleJurisdictions.includes(view.jurisdiction)))
      throw new IncidentNotFoundError();
    const obligation = view.deadlines.find((d) => d.id === obligationId);
    if (!obligation) throw new ObligationNotFoundError(obligationId);
    if (obligation.status !== 'pending' && obligation.status !== 'overdue')
      throw new ObligationNotPendingError(obligationId);
    return obligation;
  }

  /** A report to `toLevel` can meet the obligation: a report obligation owed to that level or below (越级 is allowed). */
  async reportable(incidentId: string, obligationId: string, toLevel: ReportLevel, context: CommandContext) {
    const obligation = await this.owed(incidentId, obligationId, context);
    const rank = (l: ReportLevel) => REPORT_LEVELS.indexOf(l);
    if (obligation.level === null || obligation.kind === 'unit' || rank(obligation.level) > rank(toLevel))
      throw new ObligationLevelMismatchError(obligationId);
    return obligation;
  }
}

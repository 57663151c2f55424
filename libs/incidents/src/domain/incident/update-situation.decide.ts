import { gradeAccident, gradeRank } from './accident-grade';
import type { UpdateSituation } from './incident.commands';
import { IncidentClosedError, IncidentNotFoundError } from './incident.errors';
import type { AccidentGradeChanged, SituationUpdated } from './incident.events';
import type { IncidentState } from './incident.state';

/** 续报: merge the new figures, and re-grade on every follow-up (docs/domain.md rule 2). */
export function decideUpdateSituation(
  command: UpdateSituation,
  state: IncidentState,
): (SituationUpdated | AccidentGradeChanged)[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  if (state.status === 'closed') throw new IncidentClosedError();
  const casualties = { ...state.casualties, ...command.casualties };
  const directLossYuan = command.directLossYuan ?? state.directLossYuan;
  const at = command.now.toISOString();
  const events: (SituationUpdated | AccidentGradeChanged)[] = [
    {
      type: 'SituationUpdated',
      data: {
        incidentId: state.incidentId,
        updatedAt: at,
        casualties,
        directLossYuan,
        description: command.description ?? null,
        measures: command.measures ?? null,
      },
    },
  ];
  const grade = gradeAccident({ ...casualties, directLossYuan }, command.policyFor(state.jurisdiction));
  if (grade !== state.grade) {
    events.push({
      type: 'AccidentGradeChanged',
      data: {
        incidentId: state.incidentId,
        from: state.grade,
        to: grade,
        rose: gradeRank(grade) > gradeRank(state.grade),
        changedAt: at,
      },
    });
  }
  return events;
}

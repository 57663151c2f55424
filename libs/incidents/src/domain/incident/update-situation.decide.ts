import { gradeAccident, gradeRank } from './accident-grade';
import type { UpdateSituation } from './incident.commands';
import { IncidentClosedError, IncidentNotFoundError } from './incident.errors';
import type { AccidentGradeChanged, SituationUpdated } from './incident.events';
import type { IncidentState } from './incident.state';
import { outsideStatisticalWindow } from './reporting-profile';

/**
 * 续报 / 补报: merge the new figures, and re-grade on every follow-up (docs/domain.md rule 2). After 响应终止 only
 * casualty changes are taken (补报, 条例493 第十三条). A change after the statistical window (30 days from the accident,
 * 7 for road traffic and fire) is recorded and flagged, but neither re-grades nor owes a report.
 */
export function decideUpdateSituation(
  command: UpdateSituation,
  state: IncidentState,
): (SituationUpdated | AccidentGradeChanged)[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  if (state.status === 'closed' && command.casualties === undefined) throw new IncidentClosedError();
  const casualties = { ...state.casualties, ...command.casualties };
  const directLossYuan =
    state.status === 'closed' ? state.directLossYuan : (command.directLossYuan ?? state.directLossYuan);
  const at = command.now.toISOString();
  const outside = outsideStatisticalWindow(state.occurredAt, at, state.category);
  const events: (SituationUpdated | AccidentGradeChanged)[] = [
    {
      type: 'SituationUpdated',
      data: {
        incidentId: state.incidentId,
        updatedAt: at,
        casualties,
        directLossYuan,
        description: state.status === 'closed' ? null : (command.description ?? null),
        measures: state.status === 'closed' ? null : (command.measures ?? null),
        ...(outside ? { outsideWindow: true as const } : {}),
      },
    },
  ];
  if (outside) return events;
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

import { gradeAccident } from './accident-grade';
import type { ReportIncident } from './incident.commands';
import { FUTURE_TOLERANCE_MS, IncidentAlreadyReportedError, OccurredInFutureError } from './incident.errors';
import type { IncidentReported } from './incident.events';
import type { IncidentState } from './incident.state';

export function decideReportIncident(command: ReportIncident, state: IncidentState): IncidentReported[] {
  if (state.status !== 'none') throw new IncidentAlreadyReportedError();
  if (command.occurredAt.getTime() > command.now.getTime() + FUTURE_TOLERANCE_MS) throw new OccurredInFutureError();
  const grade = gradeAccident({ ...command.casualties, directLossYuan: command.directLossYuan }, command.policy);
  return [
    {
      type: 'IncidentReported',
      data: {
        incidentId: command.incidentId,
        title: command.title,
        category: command.category,
        occurredAt: command.occurredAt.toISOString(),
        receivedAt: command.now.toISOString(),
        location: command.location,
        jurisdiction: command.jurisdiction,
        enterprise: command.enterprise ?? null,
        reporter: command.reporter,
        takenBy: command.takenBy,
        casualties: command.casualties,
        directLossYuan: command.directLossYuan ?? null,
        description: command.description,
        drillId: command.drillId ?? null,
        grade,
      },
    },
  ];
}

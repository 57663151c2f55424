import { gradeAccident } from './accident-grade';
import type { ReportIncident } from './incident.commands';
import {
  BACKDATE_WITHOUT_REASON_MS,
  FUTURE_TOLERANCE_MS,
  IncidentAlreadyReportedError,
  OccurredInFutureError,
  ReceivedAtReasonRequiredError,
  ReceivedInFutureError,
  UnitTimesInvalidError,
} from './incident.errors';
import type { IncidentReported } from './incident.events';
import type { IncidentState } from './incident.state';

/**
 * 接报 (docs/domain.md rules 3 and 7). The 接报时间 is when the call reached the watch: the server's time, or earlier
 * when the duty officer logs a call afterwards — never in the future, and more than 10 minutes back only with a reason,
 * because the bureau's own 2 hours run from it. The unit's times are recorded as facts about the unit.
 */
export function decideReportIncident(command: ReportIncident, state: IncidentState): IncidentReported[] {
  if (state.status !== 'none') throw new IncidentAlreadyReportedError();
  const now = command.now.getTime();
  const received = command.receivedAt ?? command.now;
  if (received.getTime() > now + FUTURE_TOLERANCE_MS) throw new ReceivedInFutureError();
  if (now - received.getTime() > BACKDATE_WITHOUT_REASON_MS && !command.receivedAtReason?.trim()) {
    throw new ReceivedAtReasonRequiredError();
  }
  if (command.occurredAt.getTime() > Math.max(received.getTime(), now) + FUTURE_TOLERANCE_MS) {
    throw new OccurredInFutureError();
  }
  const learned = command.unitLearnedAt?.getTime();
  const unitReported = command.unitReportedAt?.getTime();
  if (
    (learned !== undefined &&
      (learned < command.occurredAt.getTime() - FUTURE_TOLERANCE_MS || learned > now + FUTURE_TOLERANCE_MS)) ||
    (unitReported !== undefined && unitReported > now + FUTURE_TOLERANCE_MS) ||
    (learned !== undefined && unitReported !== undefined && unitReported < learned)
  ) {
    throw new UnitTimesInvalidError();
  }
  const grade = gradeAccident({ ...command.casualties, directLossYuan: command.directLossYuan }, command.policy);
  return [
    {
      type: 'IncidentReported',
      data: {
        incidentId: command.incidentId,
        title: command.title,
        category: command.category,
        occurredAt: command.occurredAt.toISOString(),
        receivedAt: received.toISOString(),
        receivedAtReason: command.receivedAtReason?.trim() || null,
        unitLearnedAt: command.unitLearnedAt?.toISOString() ?? null,
        unitReportedAt: command.unitReportedAt?.toISOString() ?? null,
        measures: command.measures ?? null,
        location: command.location,
        jurisdiction: command.jurisdiction,
        enterprise: command.enterprise ?? null,
        enterpriseId: command.enterpriseId ?? null,
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

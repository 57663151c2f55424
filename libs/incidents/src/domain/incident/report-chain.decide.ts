import type { NotifyParty, PassReportUp, WriteOffObligation } from './incident.commands';
import {
  FUTURE_TOLERANCE_MS,
  IncidentNotFoundError,
  ObligationNotPendingError,
  ReportedBeforeReceiptError,
  ReportedInFutureError,
} from './incident.errors';
import type { ObligationWrittenOff, PartyNotified, ReportPassedUp } from './incident.events';
import type { IncidentState } from './incident.state';

/** The real time of a report or notification: now, or earlier (logged afterwards), never before the receipt. */
function realTime(at: Date | undefined, now: Date, receivedAt: string): string {
  const when = at ?? now;
  if (when.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new ReportedInFutureError();
  if (when.getTime() < Date.parse(receivedAt)) throw new ReportedBeforeReceiptError();
  return when.toISOString();
}

/**
 * 上报 (docs/domain.md rule 3). Reports are facts of the duty log: accepted after 响应终止 too (终报, 补报). Which
 * obligation a report meets is derived by the board from the facts; the application has checked a named one exists.
 */
export function decidePassReportUp(command: PassReportUp, state: IncidentState): ReportPassedUp[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  const reportedAt = realTime(command.reportedAt, command.now, state.receivedAt);
  const recordedAt = command.now.toISOString();
  return [
    {
      type: 'ReportPassedUp',
      data: {
        incidentId: state.incidentId,
        toLevel: command.toLevel,
        channel: command.channel,
        reportedBy: command.reportedBy,
        reportedAt,
        obligationId: command.obligationId ?? null,
        recipient: command.recipient ?? null,
        text: command.text ?? null,
        ...(recordedAt !== reportedAt ? { recordedAt } : {}),
      },
    },
  ];
}

/** 通知 (条例493 第十条): recorded with who, how and when; accepted after 响应终止 as well. */
export function decideNotifyParty(command: NotifyParty, state: IncidentState): PartyNotified[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  return [
    {
      type: 'PartyNotified',
      data: {
        incidentId: state.incidentId,
        party: command.party,
        channel: command.channel,
        recipient: command.recipient ?? null,
        notifiedBy: command.notifiedBy,
        notifiedAt: realTime(command.notifiedAt, command.now, state.receivedAt),
      },
    },
  ];
}

/** 核销 with its reason: once per obligation. */
export function decideWriteOff(command: WriteOffObligation, state: IncidentState): ObligationWrittenOff[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  if (state.writtenOff.includes(command.obligationId)) throw new ObligationNotPendingError(command.obligationId);
  return [
    {
      type: 'ObligationWrittenOff',
      data: {
        incidentId: state.incidentId,
        obligationId: command.obligationId,
        reason: command.reason,
        writtenOffBy: command.writtenOffBy,
        writtenOffAt: command.now.toISOString(),
      },
    },
  ];
}

import type { RecordLateAllocationCancelled, RecordLateDispatchWithdrawn } from './incident.commands';
import { IncidentNotFoundError } from './incident.errors';
import type { LateAllocationCancelled, LateDispatchWithdrawn } from './incident.events';
import type { IncidentState } from './incident.state';

/**
 * What the dispatch process undid because it reached the incident after the close (docs/domain.md rule 9), put on the
 * incident's record. Only a closed incident has anything to record here: on an open one the dispatch would have been
 * taken, so the command changes nothing. A redelivered step is recognised by its idempotency key.
 */
export function decideRecordLateDispatchWithdrawn(
  command: RecordLateDispatchWithdrawn,
  state: IncidentState,
): LateDispatchWithdrawn[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  if (state.status !== 'closed') return [];
  return [
    {
      type: 'LateDispatchWithdrawn',
      data: {
        incidentId: state.incidentId,
        teamId: command.teamId,
        teamName: command.teamName,
        reason: command.reason,
        withdrawnAt: command.now.toISOString(),
      },
    },
  ];
}

export function decideRecordLateAllocationCancelled(
  command: RecordLateAllocationCancelled,
  state: IncidentState,
): LateAllocationCancelled[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  if (state.status !== 'closed') return [];
  return [
    {
      type: 'LateAllocationCancelled',
      data: {
        incidentId: state.incidentId,
        allocationId: command.allocationId,
        warehouseId: command.warehouseId,
        items: command.items.map((i) => ({ ...i })),
        reason: command.reason,
        cancelledAt: command.now.toISOString(),
      },
    },
  ];
}

import { unknownCase, type Snapshotting } from '@app/event-sourcing/events';
import type { AccidentGrade } from './accident-grade';
import type { PinnedPlan } from './checklist';
import type { IncidentEvent } from './incident.events';
import type { Casualties, IncidentCategory, IncidentStatus, ResponseLevel } from './incident.types';

export type IncidentState =
  | { status: 'none' }
  | {
      status: IncidentStatus;
      incidentId: string;
      jurisdiction: string;
      drillId: string | null;
      category: IncidentCategory;
      occurredAt: string;
      receivedAt: string;
      /** Obligations written off (核销): a second write-off of the same one is refused. */
      writtenOff: readonly string[];
      casualties: Casualties;
      directLossYuan: number | null;
      grade: AccidentGrade;
      responseLevel: ResponseLevel | null;
      /** Team id → its last reported status while assigned to this incident. */
      assignedTeams: Readonly<Record<string, string>>;
      /** Activated plans by id (pinned versions), whose tasks a rising level adds to the checklist. */
      activePlans: Readonly<Record<string, PinnedPlan>>;
      /** Checklist task id → title and whether it is done. */
      tasks: Readonly<Record<string, { title: string; done: boolean }>>;
    };

export const initialIncidentState: IncidentState = { status: 'none' };

/**
 * Incident streams grow with every follow-up, dispatch and report (a large response: thousands of events); past
 * about 200 events a snapshot plus the tail loads faster than the whole stream (measured:
 * `npm run bench:decider-snapshots`; docs/performance.md section 3, docs/adr/0022). The state above is plain JSON. Bump `version` whenever its shape changes: older
 * snapshots are then ignored and the next command past `every` events writes a new one.
 */
export const INCIDENT_SNAPSHOTS: Snapshotting = { version: 1, every: 200 };

export function evolveIncident(state: IncidentState, event: IncidentEvent): IncidentState {
  switch (event.type) {
    case 'IncidentReported':
      return {
        status: 'open',
        incidentId: event.data.incidentId,
        jurisdiction: event.data.jurisdiction,
        drillId: event.data.drillId,
        category: event.data.category,
        occurredAt: event.data.occurredAt,
        receivedAt: event.data.receivedAt,
        writtenOff: [],
        casualties: event.data.casualties,
        directLossYuan: event.data.directLossYuan,
        grade: event.data.grade,
        assignedTeams: {},
        responseLevel: null,
        activePlans: {},
        tasks: {},
      };
    case 'SituationUpdated':
      if (state.status === 'none') return state;
      return { ...state, casualties: event.data.casualties, directLossYuan: event.data.directLossYuan };
    case 'AccidentGradeChanged':
      if (state.status === 'none') return state;
      return { ...state, grade: event.data.to };
    case 'IncidentClosed':
      if (state.status === 'none') return state;
      return { ...state, status: 'closed' };
    case 'TeamAssigned':
      if (state.status === 'none') return state;
      return { ...state, assignedTeams: { ...state.assignedTeams, [event.data.teamId]: 'dispatched' } };
    case 'ResponseLevelSet':
      if (state.status === 'none') return state;
      return { ...state, responseLevel: event.data.level };
    case 'ReportPassedUp':
    case 'PartyNotified':
      return state;
    case 'ObligationWrittenOff':
      if (state.status === 'none') return state;
      return { ...state, writtenOff: [...state.writtenOff, event.data.obligationId] };
    case 'PlanActivated':
      if (state.status === 'none') return state;
      return { ...state, activePlans: { ...state.activePlans, [event.data.plan.planId]: event.data.plan } };
    case 'ChecklistTasksAdded': {
      if (state.status === 'none') return state;
      const added = Object.fromEntries(event.data.tasks.map((t) => [t.taskId, { title: t.title, done: false }]));
      return { ...state, tasks: { ...state.tasks, ...added } };
    }
    case 'ChecklistTaskCompleted': {
      if (state.status === 'none') return state;
      const task = state.tasks[event.data.taskId];
      return task ? { ...state, tasks: { ...state.tasks, [event.data.taskId]: { ...task, done: true } } } : state;
    }
    case 'AssignedTeamStatusChanged':
      if (state.status === 'none') return state;
      return { ...state, assignedTeams: { ...state.assignedTeams, [event.data.teamId]: event.data.status } };
    case 'DrillAllocationRecorded':
    case 'LateDispatchWithdrawn':
    case 'LateAllocationCancelled':
      return state;
    default:
      return unknownCase(event);
  }
}

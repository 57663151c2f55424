import { unknownCase } from '@app/event-sourcing/events';
import type { AccidentGrade } from './accident-grade';
import type { PinnedPlan } from './checklist';
import type { IncidentEvent } from './incident.events';
import type { Casualties, IncidentStatus, ResponseLevel } from './incident.types';

export type IncidentState =
  | { status: 'none' }
  | {
      status: IncidentStatus;
      incidentId: string;
      jurisdiction: string;
      drillId: string | null;
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

export function evolveIncident(state: IncidentState, event: IncidentEvent): IncidentState {
  switch (event.type) {
    case 'IncidentReported':
      return {
        status: 'open',
        incidentId: event.data.incidentId,
        jurisdiction: event.data.jurisdiction,
        drillId: event.data.drillId,
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
      return state;
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

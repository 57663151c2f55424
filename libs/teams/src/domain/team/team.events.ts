import { EventRegistry } from '@app/event-sourcing/events';
import type {
  DrillReleaseReason,
  Specialty,
  TeamBase,
  TeamContact,
  TeamKind,
  TeamStatus,
  GeoPoint,
} from './team.types';

export interface TeamProfile {
  name: string;
  kind: TeamKind;
  specialties: Specialty[];
  headcount: number;
  equipment: string[];
  base: TeamBase;
  jurisdiction: string;
  contact: TeamContact;
}

export interface TeamRegistered {
  type: 'TeamRegistered';
  data: { teamId: string; registeredAt: string } & TeamProfile;
}

export interface TeamProfileUpdated {
  type: 'TeamProfileUpdated';
  data: { teamId: string; updatedAt: string } & Partial<Omit<TeamProfile, 'jurisdiction'>>;
}

/** 调派: the team is committed to one incident until it returns. */
export interface TeamDispatched {
  type: 'TeamDispatched';
  data: { teamId: string; incidentId: string; task: string | null; dispatchedAt: string };
}

export interface TeamStatusReported {
  type: 'TeamStatusReported';
  data: {
    teamId: string;
    from: TeamStatus;
    status: TeamStatus;
    incidentId: string | null;
    note: string | null;
    location: GeoPoint | null;
    reportedAt: string;
  };
}

/** 参加演练: a live drill took the team out of service (status `in_drill`). */
export interface TeamTakenIntoDrill {
  type: 'TeamTakenIntoDrill';
  data: { teamId: string; drillId: string; at: string };
}

/** Back to `available`: recalled from the drill or the drill ended. */
export interface TeamReleasedFromDrill {
  type: 'TeamReleasedFromDrill';
  data: { teamId: string; drillId: string; reason: DrillReleaseReason; at: string };
}

/**
 * 调派撤回: the incident had ended (结案) before this team's dispatch reached it. A team that had not left yet is
 * `available` again; one already on its way or on scene is `returning`. `reason` is the Chinese sentence the
 * timeline and the console show.
 */
export interface TeamDispatchWithdrawn {
  type: 'TeamDispatchWithdrawn';
  data: {
    teamId: string;
    incidentId: string;
    from: TeamStatus;
    status: 'available' | 'returning';
    reason: string;
    at: string;
  };
}

export type TeamEvent =
  | TeamRegistered
  | TeamProfileUpdated
  | TeamDispatched
  | TeamStatusReported
  | TeamTakenIntoDrill
  | TeamReleasedFromDrill
  | TeamDispatchWithdrawn;

/** Every TeamEvent type with its schema version (1 + its upcasters: none so far); readers go through `read`. */
export const teamEvents = EventRegistry.of<TeamEvent>({
  TeamRegistered: {},
  TeamProfileUpdated: {},
  TeamDispatched: {},
  TeamStatusReported: {},
  TeamTakenIntoDrill: {},
  TeamReleasedFromDrill: {},
  TeamDispatchWithdrawn: {},
});

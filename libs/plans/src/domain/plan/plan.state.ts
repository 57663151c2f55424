import type { PlanEvent } from './plan.events';
import type { PlanVersionStatus as VersionStatus } from '../../contract';
import type { PlanContent, PlanFiling, PlanFinding, PlanStatus } from './plan.types';

export type { PlanVersionStatus as VersionStatus } from '../../contract';

export interface PlanVersion {
  version: number;
  content: PlanContent;
  status: VersionStatus;
  createdAt: string;
  publishedAt: string | null;
  filing: PlanFiling | null;
}

export type PlanState =
  | { status: 'none' }
  | {
      status: PlanStatus;
      planId: string;
      jurisdiction: string;
      /** Every version ever written: old ones stay readable. */
      versions: Readonly<Record<number, PlanVersion>>;
      latest: number;
      /** The published (or filed) version activations use; null before the first publication. */
      inForce: number | null;
      /** Drill findings recorded since the last revision; the next version records them as addressed. */
      openFindings: readonly PlanFinding[];
    };

export const initialPlanState: PlanState = { status: 'none' };

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanDrafted': {
      const d = event.data;
      return {
        status: 'draft',
        planId: d.planId,
        jurisdiction: d.content.jurisdiction,
        latest: 1,
        inForce: null,
        openFindings: [],
        versions: {
          1: {
            version: 1,
            content: d.content,
            status: 'draft',
            createdAt: d.draftedAt,
            publishedAt: null,
            filing: null,
          },
        },
      };
    }
    case 'PlanRevised': {
      if (state.status === 'none') return state;
      const d = event.data;
      const version: PlanVersion = {
        version: d.version,
        content: d.content,
        status: 'draft',
        createdAt: d.revisedAt,
        publishedAt: null,
        filing: null,
      };
      return {
        ...state,
        status: 'draft',
        latest: d.version,
        versions: { ...state.versions, [d.version]: version },
        openFindings: [],
      };
    }
    case 'PlanPublished': {
      if (state.status === 'none') return state;
      const d = event.data;
      const versions = { ...state.versions };
      if (state.inForce !== null) versions[state.inForce] = { ...versions[state.inForce], status: 'superseded' };
      versions[d.version] = { ...versions[d.version], status: 'published', publishedAt: d.publishedAt };
      return { ...state, status: 'published', inForce: d.version, versions };
    }
    case 'PlanFiled': {
      if (state.status === 'none') return state;
      const d = event.data;
      const versions = {
        ...state.versions,
        [d.version]: { ...state.versions[d.version], status: 'filed' as const, filing: d.filing },
      };
      // A draft revision may be under way while the version in force gets filed: the plan's status follows the newest.
      return { ...state, status: state.latest === d.version ? 'filed' : state.status, versions };
    }
    case 'PlanRetired':
      if (state.status === 'none') return state;
      return { ...state, status: 'retired', inForce: null };
    case 'PlanFindingRecorded':
      if (state.status === 'none') return state;
      return { ...state, openFindings: [...state.openFindings, event.data.finding] };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}

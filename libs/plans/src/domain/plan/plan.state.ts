import type { PlanEvent } from './plan.events';
import type { PlanVersionStatus as VersionStatus } from '../../contract';
import type { PlanContent, PlanEvaluation, PlanFiling, PlanFinding, PlanReview, PlanStatus } from './plan.types';

export type { PlanVersionStatus as VersionStatus } from '../../contract';

export interface PlanVersion {
  version: number;
  content: PlanContent;
  status: VersionStatus;
  createdAt: string;
  publishedAt: string | null;
  filing: PlanFiling | null;
  /** The version's 评审/论证 (the newest one recorded); null on versions published before reviews were recorded. */
  review: PlanReview | null;
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
      /** The newest 评估 of a version in force (null: none recorded). */
      lastEvaluation: PlanEvaluation | null;
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
        lastEvaluation: null,
        versions: {
          1: {
            version: 1,
            content: d.content,
            status: 'draft',
            createdAt: d.draftedAt,
            publishedAt: null,
            filing: null,
            review: null,
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
        review: null,
      };
      return {
        ...state,
        status: 'draft',
        latest: d.version,
        versions: { ...state.versions, [d.version]: version },
        openFindings: [],
      };
    }
    case 'PlanReviewed': {
      if (state.status === 'none') return state;
      const { version, review } = event.data;
      const passed = review.conclusion !== 'failed';
      const versions = {
        ...state.versions,
        [version]: { ...state.versions[version], review, status: passed ? ('reviewed' as const) : ('draft' as const) },
      };
      const status = state.latest === version ? (passed ? 'reviewed' : 'draft') : state.status;
      return { ...state, status, versions };
    }
    case 'PlanEvaluated':
      if (state.status === 'none') return state;
      return { ...state, lastEvaluation: event.data.evaluation };
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

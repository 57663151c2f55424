import type { TeamStatus } from './team.types';

/**
 * Legal status moves (docs/domain.md rule 14): available → dispatched → en_route → on_scene → returning → available, or
 * out of service. A dispatched or travelling team may be stood down (→ returning). `dispatched` is reached only by
 * a dispatch to an incident, never by a status report, so a team serves one incident at a time. `in_drill` (rule 21)
 * is reached only when a live drill takes an available team in, and left only by its release (recall or drill end):
 * no status report moves a team into or out of it.
 */
const NEXT: Readonly<Record<TeamStatus, readonly TeamStatus[]>> = {
  available: ['out_of_service'],
  dispatched: ['en_route', 'returning'],
  en_route: ['on_scene', 'returning'],
  on_scene: ['returning'],
  returning: ['available'],
  out_of_service: ['available'],
  in_drill: [],
};

export const canMove = (from: TeamStatus, to: TeamStatus): boolean => NEXT[from].includes(to);

/** The statuses a status report may move the team to from here (consoles offer only these). */
export const nextStatuses = (from: TeamStatus): readonly TeamStatus[] => NEXT[from];

/** Statuses in which the team is committed to an incident. */
export const isCommitted = (status: TeamStatus): boolean =>
  status === 'dispatched' || status === 'en_route' || status === 'on_scene';

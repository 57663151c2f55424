// The pure ranking of dispatch, for other contexts' domain code that ranks teams for a scene without an incident yet
// (a monitoring alarm's nearby teams): one ranking, not a copy of it.
export { distanceKm, rankTeams, type Point, type TeamCandidate, type TeamRecommendation } from './recommend';
export { SPECIALTIES_BY_CATEGORY } from './incident-needs';

import { getDistance } from 'geolib';
import type { Specialty, TeamKind } from '@app/teams/domain';
import { materialName } from '@app/warehouses/domain';
import type { TeamRecommendation, WarehouseRecommendation } from '../contract';
import { SPEED_KMH, TURNOUT_MINUTES } from './incident-needs';

export type { TeamRecommendation, WarehouseRecommendation } from '../contract';

export interface Point {
  lat: number;
  lng: number;
}

export interface TeamCandidate {
  id: string;
  name: string;
  kind: TeamKind;
  specialties: readonly Specialty[];
  location: Point;
}

/** Great-circle distance (geolib: maintained, no dependencies), in km with 0.1 km precision. */
export const distanceKm = (a: Point, b: Point): number =>
  Math.round(getDistance({ latitude: a.lat, longitude: a.lng }, { latitude: b.lat, longitude: b.lng }) / 100) / 10;

/**
 * Ranked by how many still-needed specialties a team brings, then by ETA; teams matching nothing come last. `needed`
 * holds only the specialties still short of teams: one whose count is met (`met`) ranks nobody up, so a team type
 * already on scene in full never outranks one still missing; the reason says so.
 */
export function rankTeams(
  scene: Point,
  needed: readonly Specialty[],
  labels: Readonly<Record<string, string>>,
  teams: readonly TeamCandidate[],
  met: readonly Specialty[] = [],
): TeamRecommendation[] {
  const named = (list: readonly Specialty[]) => list.map((s) => labels[s] ?? s).join('、');
  return teams
    .map((team) => {
      const matchedSpecialties = needed.filter((s) => team.specialties.includes(s));
      const alreadyMet = met.filter((s) => team.specialties.includes(s));
      const km = distanceKm(scene, team.location);
      const etaMinutes = Math.round(TURNOUT_MINUTES[team.kind] + (km / SPEED_KMH[team.kind]) * 60);
      const matched =
        matchedSpecialties.length > 0
          ? `匹配专长：${named(matchedSpecialties)}`
          : alreadyMet.length > 0
            ? `所需${named(alreadyMet)}队伍已满足`
            : '无匹配专长';
      return {
        teamId: team.id,
        name: team.name,
        kind: team.kind,
        matchedSpecialties,
        distanceKm: km,
        etaMinutes,
        reason: `${matched}；距离 ${km} 公里，预计 ${etaMinutes} 分钟到达`,
      };
    })
    .sort(
      (a, b) =>
        b.matchedSpecialties.length - a.matchedSpecialties.length ||
        a.etaMinutes - b.etaMinutes ||
        a.teamId.localeCompare(b.teamId),
    );
}

export interface WarehouseCandidate {
  id: string;
  name: string;
  location: Point;
  available: Readonly<Record<string, number>>;
}

/**
 * Warehouses holding enough of everything first, by distance; then the rest by distance, with what they lack. `needs`
 * are what is still to allocate: when nothing is, no warehouse is recommended (a second allocation of a covered need
 * would only reserve the same supplies twice).
 */
export function rankWarehouses(
  scene: Point,
  needs: readonly { materialCode: string; quantity: number }[],
  warehouses: readonly WarehouseCandidate[],
): WarehouseRecommendation[] {
  if (needs.every((n) => n.quantity <= 0)) return [];
  return warehouses
    .map((w) => {
      const shortfall = needs
        .map((n) => ({ materialCode: n.materialCode, needed: n.quantity, available: w.available[n.materialCode] ?? 0 }))
        .filter((s) => s.available < s.needed);
      const km = distanceKm(scene, w.location);
      const reason =
        shortfall.length === 0
          ? `距离 ${km} 公里，所需物资可全部满足`
          : `距离 ${km} 公里；缺口：${shortfall.map((s) => `${materialName(s.materialCode)} 需 ${s.needed}，可用 ${s.available}`).join('；')}`;
      return { warehouseId: w.id, name: w.name, distanceKm: km, sufficient: shortfall.length === 0, shortfall, reason };
    })
    .sort(
      (a, b) =>
        Number(b.sufficient) - Number(a.sufficient) ||
        a.distanceKm - b.distanceKm ||
        a.warehouseId.localeCompare(b.warehouseId),
    );
}

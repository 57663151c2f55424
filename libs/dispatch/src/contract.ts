/**
 * What the dispatch context shows the outside world (调度): the recommendations GET /incidents/{id}/recommendations
 * returns. Pure types, shared with the console (`import type` from `@app/dispatch/contract`).
 */
import type { Specialty, TeamKind } from '@app/teams/contract';

/** An available team the commander may send, with why it ranks where it does. */
export interface TeamRecommendation {
  teamId: string;
  name: string;
  kind: TeamKind;
  matchedSpecialties: Specialty[];
  distanceKm: number;
  etaMinutes: number;
  reason: string;
}

/** A warehouse to draw supplies from, with what it lacks. */
export interface WarehouseRecommendation {
  warehouseId: string;
  name: string;
  distanceKm: number;
  sufficient: boolean;
  shortfall: { materialCode: string; needed: number; available: number }[];
  reason: string;
}

export interface Recommendations {
  incidentId: string;
  /** `plan` when the active plans' requirements decide what is needed, `category` before any plan is active. */
  needsFrom: 'plan' | 'category';
  /** Per needed specialty: how many teams the plans ask for and how many are already assigned. */
  neededTeams: { specialty: string; count: number; assigned: number }[];
  neededSpecialties: string[];
  /** The same in Chinese (专长名称). */
  neededSpecialtyLabels: string[];
  neededMaterials: { materialCode: string; quantity: number }[];
  teams: TeamRecommendation[];
  warehouses: WarehouseRecommendation[];
}

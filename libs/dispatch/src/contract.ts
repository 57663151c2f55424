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
  /** Every needed specialty, those still short of teams first. */
  neededSpecialties: string[];
  /** The same in Chinese (专长名称). */
  neededSpecialtyLabels: string[];
  /**
   * Per needed specialty (one team each when no plan gives figures): asked for, already committed to the incident
   * (dispatched, en route, on scene) and still missing; those still missing first.
   */
  teamNeeds: { specialty: string; label: string; count: number; assigned: number; remaining: number }[];
  /** Per needed material: asked for, already allocated (any allocation not cancelled) and still to allocate. */
  materialNeeds: { materialCode: string; needed: number; allocated: number; remaining: number }[];
  /** What is still to allocate (only the lines with something left): the default lines of a new allocation. */
  neededMaterials: { materialCode: string; quantity: number }[];
  /** Available teams, those bringing a still-missing specialty first. */
  teams: TeamRecommendation[];
  /** Warehouses for what is still to allocate; none when every material need is covered. */
  warehouses: WarehouseRecommendation[];
}

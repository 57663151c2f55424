/**
 * What the shelter register (应急避难场所) shows the outside world. Pure types, shared with the console
 * (`import type` from `@app/shelters/contract`).
 */

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** 公园绿地 / 学校操场 / 体育场馆 / 广场 / 室内公共建筑 / 其他. */
export type ShelterKind = 'park' | 'school' | 'stadium' | 'square' | 'indoor' | 'other';

/** What a shelter offers (配套设施). */
export type ShelterFacility =
  | 'water'
  | 'power'
  | 'lighting'
  | 'toilets'
  | 'medical'
  | 'kitchen'
  | 'tents'
  | 'broadcast'
  | 'firefighting'
  | 'waste'
  | 'accessible'
  | 'command_post';

/** GET /shelters, GET /shelters/{id}, and the answer of every command on one. */
export interface ShelterView {
  id: string;
  name: string;
  kind: ShelterKind;
  kindLabel: string;
  /** 可容纳人数. */
  capacity: number;
  /** People sheltered now (real incidents only; a drill never changes it). */
  occupants: number;
  freeCapacity: number;
  /** occupants / capacity, 0..1 with four decimals. */
  occupancyRate: number;
  facilities: ShelterFacility[];
  facilityLabels: string[];
  address: string;
  location: GeoPoint;
  jurisdiction: string;
  jurisdictionName: string;
  /** The incident the current occupancy belongs to, when one does. */
  incident: { id: string; title: string } | null;
  occupancyUpdatedAt: string | null;
  active: boolean;
  registeredAt: string;
  updatedAt: string;
  revision: number;
}

/** GET /shelters/{id}/occupancy: every recorded count, newest first. */
export interface ShelterOccupancyEntry {
  at: string;
  occupants: number;
  incidentId: string | null;
  incidentTitle: string | null;
  note: string | null;
  by: string;
}

/** GET /incidents/{id}/shelter-recommendations: shelters near the incident with room, the best first. */
export interface ShelterRecommendation {
  shelterId: string;
  name: string;
  kind: ShelterKind;
  kindLabel: string;
  distanceKm: number;
  capacity: number;
  freeCapacity: number;
  /** Why, in words (e.g. 距事发地 2.3 公里，尚可容纳 1,800 人). */
  reason: string;
}

export interface ShelterRecommendationsView {
  incidentId: string;
  /** Whether an active plan's task for the incident's response calls for evacuation (疏散、撤离、转移安置). */
  evacuationCalledFor: boolean;
  /** The tasks that call for it, as written in the plan. */
  evacuationTasks: string[];
  /** People to shelter, when known (the incident's 疏散人数 / 涉险人数), else null. */
  peopleToShelter: number | null;
  shelters: ShelterRecommendation[];
}

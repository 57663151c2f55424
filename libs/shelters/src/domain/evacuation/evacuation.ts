import { getDistance } from 'geolib';
import type { GeoPointData } from '../shelter/shelter.types';

/** The words by which a plan's task calls for moving people out: 疏散, 撤离, 转移安置 (and 转移 with 群众/人员). */
const EVACUATION = /疏散|撤离|转移安置|安置(受灾|群众|人员)|转移(受威胁|受灾)?群众|转移人员/;

export function callsForEvacuation(taskTitle: string): boolean {
  return EVACUATION.test(taskTitle);
}

/** Great-circle distance (geolib, as dispatch ranks teams), in km with 0.1 km precision. */
export function distanceKm(a: GeoPointData, b: GeoPointData): number {
  return (
    Math.round(getDistance({ latitude: a.lat, longitude: a.lng }, { latitude: b.lat, longitude: b.lng }) / 100) / 10
  );
}

export interface ShelterCandidate {
  id: string;
  name: string;
  location: GeoPointData;
  capacity: number;
  occupants: number;
}

export interface RankedShelter<S extends ShelterCandidate> {
  shelter: S;
  distanceKm: number;
  freeCapacity: number;
}

/** Shelters with room first, nearest first; full ones after them, nearest first too. */
export function rankShelters<S extends ShelterCandidate>(
  scene: GeoPointData,
  shelters: readonly S[],
): RankedShelter<S>[] {
  return shelters
    .map((shelter) => ({
      shelter,
      distanceKm: distanceKm(scene, shelter.location),
      freeCapacity: Math.max(0, shelter.capacity - shelter.occupants),
    }))
    .sort(
      (a, b) =>
        Number(a.freeCapacity === 0) - Number(b.freeCapacity === 0) ||
        a.distanceKm - b.distanceKm ||
        b.freeCapacity - a.freeCapacity ||
        a.shelter.id.localeCompare(b.shelter.id),
    );
}

/** The people to shelter when the incident knows them: those evacuated, else those endangered; null otherwise. */
export function peopleToShelter(casualties: { evacuated?: number; endangered?: number }): number | null {
  if (typeof casualties.evacuated === 'number' && casualties.evacuated > 0) return casualties.evacuated;
  if (typeof casualties.endangered === 'number' && casualties.endangered > 0) return casualties.endangered;
  return null;
}

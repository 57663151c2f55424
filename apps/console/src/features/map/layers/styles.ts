import type { HazardGrade } from '@app/enterprises/contract';
import type { AccidentGrade } from '@app/incidents/contract';
import type { TeamStatus } from '@app/teams/contract';
import type { WarningLevel } from '@app/warnings/contract';

/**
 * The one table of how each kind of feature looks on the situation map. The markers, the areas and the legend all
 * read their colours from here, so the legend cannot say one colour while the map draws another.
 */
export type MarkerShape = 'circle' | 'diamond' | 'square' | 'triangle' | 'house' | 'area' | 'line';

export interface FeatureStyle {
  /** Fill of a marker or an area; the legend swatch's background. */
  fill: string;
  /** Outline of a marker or an area; the legend swatch's border. */
  stroke: string;
  shape: MarkerShape;
  /** Side of a point marker in pixels (areas and lines ignore it). */
  size: number;
}

/** 特别重大 red, 重大 orange, 较大 yellow, 一般 blue: the order of severity readers know from response levels. */
export const INCIDENT_STYLES: Record<AccidentGrade, FeatureStyle> = {
  especially_serious: { fill: '#dc2626', stroke: '#111827', shape: 'circle', size: 22 },
  serious: { fill: '#ea580c', stroke: '#111827', shape: 'circle', size: 20 },
  major: { fill: '#eab308', stroke: '#111827', shape: 'circle', size: 18 },
  general: { fill: '#2563eb', stroke: '#111827', shape: 'circle', size: 16 },
};

export const TEAM_STYLES: Record<TeamStatus, FeatureStyle> = {
  available: { fill: '#16a34a', stroke: '#ffffff', shape: 'diamond', size: 14 },
  dispatched: { fill: '#f59e0b', stroke: '#ffffff', shape: 'diamond', size: 14 },
  en_route: { fill: '#f97316', stroke: '#ffffff', shape: 'diamond', size: 14 },
  on_scene: { fill: '#b91c1c', stroke: '#ffffff', shape: 'diamond', size: 14 },
  returning: { fill: '#0891b2', stroke: '#ffffff', shape: 'diamond', size: 14 },
  in_drill: { fill: '#7c3aed', stroke: '#ffffff', shape: 'diamond', size: 14 },
  out_of_service: { fill: '#6b7280', stroke: '#ffffff', shape: 'diamond', size: 14 },
};

/** A warehouse's stock as a whole: the worst of its lines. */
export type StockState = 'below_minimum' | 'expiring' | 'ok';

export const WAREHOUSE_STYLES: Record<StockState, FeatureStyle> = {
  below_minimum: { fill: '#dc2626', stroke: '#312e81', shape: 'square', size: 14 },
  expiring: { fill: '#fbbf24', stroke: '#312e81', shape: 'square', size: 14 },
  ok: { fill: '#a78bfa', stroke: '#312e81', shape: 'square', size: 14 },
};

/** The four colours of 预警级别, as the areas are filled (translucent on the map, solid in the legend). */
export const WARNING_STYLES: Record<WarningLevel, FeatureStyle> = {
  red: { fill: '#dc2626', stroke: '#991b1b', shape: 'area', size: 0 },
  orange: { fill: '#f97316', stroke: '#c2410c', shape: 'area', size: 0 },
  yellow: { fill: '#facc15', stroke: '#a16207', shape: 'area', size: 0 },
  blue: { fill: '#3b82f6', stroke: '#1d4ed8', shape: 'area', size: 0 },
};

export type OutlineLevel = 'city' | 'county' | 'park';

/** Schematic jurisdiction outlines: dashed lines, a faint fill. */
export const OUTLINE_STYLES: Record<OutlineLevel, FeatureStyle> = {
  city: { fill: '#1e3a5f', stroke: '#1e3a5f', shape: 'line', size: 0 },
  county: { fill: '#2563eb', stroke: '#2563eb', shape: 'line', size: 0 },
  park: { fill: '#7c3aed', stroke: '#7c3aed', shape: 'line', size: 0 },
};

/**
 * Registered enterprises: one class, a small slate square, so that a unit reads as a place on the map and never as an
 * incident (circles) or a warehouse (coloured squares).
 */
export type EnterpriseClass = 'registered';
export const ENTERPRISE_STYLES: Record<EnterpriseClass, FeatureStyle> = {
  registered: { fill: '#475569', stroke: '#ffffff', shape: 'square', size: 12 },
};

/**
 * Major hazard sources by grade (GB 18218-2018): 一级 (most severe) red, 二级 orange, 三级 yellow, 四级 blue — the order
 * of severity readers know from incident grades and warning levels — drawn as triangles, the shape of a danger sign.
 * The registers' grade badges take their colours from this table too, so a grade looks the same everywhere.
 */
export type HazardGradeClass = `${HazardGrade}`;
export const HAZARD_GRADE_STYLES: Record<HazardGradeClass, FeatureStyle> = {
  '1': { fill: '#dc2626', stroke: '#111827', shape: 'triangle', size: 20 },
  '2': { fill: '#ea580c', stroke: '#111827', shape: 'triangle', size: 18 },
  '3': { fill: '#eab308', stroke: '#111827', shape: 'triangle', size: 16 },
  '4': { fill: '#3b82f6', stroke: '#111827', shape: 'triangle', size: 16 },
};

/**
 * Emergency shelters by how full they are, drawn as a small house (the one shape no other layer uses): green while
 * there is room, amber from 80 % (the watch looks for the next one), red when full.
 */
export type ShelterClass = 'room' | 'filling' | 'full';
export const SHELTER_STYLES: Record<ShelterClass, FeatureStyle> = {
  room: { fill: '#16a34a', stroke: '#14532d', shape: 'house', size: 16 },
  filling: { fill: '#f59e0b', stroke: '#14532d', shape: 'house', size: 16 },
  full: { fill: '#b91c1c', stroke: '#14532d', shape: 'house', size: 16 },
};

/** The order classes are listed in the legend (most severe or most urgent first). */
export const INCIDENT_CLASSES: readonly AccidentGrade[] = ['especially_serious', 'serious', 'major', 'general'];
export const TEAM_CLASSES: readonly TeamStatus[] = [
  'on_scene',
  'en_route',
  'dispatched',
  'returning',
  'available',
  'in_drill',
  'out_of_service',
];
export const WAREHOUSE_CLASSES: readonly StockState[] = ['below_minimum', 'expiring', 'ok'];
export const WARNING_CLASSES: readonly WarningLevel[] = ['red', 'orange', 'yellow', 'blue'];
export const OUTLINE_CLASSES: readonly OutlineLevel[] = ['city', 'county', 'park'];
export const ENTERPRISE_CLASSES: readonly EnterpriseClass[] = ['registered'];
export const HAZARD_GRADE_CLASSES: readonly HazardGradeClass[] = ['1', '2', '3', '4'];
export const SHELTER_CLASSES: readonly ShelterClass[] = ['full', 'filling', 'room'];

/** A shelter's class from its counts: full when no room is left, filling from 80 % of its capacity. */
export function shelterClassOf(shelter: {
  capacity: number;
  freeCapacity: number;
  occupancyRate: number;
}): ShelterClass {
  if (shelter.freeCapacity <= 0) return 'full';
  return shelter.occupancyRate >= 0.8 ? 'filling' : 'room';
}

/** The worst state of a warehouse's lines: one line below its minimum outweighs any number near expiry. */
export function stockStateOf(stock: readonly { belowMinimum: boolean; nearExpiry: boolean }[]): StockState {
  if (stock.some((l) => l.belowMinimum)) return 'below_minimum';
  if (stock.some((l) => l.nearExpiry)) return 'expiring';
  return 'ok';
}

export function outlineLevelOf(level: string | undefined): OutlineLevel {
  return level === 'city' || level === 'park' ? level : 'county';
}

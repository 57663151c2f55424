/**
 * Types every context and the console share: roles and the jurisdiction tree (GET /jurisdictions).
 * Pure types (`import type` from `@app/shared/contract`).
 */

export type Role = 'duty_officer' | 'commander' | 'drill_coordinator' | 'viewer' | 'admin';

export type JurisdictionLevel = 'city' | 'county' | 'town' | 'park';

export interface JurisdictionNode {
  code: string;
  name: string;
  level: JurisdictionLevel;
  parent: string | null;
  children: JurisdictionNode[];
}

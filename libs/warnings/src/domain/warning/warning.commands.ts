import type { WarningChanges } from './warning.events';
import type { WarningArea, WarningChannel, WarningLevel } from './warning.types';

/**
 * Who may act on which warnings: `all` (the roles holding `warning.issue`) or `drill_only` (drill coordinators,
 * `warning.issue_drill`). Which kind a warning is shows only in its body or its stream, so the decider checks it.
 */
export type WarningAuthority = 'all' | 'drill_only';

export interface IssueWarning {
  type: 'IssueWarning';
  warningId: string;
  jurisdiction: string;
  level: WarningLevel;
  hazard: string;
  area: WarningArea;
  message: string;
  instruction?: string;
  effective: Date;
  expires: Date;
  channels?: WarningChannel[];
  drillId?: string;
  incidentId?: string;
  authority: WarningAuthority;
  now: Date;
}

export interface UpdateWarning {
  type: 'UpdateWarning';
  changes: Omit<WarningChanges, 'expires'> & { expires?: Date };
  reason?: string;
  authority: WarningAuthority;
  now: Date;
}

export interface LiftWarning {
  type: 'LiftWarning';
  reason: string;
  authority: WarningAuthority;
  now: Date;
}

export type WarningCommand = IssueWarning | UpdateWarning | LiftWarning;

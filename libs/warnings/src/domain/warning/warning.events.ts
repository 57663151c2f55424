import { EventRegistry } from '@app/event-sourcing/events';
import type { WarningArea, WarningChannel, WarningLevel } from './warning.types';

/** What a warning says; `effective` and `expires` are ISO instants (UTC). */
export interface WarningContent {
  level: WarningLevel;
  hazard: string;
  area: WarningArea;
  message: string;
  instruction: string | null;
  effective: string;
  expires: string;
  channels: WarningChannel[];
}

/** 发布: CAP msgType Alert. */
export interface WarningIssued {
  type: 'WarningIssued';
  data: WarningContent & {
    warningId: string;
    jurisdiction: string;
    drillId: string | null;
    incidentId: string | null;
    issuedAt: string;
  };
}

/** The fields an adjustment (调整) may change; the hazard, jurisdiction, drill and start stay as issued. */
export type WarningChanges = Partial<
  Pick<WarningContent, 'level' | 'area' | 'message' | 'instruction' | 'expires' | 'channels'>
>;

/** 调整: CAP msgType Update, referencing the earlier messages. */
export interface WarningUpdated {
  type: 'WarningUpdated';
  data: { warningId: string; changes: WarningChanges; reason: string | null; updatedAt: string };
}

/** 解除: CAP msgType Cancel. A lifted warning is final. */
export interface WarningLifted {
  type: 'WarningLifted';
  data: { warningId: string; reason: string; liftedAt: string };
}

export type WarningEvent = WarningIssued | WarningUpdated | WarningLifted;

/** Every WarningEvent type with its schema version (1 + its upcasters: none so far); readers go through `read`. */
export const warningEvents = EventRegistry.of<WarningEvent>({
  WarningIssued: {},
  WarningUpdated: {},
  WarningLifted: {},
});

import { EventRegistry } from '@app/event-sourcing/events';
import type { ExpertSpecialty } from '../../contract';

/** What the library holds of an expert besides the jurisdiction that keeps the entry. */
export interface ExpertProfile {
  name: string;
  specialties: ExpertSpecialty[];
  title: string;
  organization: string;
  phone: string;
}

/** 入库: the expert enters the library of one jurisdiction. */
export interface ExpertRegistered {
  type: 'ExpertRegistered';
  data: ExpertProfile & { expertId: string; jurisdiction: string; registeredAt: string };
}

/** Only the fields that really changed; the jurisdiction never changes. */
export interface ExpertProfileUpdated {
  type: 'ExpertProfileUpdated';
  data: { expertId: string; changes: Partial<ExpertProfile>; updatedAt: string };
}

export interface ExpertWithdrawn {
  type: 'ExpertWithdrawn';
  data: { expertId: string; reason: string | null; withdrawnAt: string };
}

export type ExpertEvent = ExpertRegistered | ExpertProfileUpdated | ExpertWithdrawn;

export const expertEvents = EventRegistry.of<ExpertEvent>({
  ExpertRegistered: {},
  ExpertProfileUpdated: {},
  ExpertWithdrawn: {},
});

import { EventRegistry } from '@app/event-sourcing/events';
import type { ConsultationMode } from '../../contract';

/**
 * An invitation of one expert to one incident. The expert's name and specialties are recorded as they were when
 * invited: the incident's timeline reads them from here (it does not know the library).
 */
export interface ExpertInvited {
  type: 'ExpertInvited';
  data: {
    consultationId: string;
    incidentId: string;
    expertId: string;
    expertName: string;
    specialtyLabels: string[];
    jurisdiction: string;
    drillId: string | null;
    mode: ConsultationMode;
    topic: string;
    invitedAt: string;
  };
}

export interface ConsultationAnswerData {
  consultationId: string;
  incidentId: string;
  expertId: string;
  expertName: string;
  note: string | null;
  answeredAt: string;
}

export interface ConsultationAccepted {
  type: 'ConsultationAccepted';
  data: ConsultationAnswerData;
}

export interface ConsultationDeclined {
  type: 'ConsultationDeclined';
  data: ConsultationAnswerData;
}

export type ConsultationEvent = ExpertInvited | ConsultationAccepted | ConsultationDeclined;

export const consultationEvents = EventRegistry.of<ConsultationEvent>({
  ExpertInvited: {},
  ConsultationAccepted: {},
  ConsultationDeclined: {},
});

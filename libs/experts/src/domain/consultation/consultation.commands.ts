import type { ConsultationMode } from '../../contract';

/**
 * 邀请会商. The facts the decider needs from other contexts travel with the command (the application layer reads
 * them): the incident's jurisdiction, drill and whether its response is still going on, and the expert as the library
 * shows them now.
 */
export interface InviteExpert {
  type: 'InviteExpert';
  consultationId: string;
  incidentId: string;
  incidentJurisdiction: string;
  incidentOpen: boolean;
  drillId: string | null;
  expert: { expertId: string; name: string; specialtyLabels: string[]; active: boolean };
  mode: ConsultationMode;
  topic: string;
  now: Date;
}

/** The expert's answer (usually given by phone), recorded by the watch. */
export interface AnswerConsultation {
  type: 'AnswerConsultation';
  answer: 'accept' | 'decline';
  note: string | null;
  incidentOpen: boolean;
  now: Date;
}

export type ConsultationCommand = InviteExpert | AnswerConsultation;

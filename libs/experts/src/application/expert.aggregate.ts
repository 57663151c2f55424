import { defineAggregate } from '@app/event-sourcing';
import { consultationDecider } from '../domain/consultation/consultation.decider';
import { expertDecider } from '../domain/expert/expert.decider';

/** An expert of the library (专家): streams `expert-<id>`; a command's caller next reads the library. */
export const expertAggregate = defineAggregate({
  category: 'expert',
  decider: expertDecider,
  readModels: ['expert-register'],
  resource: 'experts',
});

/**
 * The consultation of one expert on one incident (会商): streams `consultation-<id>`, the id derived from the incident
 * and the expert (consultation-id.ts). Its caller next reads the incident's consultations and its timeline.
 */
export const consultationAggregate = defineAggregate({
  category: 'consultation',
  decider: consultationDecider,
  readModels: ['expert-consultations', 'incident-timeline'],
});

import { defineAggregate } from '@app/event-sourcing';
import { planDecider } from '../domain/plan/plan.decider';

/** A contingency plan (应急预案) and its versions: streams `plan-<id>`; a command's caller next reads the register. */
export const planAggregate = defineAggregate({
  category: 'plan',
  decider: planDecider,
  readModels: ['plan-register'],
  resource: 'plans',
});

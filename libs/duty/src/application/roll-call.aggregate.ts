import { defineAggregate } from '@app/event-sourcing';
import { rollCallDecider } from '../domain/roll-call/roll-call.decider';

/** A roll call (点名): streams `rollcall-<id>`; the caller next reads the roll-call read model. */
export const rollCallAggregate = defineAggregate({
  category: 'rollcall',
  decider: rollCallDecider,
  readModels: ['roll-calls'],
});

import { defineAggregate } from '@app/event-sourcing';
import { scenarioDecider } from '../domain/scenario/scenario.decider';

/** A scenario of the library (情景库): streams `scenario-<id>`; the drill register also holds the library. */
export const scenarioAggregate = defineAggregate({
  category: 'scenario',
  decider: scenarioDecider,
  readModels: ['drill-register'],
});

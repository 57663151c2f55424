import { defineAggregate } from '@app/event-sourcing';
import { shelterDecider } from '../domain/shelter/shelter.decider';

/** An emergency shelter (应急避难场所): streams `shelter-<id>`; a command's caller next reads the register. */
export const shelterAggregate = defineAggregate({
  category: 'shelter',
  decider: shelterDecider,
  readModels: ['shelter-register'],
  resource: 'shelters',
});

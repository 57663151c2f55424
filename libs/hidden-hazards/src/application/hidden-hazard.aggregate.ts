import { defineAggregate } from '@app/event-sourcing';
import { hiddenHazardDecider } from '../domain/hidden-hazard/hidden-hazard.decider';

/**
 * A hidden hazard (隐患) from its recording to its 销号: streams `hiddenhazard-<id>` (the store takes a stream's
 * category from the part before its first dash, so the category has none); a command's caller next reads the hidden
 * hazard register. Never drill data: a drill does not find or rectify real hazards.
 */
export const hiddenHazardAggregate = defineAggregate({
  category: 'hiddenhazard',
  decider: hiddenHazardDecider,
  readModels: ['hidden-hazard-register'],
  resource: 'hidden-hazards',
});

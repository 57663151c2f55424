import { defineAggregate } from '@app/event-sourcing';
import { hazardSourceDecider } from '../domain/hazard-source/hazard-source.decider';

/**
 * A hazardous-chemical unit (危险化学品单元) identified and graded per GB 18218-2018: streams `hazardsource-<id>` (the
 * store takes a stream's category from the part before its first dash, so the category has none); a command's caller
 * next reads the hazard source register.
 */
export const hazardSourceAggregate = defineAggregate({
  category: 'hazardsource',
  decider: hazardSourceDecider,
  readModels: ['hazard-source-register'],
  resource: 'hazard-sources',
});

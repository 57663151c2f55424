import { defineAggregate } from '@app/event-sourcing';
import { dutyWatchDecider } from '../domain/duty-watch/duty-watch.decider';

/**
 * A jurisdiction's watch (值班): one stream per jurisdiction (`duty-<code>`), so that overlapping shifts are decided in
 * one place and two of them can never both land. The caller next reads the duty read model (shifts, handovers).
 */
export const dutyWatchAggregate = defineAggregate({
  category: 'duty',
  decider: dutyWatchDecider,
  readModels: ['duty-watch'],
});

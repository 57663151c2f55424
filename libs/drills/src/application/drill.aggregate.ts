import { defineAggregate } from '@app/event-sourcing';
import { drillDecider } from '../domain/drill/drill.decider';

/** A drill (演练): streams `drill-<id>` (a public event contract); a command's caller next reads the drill register. */
export const drillAggregate = defineAggregate({
  category: 'drill',
  decider: drillDecider,
  readModels: ['drill-register'],
  resource: 'drills',
});

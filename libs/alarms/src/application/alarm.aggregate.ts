import { defineAggregate } from '@app/event-sourcing';
import { alarmDecider } from '../domain/alarm/alarm.decider';

/**
 * An alarm (告警): streams `alarm-<id>`, the id derived from the cause (see alarm-id.ts) so that raising it twice
 * lands on one stream. Never drill data: drill sources are not watched.
 */
export const alarmAggregate = defineAggregate({
  category: 'alarm',
  decider: alarmDecider,
  readModels: ['alarms'],
  resource: 'alarms',
});

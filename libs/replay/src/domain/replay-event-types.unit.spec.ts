import { drillEvents } from '@app/drills/domain';
import { incidentEvents } from '@app/incidents/domain';
import { REPLAY_EVENT_TYPES, REPLAYED_ALLOCATION_EVENTS } from './replay-event-types';

describe('the event types a replay re-emits', () => {
  // The streams a replay reads: incident-<id>, drill-<id>, and the allocation events of warehouse-<id>.
  const readable = [...incidentEvents.types, ...drillEvents.types, ...REPLAYED_ALLOCATION_EVENTS];

  it('names every type the incident and drill registries hold (a new one must be worded by the console)', () => {
    const missing = readable.filter((type) => !(REPLAY_EVENT_TYPES as readonly string[]).includes(type));
    expect(missing).toEqual([]);
  });

  it('names no type the replay cannot meet', () => {
    expect(REPLAY_EVENT_TYPES.filter((type) => !readable.includes(type))).toEqual([]);
    expect(new Set(REPLAY_EVENT_TYPES).size).toBe(REPLAY_EVENT_TYPES.length);
  });
});

import type { EventMetadata } from '@app/event-store';
import { timelineActorOf } from './timeline-actor';

const base: EventMetadata = {
  correlationId: 'c',
  causationId: 'c',
  actorId: 'u-1',
  occurredAt: '2026-11-23T02:00:00Z',
  schemaVersion: 1,
};

describe('who a timeline line names', () => {
  it('a signed-in person (a request carries the roles acted with)', () => {
    expect(timelineActorOf({ ...base, actorName: 'duty', actorRoles: ['duty_officer'] })).toEqual({
      id: 'u-1',
      kind: 'person',
      recordedName: 'duty',
      via: null,
    });
  });

  it('the person a process acted for, with the process as `via`', () => {
    expect(
      timelineActorOf({
        ...base,
        actorId: 'dispatch-process',
        actorName: '调度流程',
        onBehalfOfId: 'u-2',
        onBehalfOfName: 'commander',
      }),
    ).toEqual({ id: 'u-2', kind: 'person', recordedName: 'commander', via: '调度流程' });
  });

  it('the system itself when no person is behind it (a scheduler, seeding, events from before)', () => {
    expect(timelineActorOf({ ...base, actorId: 'dispatch-process', actorName: '调度流程' })).toEqual({
      id: 'dispatch-process',
      kind: 'system',
      recordedName: '调度流程',
      via: null,
    });
    expect(timelineActorOf({ ...base, actorId: 'demo-seed' })).toMatchObject({
      kind: 'system',
      recordedName: 'demo-seed',
    });
  });
});

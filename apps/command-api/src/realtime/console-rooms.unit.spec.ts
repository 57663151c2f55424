import type { LiveDelta } from '@app/event-sourcing';
import type { JurisdictionRegistry } from '@app/shared';
import { roomsOfDelta, roomsOfSubscription } from './console-rooms';

const jurisdictions = { lineage: (code: string) => [code, '640500'] } as unknown as JurisdictionRegistry;
const delta = (name: string, scope: LiveDelta['scope']) => ({ name, position: '1/1', scope, data: {} }) as LiveDelta;
const actor = { jurisdiction: '640500', scope: ['640500', '640521', '640522'] };

describe('console rooms by protocol', () => {
  it('protocol 2: an incident’s timeline line goes to its incident room only, its board change to the jurisdictions too', () => {
    const scope = { jurisdiction: '640521', incidentId: 'i1' };
    expect(roomsOfDelta(delta('timeline.appended', scope), jurisdictions, 2)).toEqual(['incident:i1@640521']);
    expect(roomsOfDelta(delta('consultation.changed', scope), jurisdictions, 2)).toEqual(['incident:i1@640521']);
    expect(roomsOfDelta(delta('incident.changed', scope), jurisdictions, 2)).toEqual([
      'incident:i1@640521',
      'jurisdiction:640521',
      'jurisdiction:640500',
    ]);
  });

  it('protocol 1: every delta of the jurisdiction, in rooms of its own', () => {
    const scope = { jurisdiction: '640521', incidentId: 'i1' };
    expect(roomsOfDelta(delta('timeline.appended', scope), jurisdictions, 1)).toEqual([
      'v1:incident:i1@640521',
      'v1:jurisdiction:640521',
      'v1:jurisdiction:640500',
    ]);
  });

  it('drill deltas reach the drill room, never a jurisdiction room, in both protocols', () => {
    const scope = { jurisdiction: '640521', incidentId: 'i1', drillId: 'd1' };
    expect(roomsOfDelta(delta('timeline.appended', scope), jurisdictions, 2)).toEqual([
      'incident:i1@640521',
      'drill:d1@640521',
    ]);
    expect(roomsOfDelta(delta('incident.changed', scope), jurisdictions, 1)).toEqual([
      'v1:incident:i1@640521',
      'v1:drill:d1@640521',
    ]);
  });

  it('protocol 2 follows an incident only in its own jurisdiction, and only inside the actor’s scope', () => {
    expect(roomsOfSubscription({ incidentId: 'i1' }, actor, 2, '640521')).toEqual(['incident:i1@640521']);
    expect(roomsOfSubscription({ incidentId: 'i1' }, actor, 2, '640300')).toBe('事故不存在或不在本辖区');
    expect(roomsOfSubscription({ incidentId: 'i1' }, actor, 2)).toBe('事故不存在或不在本辖区');
    expect(roomsOfSubscription({}, actor, 1)).toEqual(['v1:jurisdiction:640500']);
  });
});

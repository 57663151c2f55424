import { LiveDeltaBuffer } from './live-delta-buffer';
import type { IncidentView } from '@app/incidents/contract';
import type { LiveDelta } from './live-delta';

// The buffer never looks inside `data`: a marker stands in for the view.
const delta = (position: string): LiveDelta => ({
  name: 'incident.changed',
  position,
  scope: {},
  data: position as unknown as IncidentView,
});

describe('LiveDeltaBuffer', () => {
  it('returns deltas strictly after `since`, in position order', () => {
    const buffer = new LiveDeltaBuffer(10);
    ['5/2', '5/1', '7/3'].forEach((p) => buffer.add(delta(p)));
    expect(buffer.since('5/1', { commit: 0n, prepare: 0n })).toEqual([delta('5/2'), delta('7/3')]);
  });

  it('asks for a snapshot when `since` is before what this process can vouch for', () => {
    const buffer = new LiveDeltaBuffer(10);
    buffer.add(delta('9/9'));
    expect(buffer.since('3/1', { commit: 5n, prepare: 0n })).toBe('too_far_behind');
    expect(buffer.since('3/1', undefined)).toBe('too_far_behind');
  });

  it('asks for a snapshot once older deltas were evicted', () => {
    const buffer = new LiveDeltaBuffer(2);
    ['1/1', '2/2', '3/3'].forEach((p) => buffer.add(delta(p)));
    expect(buffer.since('1/1', { commit: 0n, prepare: 0n })).toBe('too_far_behind');
    expect(buffer.since('2/2', { commit: 0n, prepare: 0n })).toEqual([delta('3/3')]);
  });

  it('rejects a malformed position', () => {
    expect(new LiveDeltaBuffer().since('abc', { commit: 0n, prepare: 0n })).toBe('invalid');
  });
});

describe('LiveDeltaBuffer memory bound', () => {
  it('evicts the oldest deltas when their payloads exceed the byte budget, and then says resume is too far behind', () => {
    const buffer = new LiveDeltaBuffer(10_000, 10_000);
    const big = 'x'.repeat(3_000);
    for (let i = 1; i <= 10; i++)
      buffer.add({ name: 'incident.changed', position: `${i}/0`, scope: {}, data: big as unknown as IncidentView });
    expect(buffer.size).toBe(3);
    expect(buffer.heldBytes).toBeLessThanOrEqual(10_000);
    expect(buffer.since('1/0', { commit: 1n, prepare: 0n })).toBe('too_far_behind');
    expect((buffer.since('8/0', { commit: 1n, prepare: 0n }) as { position: string }[]).map((d) => d.position)).toEqual(
      ['9/0', '10/0'],
    );
  });
});

describe('LiveDeltaBuffer eviction over many deltas', () => {
  it('keeps exactly the newest `capacity` deltas after its storage was compacted', () => {
    const buffer = new LiveDeltaBuffer(10);
    for (let i = 1; i <= 5_000; i++) buffer.add(delta(`${i}/0`));
    expect(buffer.size).toBe(10);
    expect(
      (buffer.since('4991/0', { commit: 0n, prepare: 0n }) as { position: string }[]).map((d) => d.position),
    ).toEqual(['4992/0', '4993/0', '4994/0', '4995/0', '4996/0', '4997/0', '4998/0', '4999/0', '5000/0']);
    // Before the oldest kept delta, something may have been dropped: the console must reload.
    expect(buffer.since('4990/0', { commit: 0n, prepare: 0n })).toBe('too_far_behind');
  });
});

import type { RecordedEvent } from '@app/event-store';
import { fold, type Decider, type DomainEvent } from './decider';
import {
  currentSchemaVersion,
  EventFromNewerSchemaError,
  EventRegistry,
  stampSchemaVersions,
  upcast,
} from './upcasting';

// Version history of `Reported`: v1 { n }, v2 added `unit`, v3 renamed n → count.
type Reported = DomainEvent<'Reported', { count: number; unit: string }>;
type Closed = DomainEvent<'Closed', { at: string }>;
const registry = EventRegistry.of<Reported | Closed>({
  Reported: {
    upcasters: [
      (v1: { n: number }) => ({ ...v1, unit: 'piece' }),
      ({ n, ...rest }: { n: number; unit: string }) => ({ ...rest, count: n }),
    ],
  },
  Closed: {},
});

const recorded = (type: string, data: unknown, schemaVersion: number): RecordedEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  streamName: 's-1',
  revision: 0n,
  position: { commit: 1n, prepare: 1n },
  data,
  metadata: { correlationId: 'c', causationId: 'c', actorId: 'a', occurredAt: '2026-01-01T00:00:00Z', schemaVersion },
  recordedAt: new Date(0),
});

describe('event registry', () => {
  it('lifts every older version through the chain and leaves the current one as stored', () => {
    expect(registry.versionOf('Reported')).toBe(3);
    expect(registry.read(recorded('Reported', { n: 4 }, 1))?.data).toEqual({ count: 4, unit: 'piece' });
    expect(registry.read(recorded('Reported', { n: 4, unit: 'kg' }, 2))?.data).toEqual({ count: 4, unit: 'kg' });
    const current = recorded('Reported', { count: 4, unit: 'kg' }, 3);
    expect(registry.read(current)).toBe(current);
    // Position and metadata travel with the upcast data.
    expect(registry.read(recorded('Reported', { n: 1 }, 1))).toMatchObject({
      streamName: 's-1',
      position: { commit: 1n, prepare: 1n },
      metadata: { schemaVersion: 1 },
    });
  });

  it('answers undefined for a type it does not know, and refuses a version newer than it knows', () => {
    expect(registry.read(recorded('Archived', {}, 1))).toBeUndefined();
    expect(
      registry.readAll([recorded('Archived', {}, 1), recorded('Closed', { at: 'x' }, 1)]).map((e) => e.type),
    ).toEqual(['Closed']);
    expect(() => registry.read(recorded('Reported', { count: 1, unit: 'kg' }, 4))).toThrow(EventFromNewerSchemaError);
  });

  it('union and only restrict what a reader of several aggregates accepts', () => {
    const other = EventRegistry.of<DomainEvent<'Moved', { to: string }>>({ Moved: {} });
    const both = EventRegistry.union(registry.only('Closed'), other);
    expect(both.types).toEqual(['Closed', 'Moved']);
    expect(both.read(recorded('Reported', { count: 1, unit: 'kg' }, 3))).toBeUndefined();
    expect(both.read(recorded('Moved', { to: 'b' }, 1))?.data).toEqual({ to: 'b' });
  });

  it('gives load() upcasters that know every type: an unknown one is passed over by fold, versions are stamped on append', () => {
    const upcasters = registry.upcasters;
    expect(upcast(recorded('Reported', { n: 2 }, 1), upcasters)).toEqual({
      type: 'Reported',
      data: { count: 2, unit: 'piece' },
    });
    const decider: Pick<Decider<unknown, Reported | Closed, number>, 'evolve' | 'initialState'> = {
      initialState: 0,
      evolve: (total, event) => (event.type === 'Reported' ? total + event.data.count : total),
    };
    const events = [
      recorded('Reported', { n: 2 }, 1),
      recorded('Archived', { count: 100 }, 1),
      recorded('Reported', { count: 3, unit: 'kg' }, 3),
    ];
    expect(
      fold(
        decider,
        events.map((e) => upcast(e, upcasters) as Reported),
      ),
    ).toBe(5);
    expect([currentSchemaVersion('Reported', upcasters), currentSchemaVersion('Closed', upcasters)]).toEqual([3, 1]);
    const stamped = stampSchemaVersions(
      [{ id: 'x', type: 'Reported', data: {}, metadata: recorded('Reported', {}, 1).metadata }],
      upcasters,
    );
    expect(stamped[0]!.metadata.schemaVersion).toBe(3);
  });
});

import { spec } from '@app/event-sourcing/testing';
import type { RecordOccupancy, RegisterShelter, ShelterCommand } from './shelter.commands';
import { shelterDecider } from './shelter.decider';
import {
  ShelterAlreadyRegisteredError,
  ShelterCapacityBelowOccupancyError,
  ShelterDrillIncidentError,
  ShelterFieldError,
  ShelterNotFoundError,
  ShelterOverCapacityError,
} from './shelter.errors';
import type { ShelterEvent } from './shelter.events';
import { SHELTER_LIMITS } from './shelter.types';

const now = new Date('2026-12-07T01:00:00Z');
const shelterId = '5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b';
const incident = { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', title: '某化工企业储罐泄漏', drillId: null };

const register: RegisterShelter = {
  type: 'RegisterShelter',
  shelterId,
  name: '中心公园应急避难场所',
  kind: 'park',
  capacity: 200,
  location: { lat: 37.54, lng: 105.15 },
  facilities: ['water', 'tents', 'water'],
  address: '沙坡头区某路',
  jurisdiction: '640502',
  now,
};
const registered: ShelterEvent = {
  type: 'ShelterRegistered',
  data: {
    shelterId,
    jurisdiction: '640502',
    name: '中心公园应急避难场所',
    kind: 'park',
    capacity: 200,
    location: { lat: 37.54, lng: 105.15 },
    facilities: ['water', 'tents'],
    address: '沙坡头区某路',
    registeredAt: now.toISOString(),
  },
};
const record = (occupants: number, overrides: Partial<RecordOccupancy> = {}): RecordOccupancy => ({
  type: 'RecordOccupancy',
  occupants,
  incident,
  note: null,
  now,
  ...overrides,
});
const recorded = (occupants: number): ShelterEvent => ({
  type: 'ShelterOccupancyRecorded',
  data: {
    shelterId,
    occupants,
    incidentId: incident.id,
    incidentTitle: incident.title,
    note: null,
    recordedAt: now.toISOString(),
  },
});
const update = (changes: Extract<ShelterCommand, { type: 'UpdateShelter' }>['changes']): ShelterCommand => ({
  type: 'UpdateShelter',
  changes,
  now,
});

const shelter = spec(shelterDecider);

describe('a shelter not yet registered', () => {
  it('is registered with each facility once and nobody in it', () => {
    const { state } = shelter.when(register).then([registered]);
    expect(state).toMatchObject({ status: 'registered', occupants: 0, capacity: 200 });
  });

  it('is refused with blank text, a capacity that is not a positive whole number, an unknown kind or facility, a bad position', () => {
    const bad: Partial<RegisterShelter>[] = [
      { name: ' ' },
      { address: 'x'.repeat(SHELTER_LIMITS.address + 1) },
      { capacity: 0 },
      { capacity: 2.5 },
      { capacity: SHELTER_LIMITS.capacity + 1 },
      { kind: 'bunker' as never },
      { facilities: ['spa' as never] },
      { location: { lat: 37, lng: 181 } },
    ];
    for (const change of bad)
      shelter.when({ ...register, ...change }).thenThrows(ShelterFieldError, 'VALIDATION_FAILED');
  });

  it('cannot be changed or record occupancy (404)', () => {
    shelter.when(update({ name: '新名' })).thenThrows(ShelterNotFoundError, 'SHELTER_NOT_FOUND');
    shelter.when(record(1)).thenThrows(ShelterNotFoundError, 'SHELTER_NOT_FOUND');
  });
});

describe('a registered shelter', () => {
  const given = shelter.given([registered]);

  it('is not registered twice', () => {
    given.when(register).thenThrows(ShelterAlreadyRegisteredError, 'SHELTER_ALREADY_REGISTERED');
  });

  it('records occupancy from 0 up to exactly its capacity, for an incident or none', () => {
    const { state } = given.when(record(200)).then([recorded(200)]);
    expect(state).toMatchObject({ occupants: 200 });
    const empty = given.when(record(0, { incident: null, note: '已离开' })).decided();
    expect(empty.events[0]!.data).toMatchObject({
      occupants: 0,
      incidentId: null,
      incidentTitle: null,
      note: '已离开',
    });
  });

  it('refuses more people than it holds, a negative or fractional count, an oversized note', () => {
    const over = given.when(record(201)).thenThrows(ShelterOverCapacityError, 'SHELTER_OVER_CAPACITY');
    expect(over.details).toEqual({ occupants: 201, capacity: 200 });
    given.when(record(-1)).thenThrows(ShelterFieldError, 'VALIDATION_FAILED');
    given.when(record(1.5)).thenThrows(ShelterFieldError, 'VALIDATION_FAILED');
    given
      .when(record(1, { note: 'x'.repeat(SHELTER_LIMITS.note + 1) }))
      .thenThrows(ShelterFieldError, 'VALIDATION_FAILED');
  });

  it('never takes a count for a drill incident', () => {
    const error = given
      .when(record(10, { incident: { ...incident, drillId: 'drill-1' } }))
      .thenThrows(ShelterDrillIncidentError, 'SHELTER_DRILL_INCIDENT');
    expect(error.kind).toBe('rule');
  });

  it('records only what really changes', () => {
    given.when(update({ name: '中心公园应急避难场所', capacity: 300 })).then([
      {
        type: 'ShelterProfileUpdated',
        data: { shelterId, changes: { capacity: 300 }, updatedAt: now.toISOString() },
      },
    ]);
    given.when(update({ kind: 'park' })).thenNothing();
    given.when(update({ capacity: 0 })).thenThrows(ShelterFieldError, 'VALIDATION_FAILED');
  });
});

describe('a shelter holding people', () => {
  const given = shelter.given([registered, recorded(150)]);

  it('cannot have its capacity lowered below them; down to exactly them is allowed', () => {
    const error = given
      .when(update({ capacity: 149 }))
      .thenThrows(ShelterCapacityBelowOccupancyError, 'SHELTER_CAPACITY_BELOW_OCCUPANCY');
    expect(error.details).toEqual({ capacity: 149, occupants: 150 });
    const { state } = given.when(update({ capacity: 150 })).decided();
    expect(state).toMatchObject({ capacity: 150, occupants: 150 });
  });
});

import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import type { RecordOccupancy, RegisterShelter, ShelterCommand, UpdateShelter } from './shelter.commands';
import {
  ShelterAlreadyRegisteredError,
  ShelterCapacityBelowOccupancyError,
  ShelterDrillIncidentError,
  ShelterFieldError,
  ShelterNotFoundError,
  ShelterOverCapacityError,
} from './shelter.errors';
import { shelterEvents, type ShelterEvent, type ShelterProfile } from './shelter.events';
import { evolveShelter, initialShelterState, type ShelterState } from './shelter.state';
import { SHELTER_FACILITIES, SHELTER_KINDS, SHELTER_LIMITS } from './shelter.types';

type Registered = Exclude<ShelterState, { status: 'none' }>;

export function decideShelter(command: ShelterCommand, state: ShelterState): ShelterEvent[] {
  if (command.type === 'RegisterShelter') return register(command, state);
  if (state.status === 'none') throw new ShelterNotFoundError();
  switch (command.type) {
    case 'UpdateShelter':
      return update(command, state);
    case 'RecordOccupancy':
      return recordOccupancy(command, state);
    default:
      return unknownCase(command);
  }
}

function register(command: RegisterShelter, state: ShelterState): ShelterEvent[] {
  if (state.status !== 'none') throw new ShelterAlreadyRegisteredError();
  const profile: ShelterProfile = {
    name: command.name,
    kind: command.kind,
    capacity: command.capacity,
    location: { lat: command.location.lat, lng: command.location.lng },
    facilities: [...new Set(command.facilities)],
    address: command.address,
  };
  assertProfile(profile);
  return [
    {
      type: 'ShelterRegistered',
      data: {
        shelterId: command.shelterId,
        jurisdiction: command.jurisdiction,
        ...profile,
        registeredAt: command.now.toISOString(),
      },
    },
  ];
}

/** Only what really changes; the capacity never below the people sheltered now. */
function update(command: UpdateShelter, state: Registered): ShelterEvent[] {
  const proposed: Partial<ShelterProfile> = {
    ...command.changes,
    ...(command.changes.facilities ? { facilities: [...new Set(command.changes.facilities)] } : {}),
  };
  assertProfile(proposed);
  if (proposed.capacity !== undefined && proposed.capacity < state.occupants) {
    throw new ShelterCapacityBelowOccupancyError(proposed.capacity, state.occupants);
  }
  const changes = Object.fromEntries(
    Object.entries(proposed).filter(
      ([key, value]) =>
        value !== undefined && JSON.stringify(value) !== JSON.stringify(state[key as keyof ShelterProfile]),
    ),
  ) as Partial<ShelterProfile>;
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'ShelterProfileUpdated',
      data: { shelterId: state.shelterId, changes, updatedAt: command.now.toISOString() },
    },
  ];
}

/** A count of the people there now: 0 (emptied) up to the capacity, for a real incident or none. */
function recordOccupancy(command: RecordOccupancy, state: Registered): ShelterEvent[] {
  if (command.incident?.drillId) throw new ShelterDrillIncidentError();
  if (!Number.isInteger(command.occupants) || command.occupants < 0) {
    throw new ShelterFieldError('occupants', '须为不小于 0 的整数');
  }
  if (command.occupants > state.capacity) throw new ShelterOverCapacityError(command.occupants, state.capacity);
  if (command.note !== null && command.note.length > SHELTER_LIMITS.note) {
    throw new ShelterFieldError('note', `最多 ${SHELTER_LIMITS.note} 个字符`);
  }
  return [
    {
      type: 'ShelterOccupancyRecorded',
      data: {
        shelterId: state.shelterId,
        occupants: command.occupants,
        incidentId: command.incident?.id ?? null,
        incidentTitle: command.incident?.title ?? null,
        note: command.note,
        recordedAt: command.now.toISOString(),
      },
    },
  ];
}

function assertProfile(profile: Partial<ShelterProfile>): void {
  if (profile.name !== undefined) assertText('name', profile.name, SHELTER_LIMITS.name);
  if (profile.address !== undefined) assertText('address', profile.address, SHELTER_LIMITS.address);
  if (profile.kind !== undefined && !SHELTER_KINDS.includes(profile.kind)) {
    throw new ShelterFieldError('kind', '未知的避难场所类型');
  }
  if (profile.capacity !== undefined) {
    const c = profile.capacity;
    if (!Number.isInteger(c) || c < 1 || c > SHELTER_LIMITS.capacity) {
      throw new ShelterFieldError('capacity', `须为 1 到 ${SHELTER_LIMITS.capacity} 之间的整数`);
    }
  }
  if (profile.facilities !== undefined && profile.facilities.some((f) => !SHELTER_FACILITIES.includes(f))) {
    throw new ShelterFieldError('facilities', '未知的配套设施');
  }
  if (profile.location !== undefined) {
    const { lat, lng } = profile.location;
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw new ShelterFieldError('location.lat', '纬度无效');
    if (!Number.isFinite(lng) || lng < -180 || lng > 180) throw new ShelterFieldError('location.lng', '经度无效');
  }
}

function assertText(path: string, value: string, max: number): void {
  if (value.trim().length === 0) throw new ShelterFieldError(path, '不能为空');
  if (value.length > max) throw new ShelterFieldError(path, `最多 ${max} 个字符`);
}

export const shelterDecider = defineDecider<ShelterCommand, ShelterEvent, ShelterState>({
  events: shelterEvents,
  initialState: initialShelterState,
  evolve: evolveShelter,
  decide: decideShelter,
  notFound: () => new ShelterNotFoundError(),
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
});

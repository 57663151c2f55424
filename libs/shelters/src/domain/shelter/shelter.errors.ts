import { domainError } from '@app/shared';

// The shelter register's error catalogue: each code, its status and its Chinese wording, declared once.

export const ShelterNotFoundError = domainError({
  code: 'SHELTER_NOT_FOUND',
  kind: 'not_found',
  message: '避难场所不存在',
});

export const ShelterAlreadyRegisteredError = domainError({
  code: 'SHELTER_ALREADY_REGISTERED',
  kind: 'conflict',
  message: '该避难场所已登记',
});

export const ShelterOverCapacityError = domainError({
  code: 'SHELTER_OVER_CAPACITY',
  kind: 'rule',
  message: (occupants: number, capacity: number) =>
    `安置人数 ${occupants} 人超过该避难场所的容纳能力 ${capacity} 人，请分流到其他避难场所`,
  details: (occupants, capacity) => ({ occupants, capacity }),
});

export const ShelterCapacityBelowOccupancyError = domainError({
  code: 'SHELTER_CAPACITY_BELOW_OCCUPANCY',
  kind: 'conflict',
  message: (capacity: number, occupants: number) =>
    `容纳人数不能低于当前安置人数：拟改为 ${capacity} 人，现安置 ${occupants} 人`,
  details: (capacity, occupants) => ({ capacity, occupants }),
});

/** A drill's evacuation is simulated: it never changes how many people a real shelter holds. */
export const ShelterDrillIncidentError = domainError({
  code: 'SHELTER_DRILL_INCIDENT',
  kind: 'rule',
  message: '演练事故的疏散安置不改变避难场所的实际安置人数，不予登记',
  details: () => ({}),
});

export const ShelterFieldError = domainError({
  code: 'VALIDATION_FAILED',
  kind: 'invalid',
  message: (path: string, message: string) => `${path}：${message}`,
  details: (path, message) => ({ errors: [{ path, message }] }),
});

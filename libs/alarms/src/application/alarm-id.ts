import { nameBasedUuid } from '@app/shared';

/** The namespace of alarm ids (a fixed random uuid: only its stability matters). */
const ALARM_NAMESPACE = '5d0f7c3e-8a41-4c52-9a7e-2f4b1c9d6e80';

/**
 * The alarm's id from its cause, e.g. `deadline:<incident>:<obligation>:overdue`: every process that sees the same
 * cause raises the same stream, so a restart or a second replica stores one alarm, never two.
 */
export function alarmIdOf(sourceKey: string): string {
  return nameBasedUuid(sourceKey, ALARM_NAMESPACE);
}

import { nameBasedUuid } from '@app/shared';

/** The namespace of consultation ids (a fixed random uuid: only its stability matters). */
const CONSULTATION_NAMESPACE = '9b3e6d2a-41c7-4f58-8e0d-6a1f2c7b5e93';

/**
 * One consultation stream per incident and expert: a second invitation of the same expert to the same incident meets
 * the first one's stream, so its state (pending, accepted, declined) decides, and two concurrent invitations race
 * on one stream's revision rather than creating two.
 */
export function consultationIdOf(incidentId: string, expertId: string): string {
  return nameBasedUuid(`${incidentId.toLowerCase()}:${expertId.toLowerCase()}`, CONSULTATION_NAMESPACE);
}

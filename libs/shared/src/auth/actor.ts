import { domainError } from '../errors/domain-error';
import type { Role } from './roles';

/**
 * Who is acting: the signed-in user with its roles and jurisdiction. `scope` is the user's jurisdiction and every
 * jurisdiction below it, the only ones it may read or change (outside answers 404, so existence does not leak).
 */
export interface Actor {
  userId: string;
  username: string;
  roles: Role[];
  jurisdiction: string;
  scope: readonly string[];
  /** The sign-in session the request or socket belongs to (absent for actors made by the system or by tests). */
  sessionId?: string;
}

export const OutsideJurisdictionError = domainError({
  code: 'OUTSIDE_JURISDICTION',
  kind: 'forbidden',
  message: (jurisdiction: string) => `无权在辖区 ${jurisdiction} 办理：只能办理本辖区及下级辖区的事务`,
  details: (jurisdiction) => ({ jurisdiction }),
});

export const inScope = (actor: Pick<Actor, 'scope'>, jurisdiction: string): boolean =>
  actor.scope.includes(jurisdiction);

/**
 * People's display names by user id, for read models that show who acted (the identity context keeps the names);
 * ids it does not know (system processes, removed users) are left out of the answer.
 */
export interface ActorDirectory {
  displayNames(userIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

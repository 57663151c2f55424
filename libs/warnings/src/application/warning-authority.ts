import type { CommandContext } from '@app/event-sourcing';
import { isRole, rolesAllow } from '@app/shared';
import type { WarningAuthority } from '../domain/warning/warning.commands';

/**
 * Routes admit everyone holding `warning.issue_drill`; whether the actor may also touch real warnings
 * (`warning.issue`) travels in the command, since only the body or the stream tells which kind a warning is.
 */
export function warningAuthorityOf(context: CommandContext): WarningAuthority {
  return rolesAllow((context.actorRoles ?? []).filter(isRole), 'warning.issue') ? 'all' : 'drill_only';
}

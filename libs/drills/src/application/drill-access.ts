import type { CommandContext, CommandExecutor } from '@app/event-sourcing';
import type { Actor, JurisdictionRegistry } from '@app/shared';
import { DrillNotFoundError, DrillNotRunningError, NotALiveDrillError } from '../domain/drill/drill.errors';
import type { DrillState } from '../domain/drill/drill.state';
import { drillAggregate } from './drill.aggregate';

/** A drill that exists (planned, running or ended), as its stream holds it. */
export type RunningDrill = Extract<DrillState, { drillId: string }>;

/**
 * The drill as its stream holds it now (not the register, which may lag a start or an end by a moment), visible to the
 * caller: 404 otherwise, so existence does not leak.
 */
async function visibleDrill(executor: CommandExecutor, id: string, context: CommandContext): Promise<RunningDrill> {
  const { state } = await executor.load(drillAggregate, id);
  if (
    state.status === 'none' ||
    (context.visibleJurisdictions && !context.visibleJurisdictions.includes(state.jurisdiction))
  ) {
    throw new DrillNotFoundError();
  }
  return state;
}

/** A visible drill that is running (409 otherwise): injects, simulated dispatches and allocations need one. */
export async function runningDrill(
  executor: CommandExecutor,
  id: string,
  context: CommandContext,
): Promise<RunningDrill> {
  const state = await visibleDrill(executor, id, context);
  // A retry whose first attempt was stored is answered from it even if the drill has ended since.
  if (state.status !== 'running' && !context.keyApplied) throw new DrillNotRunningError(state.status);
  return state;
}

/** A running drill that takes real teams: visible, live (422 otherwise) and running (409 otherwise), in that order. */
export async function liveRunningDrill(
  executor: CommandExecutor,
  id: string,
  context: CommandContext,
): Promise<RunningDrill> {
  const state = await visibleDrill(executor, id, context);
  if (state.form !== 'live') throw new NotALiveDrillError();
  if (state.status !== 'running' && !context.keyApplied) throw new DrillNotRunningError(state.status);
  return state;
}

/** Who did it, as the drill's record names them. */
export const actorNameOf = (context: CommandContext): string => context.actorName ?? context.actorId;

/** Plans and scenarios a drill may use: of the actor's jurisdictions and of those above (a county drills its city's plan). */
export function readableJurisdictions(
  actor: Pick<Actor, 'scope' | 'jurisdiction'>,
  jurisdictions: JurisdictionRegistry,
): string[] {
  return [...new Set([...actor.scope, ...jurisdictions.lineage(actor.jurisdiction)])];
}

/**
 * A resource of the actor's jurisdictions or of one above (a city's team or reserve may take part in a county's drill);
 * another county's is not, so its existence does not leak.
 */
export function visibleOrAbove(
  jurisdiction: string,
  visible: readonly string[] | undefined,
  jurisdictions: JurisdictionRegistry,
): boolean {
  if (!visible) return true;
  return visible.some((code) => code === jurisdiction || jurisdictions.lineage(code).includes(jurisdiction));
}

import type { RecordedEvent } from '@app/event-store';
import { DomainError } from '@app/shared';
import type { DeclaredAggregate } from './aggregate';
import type { CommandContext } from './command-context';
import type { CommandExecutor } from './command-executor';
import type { DomainEvent } from './decider';

/**
 * One command a process manager's pure workflow asks for in reaction to an event. `step` names it among the commands
 * the same event causes (the event id plus the step make its idempotency key, so a redelivered event appends nothing).
 */
export interface ProcessStep<C = unknown> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a workflow's steps target aggregates of any type
  aggregate: DeclaredAggregate<C, any, any>;
  id: string;
  command: C;
  step?: string;
  /**
   * The aggregate may already have moved on by hand (a team stood down, an allocation delivered): a rule the command
   * breaks is then the expected outcome, not a failure to retry.
   */
  toleratesRuleErrors?: boolean;
}

/** Who a process manager acts as in the audit trail. */
export interface ProcessActor {
  id: string;
  name: string;
}

/** Runs a workflow's steps in order through the one write path, each keyed by the event that caused it. */
export async function runProcessSteps(
  executor: CommandExecutor,
  actor: ProcessActor,
  cause: RecordedEvent,
  steps: readonly ProcessStep[],
): Promise<void> {
  for (const step of steps) {
    const context: CommandContext = {
      correlationId: cause.metadata.correlationId,
      causationId: cause.id,
      actorId: actor.id,
      actorName: actor.name,
      ...personBehind(cause.metadata),
      idempotencyKey: `pm:${cause.id}${step.step ? `:${step.step}` : ''}`,
    };
    const run = executor.execute(
      step.aggregate as DeclaredAggregate<unknown, DomainEvent, unknown>,
      step.id,
      step.command,
      context,
    );
    if (!step.toleratesRuleErrors) {
      await run;
      continue;
    }
    await run.catch((error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
    });
  }
}

/**
 * The person a cause traces back to: the one a process already named, or the cause's own actor when a signed-in person
 * made it (only requests carry the actor's roles). Nothing for causes of other processes and schedulers.
 */
function personBehind(metadata: RecordedEvent['metadata']): Pick<CommandContext, 'onBehalfOf'> {
  const name = (value: unknown) => (typeof value === 'string' ? { name: value } : {});
  if (typeof metadata.onBehalfOfId === 'string')
    return { onBehalfOf: { id: metadata.onBehalfOfId, ...name(metadata.onBehalfOfName) } };
  if (Array.isArray(metadata.actorRoles)) return { onBehalfOf: { id: metadata.actorId, ...name(metadata.actorName) } };
  return {};
}

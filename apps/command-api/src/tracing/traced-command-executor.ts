import {
  CommandExecutor,
  type CommandContext,
  type CommandExecutorDeps,
  type DeclaredAggregate,
  type DomainEvent,
  type Executed,
} from '@app/event-sourcing';
import type { Tracing } from './tracing';

/**
 * The one write path (docs/adr/0012-one-write-path.md) with each command in a `command <type>` span: a child of the
 * HTTP request's span (or of the projection's, for a process manager), and the parent of the append's. The kernel
 * itself stays free of OpenTelemetry; this subclass is only built when tracing is on.
 */
export class TracedCommandExecutor extends CommandExecutor {
  constructor(
    private readonly tracedDeps: CommandExecutorDeps,
    private readonly tracing: Tracing,
  ) {
    super(tracedDeps);
  }

  override execute<C, E extends DomainEvent, S>(
    aggregate: DeclaredAggregate<C, E, S>,
    id: string,
    command: C,
    context: CommandContext,
  ): Promise<Executed<S, E>> {
    const type = (command as { type?: unknown }).type;
    const name = typeof type === 'string' ? type : aggregate.category;
    return this.tracing.inSpan(
      `command ${name}`,
      {
        attributes: {
          'command.type': name,
          'aggregate.category': aggregate.category,
          'aggregate.id': id,
          'correlation.id': context.correlationId,
        },
      },
      async (span) => {
        const executed = await super.execute(aggregate, id, command, context);
        span.setAttributes({
          'command.revision': Number(executed.revision ?? -1),
          'command.replayed': executed.replayed,
        });
        return executed;
      },
    );
  }

  override withoutReadModelWaits(): CommandExecutor {
    const { readModels: _waits, ...rest } = this.tracedDeps;
    return new TracedCommandExecutor(rest, this.tracing);
  }
}

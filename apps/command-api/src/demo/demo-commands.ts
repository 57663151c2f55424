import type { INestApplication } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';

export const DEMO_ACTOR = 'demo-seed';

/**
 * The app's one write path for the demo seeding, without read-your-writes waits: nothing reads between two seeded
 * commands, and the projections may not run yet when the seeding starts.
 */
export function demoExecutor(app: INestApplication): CommandExecutor {
  return app.get(CommandExecutor).withoutReadModelWaits();
}

/** Every seeded command carries an idempotency key: a second start appends nothing. */
export function demoContext(key: string): CommandContext {
  return { correlationId: key, causationId: key, actorId: DEMO_ACTOR, actorName: '演示数据', idempotencyKey: key };
}

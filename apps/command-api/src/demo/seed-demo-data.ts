import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ReportIncidentCommand, type ReportIncidentRequest } from '@app/incidents';
import { DEMO_INCIDENTS } from './demo-incidents';

const DEMO_ACTOR = 'demo-seed';

/** Reports the demo incidents through the normal command path; idempotency keys make a second start a no-op. */
export async function seedDemoData(app: INestApplication): Promise<number> {
  const commands = app.get(CommandBus);
  let created = 0;
  for (const { key, request } of DEMO_INCIDENTS) {
    const result: unknown = await commands.execute(
      new ReportIncidentCommand(request as ReportIncidentRequest, {
        correlationId: key,
        causationId: key,
        actorId: DEMO_ACTOR,
        idempotencyKey: key,
      }),
    );
    if (!(result as { replayed: boolean }).replayed) created++;
  }
  return created;
}

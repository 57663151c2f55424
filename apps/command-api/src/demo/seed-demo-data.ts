import type { INestApplication } from '@nestjs/common';
import { ReportIncidentHandler, type ReportIncidentRequest } from '@app/incidents';
import { DEMO_ACTOR } from './demo-commands';
import { DEMO_INCIDENTS } from './demo-incidents';
import { seedDemoEnterprises } from './seed-demo-enterprises';
import { seedDemoExperts } from './seed-demo-experts';
import { seedDemoHazardSources } from './seed-demo-hazard-sources';
import { seedDemoHiddenHazards } from './seed-demo-hidden-hazards';
import { seedDemoSensors } from './seed-demo-sensors';
import { seedDemoShelters } from './seed-demo-shelters';
import { seedDemoTargets } from './seed-demo-targets';

/**
 * Registers the demo enterprises (their gateways' keys go to `deviceKeysFile`, by default .data/demo-device-keys.json)
 * and reports the demo incidents through the normal command path; idempotency keys make a second start a no-op.
 */
export async function seedDemoData(app: INestApplication, deviceKeysFile?: string): Promise<number> {
  await seedDemoEnterprises(app, deviceKeysFile);
  const reports = app.get(ReportIncidentHandler);
  let created = 0;
  for (const { key, request } of DEMO_INCIDENTS) {
    const result = await reports.handle(request as ReportIncidentRequest, {
      correlationId: key,
      causationId: key,
      actorId: DEMO_ACTOR,
      idempotencyKey: key,
    });
    if (!result.replayed) created++;
  }
  await seedDemoHazardSources(app);
  await seedDemoSensors(app);
  await seedDemoHiddenHazards(app);
  await seedDemoExperts(app);
  await seedDemoShelters(app);
  await seedDemoTargets(app);
  return created;
}

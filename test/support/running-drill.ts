import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/**
 * A drill that has started, planned by a drill coordinator of `jurisdiction`: the only kind of drill that incidents
 * and warnings may name (a made-up drill id is refused). Returns its id.
 */
export async function runningDrill(
  t: TestApp,
  jurisdiction = '640500',
  form: 'tabletop' | 'live' = 'tabletop',
): Promise<string> {
  const coordinator = await t.user(['drill_coordinator'], jurisdiction);
  const drill = (
    await t
      .post('/api/v1/drills', coordinator.token)
      .send({
        title: `测试演练 ${randomUUID().slice(0, 6)}`,
        form,
        scope: 'single',
        jurisdiction,
        participants: ['应急管理局'],
      })
      .expect(201)
  ).body as { id: string };
  await t.post(`/api/v1/drills/${drill.id}/start`, coordinator.token).send({}).expect(200);
  return drill.id;
}

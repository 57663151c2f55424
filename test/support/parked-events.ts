import type { TestApp } from './test-app';
import { incidentBody } from './incident-fixtures';

/**
 * A parked event whose retry succeeds: the IncidentClosed of a fresh incident, set aside for the dispatch process
 * manager as if it had failed there (that manager's steps are idempotent, so applying it again is harmless). For the
 * role matrix and the hostile-input suite, which need an allowed retry to succeed; the parking itself is tested in
 * attack-poison-events and the projection integration specs.
 */
export async function parkedIncidentClosed(t: TestApp): Promise<string> {
  const { body } = await t.post('/api/v1/incidents').send(incidentBody()).expect(201);
  await t.post(`/api/v1/incidents/${body.id}/close`).send({ summary: '处置完毕' }).expect(200);
  const [event] = await t.sql<{ id: string }>(
    `insert into parked_events (projection, event_id, event_type, stream_name, stream_revision, position_commit, position_prepare, error, attempts, parked_at)
     select 'dispatch-process', event_id, event_type, stream_name, stream_revision, transaction_id::text::numeric, global_position, 'Error: test', 3, now()
       from es_events where stream_name = $1 and event_type = 'IncidentClosed'
     returning event_id as id`,
    [`incident-${body.id}`],
  );
  return event!.id;
}

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { PostgresEventStore } from '@app/event-store';
import { incidentStream } from '@app/incidents';
import { incidentReported } from '../support/incident-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import { eventually } from '../support/eventually';

const EVENTS = 1_200;

interface CatchUpEntry {
  name: string;
  checkpoint: string | null;
  eventsBehind: number | null;
  atLeast: boolean;
  eventsPerSecond: number | null;
  estimatedSeconds: number | null;
  caughtUp: boolean;
}

/**
 * A process started on a database that already holds a history (a new replica, a restore, a rebuild) says on
 * `GET /health` that it is catching up, with per projection how far behind it is, until it has been through the log
 * (docs/operations.md, "Catching up after a start"). It is ready meanwhile.
 */
describe('GET /health while the projections catch up after a start', () => {
  jest.setTimeout(180_000);
  let database: { url: string; ownerUrl: string; drop(): Promise<void> };
  let holder: Client;
  let t: TestApp | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    const store = new PostgresEventStore({ connectionString: database.ownerUrl, log: () => undefined });
    try {
      for (let i = 0; i < EVENTS; i++) {
        const incidentId = randomUUID();
        const event = incidentReported(incidentId);
        await store.append(
          incidentStream(incidentId),
          [
            {
              id: randomUUID(),
              type: event.type,
              data: event.data,
              metadata: {
                correlationId: incidentId,
                causationId: incidentId,
                actorId: 'catch-up-test',
                occurredAt: new Date().toISOString(),
                schemaVersion: 1,
                jurisdiction: event.data.jurisdiction,
              },
            },
          ],
          'no_stream',
        );
      }
    } finally {
      await store.close();
    }
    // The board's checkpoint row held by this session: the board cannot commit a batch until it lets go, so the
    // "catching up" answer is seen whatever the machine's speed.
    holder = new Client({ connectionString: database.ownerUrl });
    await holder.connect();
    await holder.query(
      `insert into projection_checkpoints (projection, position_commit, position_prepare) values ('incident-board', 0, 0)`,
    );
    await holder.query('begin');
    await holder.query(`select 1 from projection_checkpoints where projection = 'incident-board' for update`);
  }, 180_000);
  afterAll(async () => {
    await holder?.query('rollback').catch(() => undefined);
    await holder?.end();
    await t?.close({ keepDatabase: true });
    await database?.drop();
  });

  it('is catching_up with each projection’s checkpoint, events behind and the head, then ok once through', async () => {
    // The held row makes this session the oldest transaction: not a stalled store to report while the test holds it.
    t = await startTestApp({ HEALTH_OLD_TRANSACTION_SECONDS: '3600' }, { databaseUrl: database.url });
    const during = (await request(t.baseUrl).get('/health').expect(200)).body;
    expect(during.status).toBe('catching_up');
    expect(during.info.catchUp.catchingUp).toBe(true);
    expect(during.info.catchUp.head).toMatch(/^\d+\/\d+$/);
    const board = (during.info.catchUp.projections as CatchUpEntry[]).find((p) => p.name === 'incident-board');
    expect(board).toMatchObject({ checkpoint: '0/0', caughtUp: false, atLeast: false });
    expect(board!.eventsBehind).toBeGreaterThanOrEqual(EVENTS);
    // Every projection and process manager is listed, the process managers among them.
    const names = (during.info.catchUp.projections as CatchUpEntry[]).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['incident-board', 'dispatch-process', 'drill-teams-process']));
    // Ready meanwhile: commands are taken, and the read models are the same for every process.
    await request(t.baseUrl).get('/health/ready').expect(200);

    await holder.query('rollback');
    const after = await eventually(async () => {
      const body = (await request(t!.baseUrl).get('/health').expect(200)).body;
      return body.status === 'ok' ? body : undefined;
    }, 120_000);
    expect(after.info.catchUp.catchingUp).toBe(false);
    const caughtUp = (after.info.catchUp.projections as CatchUpEntry[]).find((p) => p.name === 'incident-board')!;
    expect(caughtUp).toMatchObject({ caughtUp: true, eventsBehind: 0, estimatedSeconds: null });
    expect(caughtUp.eventsPerSecond).toBeGreaterThan(0);
    expect((after.info.catchUp.projections as CatchUpEntry[]).every((p) => p.caughtUp)).toBe(true);
  });
});

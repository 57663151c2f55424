import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { signInToServer } from '../support/test-users';
import { comparePositions, parsePosition } from '../../libs/event-store/src';
import { createTestDatabase } from '../support/test-database';
import { incidentBody } from '../support/incident-fixtures';
import { eventually, until } from '../support/eventually';
import { startServerProcess, type ServerProcess } from '../../bench/support/server-process';

interface Pushed {
  position: string | null;
  data: { id?: string; reason?: string; projection?: string };
}

interface ProjectionState {
  name: string;
  owner: boolean;
  checkpoint: string | null;
}

/**
 * Scale-out (ADR 0008): two API processes (the built application, each in its own OS process) on one PostgreSQL with
 * CLUSTER=true. One of them runs each projection; the other gets its deltas and progress through
 * @socket.io/postgres-adapter. Killing the owner with SIGKILL moves every projection to the survivor.
 */
describe('two API processes on one database', () => {
  jest.setTimeout(120_000);
  let database: { url: string; drop(): Promise<void> };
  let sql: Client;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  let token: string;
  const sockets: Socket[] = [];

  const projections = async (server: ServerProcess): Promise<ProjectionState[]> => {
    const response = await request(server.baseUrl).get('/health');
    return response.body.info.projections.projections as ProjectionState[];
  };
  const post = (server: ServerProcess, path: string) =>
    request(server.baseUrl).post(path).set('Authorization', `Bearer ${token}`);
  const get = (server: ServerProcess, path: string) =>
    request(server.baseUrl).get(path).set('Authorization', `Bearer ${token}`);
  const consoleOn = (server: ServerProcess): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const socket = io(`${server.baseUrl}/console`, {
        transports: ['websocket'],
        reconnection: false,
        auth: { token },
      });
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  const record = (socket: Socket, event: string): Pushed[] => {
    const seen: Pushed[] = [];
    socket.on(event, (m: Pushed) => seen.push(m));
    return seen;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    // Both processes sign with one secret, as behind a load balancer: a token from either works on the other.
    const env = { CLUSTER: 'true', AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url') };
    a = await startServerProcess({ name: 'a', databaseUrl: database.url, env });
    // A runs every projection before B starts, so the roles are known.
    await until(async () => (await projections(a!)).every((p) => p.owner), 20_000);
    b = await startServerProcess({ name: 'b', databaseUrl: database.url, env });
    token = (await signInToServer(sql, b.baseUrl, ['commander'])).token;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await a?.kill9();
    await b?.stop();
    await sql?.end();
    await database?.drop();
  });

  it('runs each projection in one process only', async () => {
    expect((await projections(a!)).every((p) => p.owner)).toBe(true);
    expect((await projections(b!)).some((p) => p.owner)).toBe(false);
  });

  it('pushes a change made through A to a console on B, and B answers its own commands after the owner applied them', async () => {
    const consoleB = await consoleOn(b!);
    const changed = record(consoleB, 'incident.changed');
    const { body: reported } = await post(a!, '/api/v1/incidents').send(incidentBody()).expect(201);
    const pushed = await eventually(() => changed.find((m) => m.data.id === reported.id), 10_000);
    expect(pushed.position).toBe(reported.position);

    // A follow-up through B (which runs no projection): its answer comes after A applied it, so B's board has it.
    const { body: updated } = await post(b!, `/api/v1/incidents/${reported.id}/updates`)
      .send({ measures: '设置警戒区，疏散下风向群众' })
      .expect(200);
    const { body: board } = await get(b!, `/api/v1/incidents/${reported.id}`).expect(200);
    expect(board.revision).toBe(updated.revision);
    // …because A told B how far it got (B's health shows A's progress, not nothing).
    const boardOnB = (await projections(b!)).find((p) => p.name === 'incident-board')!;
    expect(boardOnB).toMatchObject({ owner: false, checkpoint: expect.any(String) });
    expect(
      comparePositions(parsePosition(boardOnB.checkpoint!)!, parsePosition(updated.position)!),
    ).toBeGreaterThanOrEqual(0);
    await eventually(() => changed.find((m) => m.position === updated.position), 10_000);

    // B buffered A's deltas: a console that reconnects to B resumes from memory instead of reloading everything.
    const late = await consoleOn(b!);
    const resumed = record(late, 'incident.changed');
    const snapshots = record(late, 'snapshot.required');
    const ack = await late.emitWithAck('resume', { since: reported.position });
    expect(ack).toMatchObject({ ok: true, delivered: expect.any(Number) });
    await until(() => resumed.some((m) => m.position === updated.position), 10_000);
    expect(snapshots).toEqual([]);
  });

  it('moves every projection to B when A is killed, without losing or repeating an event', async () => {
    const consoleB = await consoleOn(b!);
    const snapshots = record(consoleB, 'snapshot.required');
    const changed = record(consoleB, 'incident.changed');
    // Commands keep coming through B while A, which projects them, is killed in the middle.
    const acknowledged: string[] = [];
    // While nobody projects (A dead, B not yet owner), B answers 202 Accepted once the events are stored but the
    // board cannot confirm them within its wait: that is an acknowledgement too, and the check below holds it to it.
    const load = (async () => {
      for (let i = 0; i < 30; i++) {
        const created = await post(b!, '/api/v1/incidents').send(incidentBody());
        expect([201, 202]).toContain(created.status);
        expect(created.body.id).toEqual(expect.any(String));
        acknowledged.push(created.body.id);
        const update = await post(b!, `/api/v1/incidents/${created.body.id}/updates`).send({
          measures: `第 ${i + 1} 次续报：现场警戒`,
        });
        expect([200, 202]).toContain(update.status);
      }
    })();
    await until(() => acknowledged.length >= 5, 20_000);
    await a!.kill9();
    await load;

    await until(async () => (await projections(b!)).every((p) => p.owner), 30_000);
    // The consoles on B are told to reload: A may have died between committing a batch and sending its deltas.
    await until(() => snapshots.some((m) => m.data.reason === 'projection_takeover'), 10_000);
    const { body: after } = await post(b!, '/api/v1/incidents').send(incidentBody()).expect(201);
    await eventually(() => changed.find((m) => m.data.id === after.id), 10_000);
    acknowledged.push(after.id);

    // Every acknowledged incident is on the board at the revision of its stream, and its timeline holds each of its
    // events exactly once: nothing lost, nothing applied twice across the takeover.
    const { body: list } = await get(b!, '/api/v1/incidents').expect(200);
    const onBoard = new Set((list.items ?? list).map((i: { id: string }) => i.id));
    expect(acknowledged.filter((id) => !onBoard.has(id))).toEqual([]);
    const mismatches = await sql.query(
      `select s.stream_name, s.current_revision, b.revision as board_revision, (select count(*) from incident_timeline t where t.incident_id = b.id)::int as lines
         from es_streams s join incident_board b on s.stream_name = 'incident-' || b.id
        where b.id = any($1::uuid[]) and (b.revision <> s.current_revision or (select count(*) from incident_timeline t where t.incident_id = b.id) <> s.current_revision + 1)`,
      [acknowledged],
    );
    expect(mismatches.rows).toEqual([]);
  });
});

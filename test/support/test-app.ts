import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { validateConfig } from '../../libs/shared/src/nest';
import { createApp } from '../../apps/command-api/src/bootstrap';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  databaseUrl: string;
  /** Raw SQL against the suite's database, to check what was (not) stored. */
  sql<R extends object>(text: string, params?: unknown[]): Promise<R[]>;
  socket(): Promise<Socket>;
  close(): Promise<void>;
}

/** The real application on a real port, with its own database; HTTP via fetch/supertest, live feed via socket.io-client. */
export async function startTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = validateConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, EVENT_POLL_INTERVAL_MS: '100' });
  const app = await createApp({ ...config, DATABASE_URL: database.url });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const sockets: Socket[] = [];
  return {
    app,
    baseUrl,
    databaseUrl: database.url,
    sql: async <R extends object>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[],
    socket: () =>
      new Promise((resolve, reject) => {
        const socket = io(`${baseUrl}/console`, { transports: ['websocket'], reconnection: false });
        sockets.push(socket);
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      }),
    close: async () => {
      for (const socket of sockets) socket.close();
      await client.end();
      await app.close();
      await database.drop();
    },
  };
}

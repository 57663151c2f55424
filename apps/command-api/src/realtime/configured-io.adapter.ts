import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Pool } from 'pg';
import type { ServerOptions } from 'socket.io';
import type { SessionLimits } from '../infrastructure/session-limits';

/** Nest's own copy of socket.io (its version may differ from the project's, which serves types only). */
type NestIoServer = Parameters<IoAdapter['close']>[0];

export interface IoAdapterOptions {
  origins: string[];
  /** With several API processes: the database through which their Socket.IO servers talk (CLUSTER=true). */
  clusterDatabaseUrl?: string;
  /** Server-side limits of that pool's connections (infrastructure/session-limits.ts). */
  sessionLimits?: SessionLimits;
  log: (message: string) => void;
}

/**
 * Socket.IO with the same CORS origins as the HTTP API (from configuration), and, when several API processes serve
 * the consoles, @socket.io/postgres-adapter: it carries broadcasts and server-to-server messages over the database
 * every process already has (LISTEN/NOTIFY), so the production layout needs no Redis.
 */
export class ConfiguredIoAdapter extends IoAdapter {
  private pool: Pool | undefined;

  constructor(
    app: INestApplicationContext,
    private readonly options: IoAdapterOptions,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): NestIoServer {
    const origins = this.options.origins;
    const server = super.createIOServer(port, {
      ...options,
      cors: { origin: origins.length > 0 ? origins : false },
    } as ServerOptions) as NestIoServer;
    // Only `/console` (authenticated in its handshake) serves anyone. Socket.IO always has the root namespace, and it
    // would accept any socket without a token: refuse every connection there.
    server
      .of('/')
      .use((_socket, next) =>
        next(Object.assign(new Error('命名空间不存在，请连接 /console'), { data: { code: 'NAMESPACE_CLOSED' } })),
      );
    if (this.options.clusterDatabaseUrl) {
      if (!this.pool) {
        this.pool = new Pool({
          connectionString: this.options.clusterDatabaseUrl,
          max: 4,
          application_name: 'command-api:socket.io',
          ...this.options.sessionLimits,
        });
        this.pool.on('error', (error) => this.options.log(`socket.io adapter: ${error.message}`));
      }
      server.adapter(
        createAdapter(this.pool, {
          errorHandler: (error: Error) => this.options.log(`socket.io adapter: ${error.message}`),
        }),
      );
    }
    return server;
  }

  override async close(server: NestIoServer): Promise<void> {
    await super.close(server);
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end().catch(() => undefined);
  }
}

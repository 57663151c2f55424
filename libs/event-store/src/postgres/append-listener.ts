import { Client, type ClientConfig } from 'pg';

export const APPEND_CHANNEL = 'es_appended';

/**
 * One LISTEN connection per store, shared by all its subscriptions. If it drops, subscribers keep polling and
 * the listener reconnects with a back-off; it never decides what is delivered, only when to look again.
 */
export class AppendListener {
  private client: Client | undefined;
  private readonly handlers = new Set<(category: string) => void>();
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly connection: ClientConfig,
    private readonly log: (message: string) => void,
  ) {}

  add(handler: (category: string) => void): () => void {
    this.handlers.add(handler);
    void this.ensureConnected();
    return () => this.handlers.delete(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client(this.connection);
    client.on('notification', (message) => {
      for (const handler of this.handlers) handler(message.payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`listen ${APPEND_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      // Wake everyone once: anything appended while we were not listening is found by the next read.
      for (const handler of this.handlers) handler('');
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error: unknown): void {
    if (this.client === client) this.client = undefined;
    client.end().catch(() => undefined);
    if (this.closed || this.reconnectTimer) return;
    this.log(
      `event store LISTEN connection lost (${error instanceof Error ? error.message : String(error)}); polling until it is back`,
    );
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.handlers.size > 0) void this.ensureConnected();
    }, 1000);
  }
}

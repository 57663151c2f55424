import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/** Any 32-bit number of ours; together with hashtext(name) it names one projection's ownership lock. */
const LOCK_CLASS = 0x45_43_44; // "ECD"

/**
 * The ownership locks of all projections of this process, held on one dedicated connection. Session advisory locks
 * die with their connection, which is what moves a projection to another process when this one is killed. Each
 * worker used to hold its lock on a pooled connection: 14 of the pool's 20 connections sat idle holding locks while
 * requests and projection batches queued for the other 6 (found by the console-latency bench).
 */
export class ProjectionLocks {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;
  private readonly held = new Set<string>();
  /** One query at a time on the lock connection (pg deprecates queuing on a busy client). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly connectionString: string) {}

  static of(dataSource: DataSource): ProjectionLocks {
    const url = (dataSource.options as { url?: string }).url;
    if (!url) throw new Error('projection locks need the DataSource to be configured with a url');
    return new ProjectionLocks(url);
  }

  /** Whether this process holds `projection`'s lock (false as soon as the lock connection is lost). */
  holds(projection: string): boolean {
    return this.held.has(projection);
  }

  async tryLock(projection: string): Promise<boolean> {
    if (this.held.has(projection)) return true;
    return this.serially(async () => {
      const client = await this.session();
      const { rows } = await client.query<{ locked: boolean }>(
        `select pg_try_advisory_lock($1, hashtext($2)) as locked`,
        [LOCK_CLASS, projection],
      );
      if (rows[0]?.locked && this.client === client) this.held.add(projection);
      return this.held.has(projection);
    });
  }

  async unlock(projection: string): Promise<void> {
    if (!this.held.delete(projection)) return;
    await this.serially(async () => {
      await this.client
        ?.query(`select pg_advisory_unlock($1, hashtext($2))`, [LOCK_CLASS, projection])
        .catch(() => undefined);
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.held.clear();
    const client = this.client;
    this.client = undefined;
    this.connecting = undefined;
    await client?.end().catch(() => undefined);
  }

  private session(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new Client({
        connectionString: this.connectionString,
        application_name: 'command-api:projection-locks',
      });
      // A broken lock connection means the database released every lock it held: nobody here owns anything now.
      const lost = (): void => {
        if (this.client !== client) return;
        this.client = undefined;
        this.held.clear();
        client.end().catch(() => undefined);
      };
      client.on('error', lost);
      client.on('end', lost);
      try {
        await client.connect();
      } catch (error) {
        this.connecting = undefined;
        throw error;
      }
      this.client = client;
      this.connecting = undefined;
      return client;
    })();
    return this.connecting;
  }
}

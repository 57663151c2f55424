import { randomBytes } from 'node:crypto';
import { startServerProcess, type ServerProcess } from '../../bench/support/server-process';
import { startPostgresProcess, type PostgresProcess, type ShutdownMode } from './postgres-process';

/** What was done to the system, counted for the summary. */
export interface FaultCounts {
  apiKills: number;
  postgresRestarts: Record<ShutdownMode, number>;
}

/**
 * The system under chaos: the built API in a process of its own on a PostgreSQL of its own, both of which the suite
 * breaks. A killed API is started again on the same port and a stopped PostgreSQL on the same port and data, so clients
 * keep their addresses, as behind a service name.
 */
export class ChaosSystem {
  readonly counts: FaultCounts = { apiKills: 0, postgresRestarts: { fast: 0, immediate: 0 } };
  private readonly env = {
    AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url'),
    // Short polls: the read models catch up soon after the database is back.
    EVENT_POLL_INTERVAL_MS: '100',
  };
  private starts = 0;
  api!: ServerProcess;
  /** Every API process started, killed ones included, for what they logged. */
  private readonly apis: ServerProcess[] = [];

  private constructor(
    private postgres: PostgresProcess,
    private readonly database: string,
    readonly port: number,
  ) {}

  static async start(postgres: PostgresProcess, database: string, port: number): Promise<ChaosSystem> {
    const system = new ChaosSystem(postgres, database, port);
    system.api = await system.startApi();
    return system;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The superuser's URL (checks read the store directly). */
  get databaseUrl(): string {
    return this.postgres.url;
  }

  /** SIGKILL: nothing of the API's shutdown runs; its transactions and connections die with it. Then a new one. */
  async killApi(pauseMs: number): Promise<void> {
    await this.api.kill9();
    this.counts.apiKills++;
    await new Promise((r) => setTimeout(r, pauseMs));
    this.api = await this.startApi();
  }

  /** `pg_ctl stop -m <mode>` under the running API, an outage of `outageMs`, then PostgreSQL starts on the same data. */
  async restartPostgres(mode: ShutdownMode, outageMs: number): Promise<void> {
    await this.postgres.stop(mode);
    this.counts.postgresRestarts[mode]++;
    await new Promise((r) => setTimeout(r, outageMs));
    this.postgres = await startPostgresProcess({
      name: CHAOS_CLUSTER,
      port: this.postgres.port,
      database: this.database,
    });
    // The API must ride out the outage by itself; a process that died of it is a failure of its own.
    if (this.api.exitCode() !== null) throw new Error(`the API exited during the outage:\n${this.api.output()}`);
  }

  /** Ends the API, then PostgreSQL (fast), for the suite's end. */
  async stop(): Promise<void> {
    await this.api.kill9().catch(() => undefined);
    await this.postgres.stop().catch(() => undefined);
  }

  /** Log lines of all API processes that contain `text`. */
  logged(text: string): string[] {
    return this.apis.flatMap((api) => api.output().split('\n')).filter((line) => line.includes(text));
  }

  private async startApi(): Promise<ServerProcess> {
    const api = await startServerProcess({
      name: `chaos-${this.starts++}`,
      databaseUrl: this.postgres.appUrl,
      port: this.port,
      env: this.env,
    });
    this.apis.push(api);
    return api;
  }
}

/** The data directory under `.data/` of the suite's own PostgreSQL (the shared test one must never stop). */
export const CHAOS_CLUSTER = 'pg-chaos';

/** Lag of every projection and process manager, from the API's metrics; caught up when all are 0 and none parked. */
export async function projectionsCaughtUp(baseUrl: string): Promise<boolean> {
  const text = await fetch(`${baseUrl}/metrics`)
    .then((r) => r.text())
    .catch(() => '');
  const values = (name: string) =>
    [...text.matchAll(new RegExp(`^${name}\\{projection="[^"]+"\\} (\\d+)`, 'gm'))].map((m) => Number(m[1]));
  const lags = values('projection_lag_events');
  return lags.length > 0 && lags.every((n) => n === 0);
}

/** Events the projections set aside after their bounded retries (all processes); each one is a read model left behind. */
export async function parkedEvents(baseUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const parked: Record<string, number> = {};
  for (const m of text.matchAll(/^projection_parked_events\{projection="([^"]+)"\} (\d+)/gm))
    if (Number(m[2]) > 0) parked[m[1]!] = Number(m[2]);
  return parked;
}

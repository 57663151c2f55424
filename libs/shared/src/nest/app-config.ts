import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { isIP } from 'node:net';
import { checkKurrentDbConnectionString } from '@app/event-store';

/** Comma-separated IPv4/IPv6 addresses or CIDRs, or the named ranges proxy-addr knows; each entry checked below. */
const ADDRESS_LIST = /^[\s\w.:/,-]*$/;
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Every setting the system reads, validated at boot (only this module reads process.env). A bad value stops
 * the start with a message naming the variable, instead of failing later in the middle of a night shift.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Unset: start an embedded PostgreSQL under `.data/`. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /**
   * The role that owns the schema and runs migrations (and restores). Set it with DATABASE_URL naming a role that may
   * only read and append events and write read models (docs/security.md, Database roles). Unset: DATABASE_URL
   * migrates too, and a warning says when that role could rewrite the event store.
   */
  @IsOptional()
  @IsString()
  DATABASE_OWNER_URL?: string;

  @IsIn(['postgres', 'kurrentdb'])
  EVENT_STORE: 'postgres' | 'kurrentdb' = 'postgres';

  @IsOptional()
  @IsString()
  KURRENTDB_URL?: string;

  /** Zone in which times are shown when a jurisdiction does not say otherwise. */
  @IsString()
  TIME_ZONE = 'Asia/Shanghai';

  /** Seed invented demo incidents on an empty store. Defaults to on with the embedded database. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : value === 'true' || value === '1'))
  @IsBoolean()
  DEMO_DATA?: boolean;

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(10)
  EVENT_POLL_INTERVAL_MS = 250;

  /**
   * How long a command waits for its read models to show it before answering 202 instead of the view
   * (read-your-writes; docs/api.md, Commands). Longer only delays the 202 when projections are behind.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(100)
  @Max(60_000)
  READ_MODEL_WAIT_MS = 3000;

  /**
   * Every connection of the API to PostgreSQL ends a statement after this long (0: the server's or role's setting).
   * Migrations, restores and rebuilds connect apart and are not limited (docs/operations.md).
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  DATABASE_STATEMENT_TIMEOUT_MS = 60_000;

  /**
   * The server ends a connection of the API left idle inside a transaction for this long (0: the server's or role's
   * setting): such a transaction would hold back every projection (docs/adr/0001, docs/operations.md).
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  DATABASE_IDLE_TX_TIMEOUT_MS = 30_000;

  /** `GET /health` is `degraded` while the transaction holding back the event store's readers is older than this. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  HEALTH_OLD_TRANSACTION_SECONDS = 10;

  /**
   * Signs access tokens (HS256). Production refuses to start without one of at least 32 characters; elsewhere, when
   * unset, a key is made at first start and kept in the database (auth_signing_keys), so sessions survive restarts.
   */
  @IsOptional()
  @IsString()
  AUTH_TOKEN_SECRET?: string;

  /** Access tokens are short-lived; consoles renew them with POST /auth/refresh. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  AUTH_TOKEN_TTL_MINUTES = 30;

  /** A session (one sign-in, renewed by refresh tokens) ends this many hours after sign-in at the latest: a duty shift. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(7 * 24)
  AUTH_SESSION_HOURS = 12;

  /** Origins allowed to call the API and the live feed from a browser, comma-separated; empty: same origin only. */
  @IsString()
  CORS_ORIGINS = '';

  /** Requests per minute per signed-in user across the API and all its processes. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Requests per minute per client address without a valid token (sign-in, health, metrics), across all processes. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_ANONYMOUS_PER_MINUTE = 120;

  /**
   * Requests per minute per client address to sign in, renew a session and sign out, across all processes: a budget
   * apart from the anonymous one, so flooding other endpoints from a shared address does not stop renewals.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_SIGN_IN_PER_MINUTE = 60;

  /**
   * Proxies (load balancers) whose X-Forwarded-For is believed, comma-separated addresses or CIDRs (or `loopback`,
   * `linklocal`, `uniquelocal`). Empty: the client address is the TCP peer, whatever the headers say.
   */
  @Matches(ADDRESS_LIST, { message: 'TRUST_PROXY 须为逗号分隔的 IP 地址或 CIDR（如 10.0.0.5,10.1.0.0/16）' })
  TRUST_PROXY = '';

  /** A bearer token `GET /metrics` requires (at least 16 characters). */
  @IsOptional()
  @Matches(/^[\x21-\x7e]{16,200}$/, { message: 'METRICS_TOKEN 须为 16–200 个可见 ASCII 字符' })
  METRICS_TOKEN?: string;

  /**
   * Client addresses (CIDRs) allowed to scrape `GET /metrics`. Default: loopback only, or any address when
   * METRICS_TOKEN is set (then the token is what guards it).
   */
  @IsOptional()
  @Matches(ADDRESS_LIST, { message: 'METRICS_ALLOW 须为逗号分隔的 IP 地址或 CIDR' })
  METRICS_ALLOW?: string;

  /** How often reporting deadlines are checked for due and overdue alarms. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  DEADLINE_TICK_MS = 15_000;

  /** How often roll calls (点名) past their deadline are checked for watches that did not answer. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  ROLL_CALL_TICK_MS = 15_000;

  /** How often the alarm watch raises, resolves and escalates alarms (docs/alarms.md). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  ALARM_TICK_MS = 15_000;

  /** How often the hidden-hazard overdue watch raises and ends overdue-rectification alarms (docs/hidden-hazards.md). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  HIDDEN_HAZARD_TICK_MS = 10_000;

  /** Rows the overdue watch reads per query; it pages through every overdue hazard whatever this is. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  HIDDEN_HAZARD_WATCH_PAGE_SIZE = 500;

  /** 在线监测 (docs/monitoring.md, docs/operations.md): raw readings are kept this many days (whole day partitions dropped). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  MONITORING_RAW_RETENTION_DAYS = 7;

  /** Hourly aggregates (min/max/avg/count) are kept this many days. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  MONITORING_AGGREGATE_RETENTION_DAYS = 400;

  /** Minute aggregates are kept this many days (between the raw and the hourly retention). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  MONITORING_MINUTE_RETENTION_DAYS = 31;

  /** A sensor is offline when silent longer than its expected interval times this factor. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100)
  MONITORING_OFFLINE_FACTOR = 3;

  /** A sensor that never reported counts offline this many seconds (plus the factor's time) after registration. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  MONITORING_OFFLINE_GRACE_SECONDS = 300;

  /** How often the sensor watch checks for silent sensors (and keeps the readings' day partitions). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  MONITORING_TICK_MS = 10_000;

  /** Readings arriving within this many milliseconds are written together, in one statement. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(1000)
  MONITORING_FLUSH_MS = 20;

  /** The deadband of a sensor without its own, in percent of its threshold span. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(50)
  MONITORING_DEADBAND_PERCENT = 2;

  /** A reading stamped further than this many seconds in the future is refused (gateway clocks drift). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  MONITORING_FUTURE_SKEW_SECONDS = 120;

  /** A reading older than this many hours is refused (a gateway replaying a buffer older than that is out of use). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  MONITORING_MAX_READING_AGE_HOURS = 24;

  /** Requests per minute per client address to `POST /monitoring/readings` (gateways), a budget of their own. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_DEVICE_PER_MINUTE = 1200;

  /** How often running drills are checked for scripted injects that fell due (情景注入). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  DRILL_TICK_MS = 1_000;

  /** Replays (复盘回放) one user may have running at once in one API process, besides the process-wide limit. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(32)
  REPLAYS_PER_USER = 3;

  /**
   * Several API processes on one database (behind a load balancer): live deltas, projection progress and console
   * broadcasts go between them through PostgreSQL (@socket.io/postgres-adapter). Off for a single process.
   */
  @Transform(({ value }: { value: unknown }) =>
    value === undefined || typeof value === 'boolean' ? value : value === 'true' || value === '1',
  )
  @IsBoolean()
  CLUSTER = false;

  /**
   * Live deltas to consoles are sent in bursts of at most this many milliseconds, one socket write per console per
   * burst (0: at the next turn of the event loop). docs/performance.md has the figures behind the default.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(1000)
  LIVE_FLUSH_MS = 10;

  /**
   * Optional basemap tiles for the console's map (e.g. a tile server on the bureau's LAN,
   * `http://tiles.local/{z}/{x}/{y}.png`). Unset: the map shows the shipped jurisdiction outlines only.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s"'<>]+\{z\}[^\s"'<>]*\{x\}[^\s"'<>]*\{y\}[^\s"'<>]*$/, {
    message: 'CONSOLE_TILE_URL 须为含 {z}/{x}/{y} 的 http(s) 地址',
  })
  CONSOLE_TILE_URL?: string;

  /** Where the built console is (`npm run build:console`); served at `/`. */
  @IsString()
  CONSOLE_DIR = 'apps/console/dist';

  /**
   * Swagger UI at `/api/docs` and the OpenAPI document: `public` (no token needed) or `off` (404). Unset: public in
   * development and test, off in production, where the route list need not be handed to whoever can reach the port.
   */
  @IsOptional()
  @IsIn(['public', 'off'])
  API_DOCS?: 'public' | 'off';

  /**
   * Readings over MQTT (docs/monitoring.md, "MQTT 接入"): `embedded` runs the system's own broker on MQTT_HOST:MQTT_PORT,
   * `external` subscribes to the broker at MQTT_URL (e.g. Mosquitto), `off` takes readings over HTTP only. Unset:
   * external when MQTT_URL is set, else embedded.
   */
  @IsOptional()
  @IsIn(['embedded', 'external', 'off'])
  MQTT_BROKER?: 'embedded' | 'external' | 'off';

  /** Where the embedded broker listens (plain MQTT 3.1.1 over TCP; 0: a free port, for tests). */
  @IsString()
  MQTT_HOST = '127.0.0.1';

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  MQTT_PORT = 1883;

  /** The external broker, `mqtt://host:1883` or `mqtts://host:8883` (the API account may be in the URL). */
  @IsOptional()
  @Matches(/^mqtts?:\/\/[^\s]+$/, { message: 'MQTT_URL 须为 mqtt:// 或 mqtts:// 地址' })
  MQTT_URL?: string;

  /** The API's account on the external broker, when not in MQTT_URL. */
  @IsOptional()
  @IsString()
  MQTT_USERNAME?: string;

  @IsOptional()
  @IsString()
  MQTT_PASSWORD?: string;

  /** API replicas in one shared-subscription group take each reading once (`$share/{group}/monitoring/+/+`). */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'MQTT_SHARE_GROUP 须为 1–64 个字母、数字、下划线或连字符' })
  MQTT_SHARE_GROUP = 'command-api';

  /** Readings from MQTT go to the database in batches of at most this many… */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(10_000)
  MQTT_BATCH_SIZE = 500;

  /** …or after waiting at most this many milliseconds. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(1_000)
  MQTT_BATCH_MS = 20;

  /** `json`: one JSON object per line (pino), for log collectors; `text`: Nest's coloured lines. Default: json in production. */
  @IsOptional()
  @IsIn(['json', 'text'])
  LOG_FORMAT?: 'json' | 'text';

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /**
   * Traces (docs/operations.md, "Traces"), named as OpenTelemetry names them: `otlp` sends spans over OTLP/HTTP,
   * `none` turns tracing off. Unset: on when an OTLP endpoint below is set, otherwise off (no provider at all).
   */
  @IsOptional()
  @IsIn(['otlp', 'none'])
  OTEL_TRACES_EXPORTER?: 'otlp' | 'none';

  /** The collector's OTLP/HTTP base address (`/v1/traces` is added); default http://localhost:4318. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT 须为 http:// 或 https:// 地址' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** The full address spans are sent to, when not the base address + `/v1/traces`. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT 须为 http:// 或 https:// 地址' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;

  /** `service.name` of every span. */
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'OTEL_SERVICE_NAME 须为 1–100 个可见 ASCII 字符' })
  OTEL_SERVICE_NAME = 'command-api';

  /** `true` turns the OpenTelemetry SDK off whatever else is set (the OpenTelemetry convention). */
  @IsOptional()
  @IsIn(['true', 'false'])
  OTEL_SDK_DISABLED?: 'true' | 'false';
}

export function validateConfig(raw: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  if (config.NODE_ENV === 'production' && !isStrongSecret(config.AUTH_TOKEN_SECRET)) {
    throw new Error(
      'invalid configuration:\n  AUTH_TOKEN_SECRET must be set to a random value of at least 32 characters in production',
    );
  }
  for (const name of ['TRUST_PROXY', 'METRICS_ALLOW'] as const) {
    const bad = addressList(config[name] ?? '').filter((entry) => !NAMED_RANGES.includes(entry) && !isCidr(entry));
    if (bad.length > 0)
      throw new Error(`invalid configuration:\n  ${name}: not an IP address or CIDR: ${bad.join(', ')}`);
  }
  if (config.DATABASE_OWNER_URL && !config.DATABASE_URL) {
    throw new Error(
      'invalid configuration:\n  DATABASE_OWNER_URL needs DATABASE_URL (the application role); without both the embedded database is used',
    );
  }
  if (config.MQTT_BROKER === 'external' && !config.MQTT_URL) {
    throw new Error('invalid configuration:\n  MQTT_BROKER=external needs MQTT_URL');
  }
  if (config.MQTT_BROKER === 'embedded' && config.MQTT_URL) {
    throw new Error(
      'invalid configuration:\n  MQTT_URL names an external broker: unset it or set MQTT_BROKER=external',
    );
  }
  if (config.EVENT_STORE === 'kurrentdb' && !config.KURRENTDB_URL) {
    throw new Error('invalid configuration:\n  EVENT_STORE=kurrentdb needs KURRENTDB_URL');
  }
  if (config.KURRENTDB_URL !== undefined) {
    // Checked even when unused, so that switching EVENT_STORE later does not reveal a bad string then.
    const check = checkKurrentDbConnectionString(config.KURRENTDB_URL);
    if (!check.ok) {
      throw new Error(
        `invalid configuration:\n  KURRENTDB_URL is not a KurrentDB connection string (${check.reason}); ` +
          'e.g. kurrentdb://user:password@host:2113?tls=true&tlsCAFile=/path/ca.crt or kurrentdb+discover://cluster.example:2113',
      );
    }
  }
  return config;
}

/** Placeholders people copy from examples are refused as if missing. */
const KNOWN_DEFAULTS = ['changeme', 'change-me', 'secret', 'default', 'development', 'please-change'];

function isStrongSecret(secret: string | undefined): boolean {
  if (!secret || secret.length < 32) return false;
  return !KNOWN_DEFAULTS.some((weak) => secret.toLowerCase().includes(weak));
}

export function corsOrigins(config: Pick<AppConfig, 'CORS_ORIGINS'>): string[] {
  return config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

/** Whether `/api/docs` is served: as configured, or by default everywhere but production. */
export function apiDocsPublic(config: Pick<AppConfig, 'API_DOCS' | 'NODE_ENV'>): boolean {
  return (config.API_DOCS ?? (config.NODE_ENV === 'production' ? 'off' : 'public')) === 'public';
}

/** `a, b/24 ,c` → ['a', 'b/24', 'c']. */
export function addressList(text: string): string[] {
  return text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
}

function isCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

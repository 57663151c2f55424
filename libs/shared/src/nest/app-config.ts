import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, validateSync } from 'class-validator';

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

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export function validateConfig(raw: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  if (config.EVENT_STORE === 'kurrentdb' && !config.KURRENTDB_URL) {
    throw new Error('invalid configuration:\n  EVENT_STORE=kurrentdb needs KURRENTDB_URL');
  }
  return config;
}

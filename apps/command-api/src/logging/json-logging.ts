import { Logger as NestLogger, type LoggerService, type LogLevel } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs (LOG_FORMAT=json, the default in production) with pino — the logger Fastify itself is built
 * on, so request logs and application logs come out as one stream of JSON lines. Every request line carries `reqId`:
 * the request's correlation id, which is also the `correlationId` in the metadata of the events it appended, so a
 * log line leads to its events and back.
 */
export function createJsonLogger(level: LogLevel): Logger {
  return pino({
    level: PINO_LEVELS[level],
    base: { service: 'command-api', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Tokens and passwords never reach the log.
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.accessToken'],
      censor: '[redacted]',
    },
  });
}

const PINO_LEVELS: Record<LogLevel, string> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** Nest's own logs (start-up, contexts' warnings) into the same pino stream, with their context as a field. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }

  fatal(message: unknown, context?: string): void {
    this.logger.fatal({ context }, String(message));
  }
}

/**
 * Decides the log format from the raw environment, before the configuration is validated (a configuration error must
 * already be reported in the format a log collector expects), and with JSON installs pino as Nest's logger at once:
 * every line the process writes is JSON from the first one — the start-up messages, Node's own warnings, an uncaught
 * error, a failed start. The same rule as `logsAsJson` in bootstrap.ts, which decides for the application.
 */
export function installStartupLogging(env: Record<string, string | undefined>): { json: boolean } {
  const json = env.LOG_FORMAT === 'json' || (env.LOG_FORMAT !== 'text' && env.NODE_ENV === 'production');
  if (!json) return { json };
  const level = (Object.keys(PINO_LEVELS) as LogLevel[]).find((l) => l === env.LOG_LEVEL) ?? 'log';
  const logger = createJsonLogger(level);
  NestLogger.overrideLogger(new PinoNestLogger(logger));
  // Node prints its warnings (deprecations, listener leaks) as text on stderr; as JSON lines instead.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => logger.warn({ context: 'Node', warning: warning.name }, warning.message));
  process.on('uncaughtException', (error) => {
    logger.fatal({ context: 'Main', err: error }, `uncaught error: ${error.message}`);
    process.exit(1);
  });
  return { json };
}

import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

/**
 * A job that derives its work from stored state and the clock on every tick, instead of holding a timer per item:
 * a restart loses nothing, and several processes may tick at once (each job makes its writes safe for that).
 *
 * The base owns what every such job needs the same way: the interval starts once the application is up and stops
 * with the module (unref'd, so it never keeps the process alive); a tick that finds the previous one still running
 * does nothing; a failed tick is logged and the next one tries again, it never crashes the process.
 */
export abstract class TickJob<Result> implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** When the last tick ran through without failing (epoch ms; wall clock), for the "job stopped" alert. */
  lastSucceededAt: number | undefined;

  /**
   * @param loggerContext the Nest logger context of the job's warnings
   * @param label names the job in the "tick failed" warning
   * @param periodMs the time between ticks (each job's own configuration variable)
   */
  protected constructor(
    loggerContext: string,
    /** Names the job in the "tick failed" warning and in /metrics. */
    readonly label: string,
    private readonly periodMs: number,
  ) {
    this.logger = new Logger(loggerContext);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.periodMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * One pass; returns what it did (for tests and callers that tick by hand). What `run` added to `results` before a
   * failure is still returned: that part was done.
   */
  async tick(): Promise<Result[]> {
    if (this.running) return [];
    this.running = true;
    const results: Result[] = [];
    try {
      await this.run(results);
      this.lastSucceededAt = Date.now();
    } catch (error) {
      this.logger.warn(`${this.label} tick failed: ${TickJob.reason(error)}`);
    } finally {
      this.running = false;
    }
    return results;
  }

  /** The work of one tick: pushes what it did into `results`. */
  protected abstract run(results: Result[]): Promise<void>;

  /** For a failure of one item that the job skips (the next tick derives it again) rather than ending its tick. */
  protected warn(message: string, error: unknown): void {
    this.logger.warn(`${message}: ${TickJob.reason(error)}`);
  }

  private static reason(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
  }
}

import { Injectable } from '@nestjs/common';

/**
 * Where this process is in its life: serving, or draining before it stops (readiness then says 503, so the load
 * balancer sends nothing new while in-flight commands finish). Liveness stays up while draining.
 */
@Injectable()
export class Lifecycle {
  private drainingSince: Date | undefined;
  private inFlight = 0;
  private idle: (() => void)[] = [];

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  drain(): void {
    this.drainingSince ??= new Date();
  }

  requestStarted(): void {
    this.inFlight++;
  }

  requestFinished(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) for (const done of this.idle.splice(0)) done();
  }

  /** Resolves when no request is in flight (or after `timeoutMs`); true when they all finished. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

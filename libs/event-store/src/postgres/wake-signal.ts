/**
 * A level-triggered wake-up: `notify()` before `wait()` is not lost, so a NOTIFY that lands while a subscriber is
 * reading makes its next wait return at once instead of sleeping until the next poll.
 */
export class WakeSignal {
  private pending = false;
  private waiter: (() => void) | undefined;

  notify(): void {
    this.pending = true;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  clear(): void {
    this.pending = false;
  }

  /** Resolves on notify() or after `timeoutMs` (the polling fallback), whichever comes first. */
  wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      // A hoisted function (the timer above refers to it) that is also the waiter's identity, hence `self`.
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- see the line above
      const self = this;
      function done(): void {
        clearTimeout(timer);
        if (self.waiter === done) self.waiter = undefined;
        self.pending = false;
        resolve();
      }
      this.waiter = done;
    });
  }
}

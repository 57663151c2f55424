import { Logger } from '@nestjs/common';
import { TickJob } from './tick-job';

/** A job whose ticks the test drives: each run pushes its number, then waits for the test to let it finish or fail. */
class ScriptedJob extends TickJob<number> {
  runs = 0;
  release: (() => void) | undefined;
  fail: Error | undefined;

  constructor(periodMs = 1_000) {
    super('ScriptedJob', 'scripted', periodMs);
  }

  protected async run(results: number[]): Promise<void> {
    this.runs += 1;
    results.push(this.runs);
    await new Promise<void>((resolve) => (this.release = resolve));
    if (this.fail) throw this.fail;
  }
}

describe('TickJob', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
    jest.useRealTimers();
  });

  it('returns what the tick did', async () => {
    const job = new ScriptedJob();
    const tick = job.tick();
    job.release!();
    expect(await tick).toEqual([1]);
  });

  it('does nothing while the previous tick still runs, and runs again once it is over', async () => {
    const job = new ScriptedJob();
    const first = job.tick();
    expect(await job.tick()).toEqual([]);
    expect(job.runs).toBe(1);
    job.release!();
    await first;
    const third = job.tick();
    job.release!();
    expect(await third).toEqual([2]);
  });

  it('logs a failed tick instead of throwing, keeps what was done before the failure, and ticks again', async () => {
    const job = new ScriptedJob();
    job.fail = new Error('database away');
    const failed = job.tick();
    job.release!();
    expect(await failed).toEqual([1]);
    expect(warn).toHaveBeenCalledWith('scripted tick failed: database away');
    job.fail = undefined;
    const next = job.tick();
    job.release!();
    expect(await next).toEqual([2]);
  });

  it('ticks every period once the application is up, and stops with the module', () => {
    jest.useFakeTimers();
    const job = new ScriptedJob(5_000);
    jest.advanceTimersByTime(20_000);
    expect(job.runs).toBe(0);
    job.onApplicationBootstrap();
    jest.advanceTimersByTime(4_999);
    expect(job.runs).toBe(0);
    jest.advanceTimersByTime(1);
    expect(job.runs).toBe(1);
    job.release!();
    job.onModuleDestroy();
    jest.advanceTimersByTime(60_000);
    expect(job.runs).toBe(1);
  });

  it('remembers when a tick last ran through, and a failed tick leaves that as it was (the "watch stopped" alert)', async () => {
    const job = new ScriptedJob();
    expect(job.lastSucceededAt).toBeUndefined();
    const ok = job.tick();
    job.release!();
    await ok;
    expect(Math.abs(job.lastSucceededAt! - Date.now())).toBeLessThan(60_000);
    // Marked, so that a failed tick that wrote the time anyway would show even within the same millisecond.
    job.lastSucceededAt = 1;
    job.fail = new Error('database away');
    const failed = job.tick();
    job.release!();
    await failed;
    expect(job.lastSucceededAt).toBe(1);
  });
});

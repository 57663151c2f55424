import { SerialInbox } from './console-inbox';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SerialInbox (one console’s messages, one at a time)', () => {
  it('runs each item to its end before the next starts, in the order admitted, whatever each takes', async () => {
    const inbox = new SerialInbox({ pending: 10, holdMs: 10_000 });
    const log: string[] = [];
    const item = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await later(ms);
      log.push(`end ${name}`);
    };
    inbox.admit(item('slow', 30));
    inbox.admit(item('fast', 0));
    inbox.admit(item('medium', 10));
    await later(80);
    expect(log).toEqual(['start slow', 'end slow', 'start fast', 'end fast', 'start medium', 'end medium']);
    expect(inbox.pending).toBe(0);
  });

  it('refuses beyond its bound, and admits again once items have finished', async () => {
    const inbox = new SerialInbox({ pending: 2, holdMs: 10_000 });
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    expect(inbox.admit(() => blocked)).toBe(true);
    expect(inbox.admit(async () => undefined)).toBe(true);
    expect(inbox.admit(async () => undefined)).toBe(false);
    expect(inbox.pending).toBe(2);
    release();
    await later(0);
    expect(inbox.pending).toBe(0);
    expect(inbox.admit(async () => undefined)).toBe(true);
  });

  it('an item that fails does not stop the line', async () => {
    const inbox = new SerialInbox({ pending: 5, holdMs: 10_000 });
    const ran: string[] = [];
    inbox.admit(async () => {
      throw new Error('handler failed');
    });
    inbox.admit(async () => void ran.push('next'));
    await later(10);
    expect(ran).toEqual(['next']);
  });

  it('an item that never ends holds the line for holdMs only', async () => {
    const inbox = new SerialInbox({ pending: 5, holdMs: 40 });
    const ran: number[] = [];
    const started = Date.now();
    inbox.admit(() => new Promise(() => undefined));
    inbox.admit(async () => void ran.push(Date.now() - started));
    await later(20);
    expect(ran).toEqual([]);
    await later(60);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toBeGreaterThanOrEqual(35);
  });
});

import type { Socket } from 'socket.io';

/**
 * How many messages of one console may wait for their turn, and how long one handler may hold the line before the
 * next message goes ahead anyway. The console itself has at most two messages in flight (`subscribe`, then `resume`);
 * the per-socket budget (message-limits.ts) lets a burst of 20 through, so 32 waiting only happens when handlers are
 * slow (the database not answering) and the client keeps sending regardless. The hold limit is a safeguard against
 * a handler that never answers; it is longer than the database's statement timeout, so a slow but working handler
 * always finishes before the next message starts.
 */
export const INBOX_LIMITS = {
  pending: 32,
  holdMs: 65_000,
} as const;

export type InboxLimits = { pending: number; holdMs: number };

/**
 * A line of work items run one after another in the order they were admitted, each to completion (its promise
 * settled) before the next starts. Bounded: beyond `pending` waiting or running items, `admit` refuses, so a client
 * that floods cannot make the server hold an unbounded backlog. An item that neither resolves nor rejects within
 * `holdMs` stops holding the line (it is not cancelled: its own answer still goes out when it comes).
 */
export class SerialInbox {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly limits: InboxLimits = INBOX_LIMITS) {}

  /** Items admitted and not yet finished (the running one included). */
  get pending(): number {
    return this.waiting;
  }

  admit(work: () => Promise<unknown>): boolean {
    if (this.waiting >= this.limits.pending) return false;
    this.waiting += 1;
    const run = async (): Promise<void> => {
      let timer: NodeJS.Timeout | undefined;
      const held = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.limits.holdMs);
        timer.unref();
      });
      try {
        await Promise.race([work().then(noop, noop), held]);
      } finally {
        clearTimeout(timer);
        this.waiting -= 1;
      }
    };
    this.tail = this.tail.then(run);
    return true;
  }
}

const noop = (): void => undefined;

/** The answer a refused or unhandled message gets through its acknowledgement (when it asked for one). */
export interface InboxRefusal {
  ok: false;
  code: 'TOO_MANY_PENDING' | 'UNKNOWN_MESSAGE';
  error: string;
}

/**
 * Makes a console socket's client→server messages run strictly in the order they arrived: a message reaches its
 * handler only once the one before it has been answered. Socket.IO delivers a socket's packets in order, but its
 * handlers run concurrently: a `resume` sent right behind a `subscribe` used to run while the subscription had left
 * its old rooms and not yet joined the new ones, and found no room to deliver to. Installed as the socket's last
 * middleware, so the message budget (message-limits.ts) refuses a flood before anything is queued.
 *
 * A message is done when its handler calls the acknowledgement; one sent without an acknowledgement is given one, so
 * its end is known too (the gateway's handlers answer every message). A message nobody handles is answered
 * `UNKNOWN_MESSAGE` instead of waiting; beyond `pending` queued, `TOO_MANY_PENDING`.
 */
export function serveInOrder(socket: Socket, limits: InboxLimits = INBOX_LIMITS): SerialInbox {
  const inbox = new SerialInbox(limits);
  // A closed socket's handlers are unsubscribed and will never answer: whatever waits stops waiting.
  let closed = false;
  const onClose = new Set<() => void>();
  socket.once('disconnect', () => {
    closed = true;
    for (const release of onClose) release();
    onClose.clear();
  });
  socket.use((packet, next) => {
    const event = packet[0];
    const admitted = inbox.admit(
      () =>
        new Promise<void>((done) => {
          if (closed) return done();
          if (typeof event !== 'string' || socket.listeners(event).length === 0) {
            answer(packet, {
              ok: false,
              code: 'UNKNOWN_MESSAGE',
              error: `未知的消息：${typeof event === 'string' ? event.slice(0, 40) : typeof event}`,
            });
            return done();
          }
          const finish = () => {
            onClose.delete(finish);
            done();
          };
          onClose.add(finish);
          const last: unknown = packet[packet.length - 1];
          const ack = typeof last === 'function' ? (last as (...reply: unknown[]) => void) : undefined;
          const answered = (...reply: unknown[]) => {
            finish();
            ack?.(...reply);
          };
          if (ack) packet[packet.length - 1] = answered;
          else packet.push(answered);
          next();
        }),
    );
    if (!admitted)
      answer(packet, {
        ok: false,
        code: 'TOO_MANY_PENDING',
        error: `待处理的消息过多（上限 ${limits.pending} 条），请等前面的消息答复后再发送`,
      });
  });
  return inbox;
}

function answer(packet: unknown[], refusal: InboxRefusal): void {
  const ack: unknown = packet[packet.length - 1];
  if (typeof ack === 'function') (ack as (reply: unknown) => void)(refusal);
}

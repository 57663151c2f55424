import type { Socket } from 'socket.io';

/**
 * Limits what one console socket may send. Consoles send a `subscribe` when the operator changes view and a
 * `resume` after a reconnect, so a small bucket (BURST messages, refilled at PER_SECOND) never touches them, while a
 * script that floods the socket is held to that rate. `resume` replays up to the whole resume buffer, so it has its own
 * floor of one per RESUME_INTERVAL_MS. A refused message is answered, never dropped in silence: its acknowledgement
 * (if it asked for one) gets `{ ok: false, code: 'RATE_LIMITED', retryAfterMs }`, and the socket gets a
 * `rate.limited` event (at most one a second). A socket that keeps flooding after that is disconnected.
 */
export const MESSAGE_LIMITS = {
  burst: 20,
  perSecond: 5,
  resumeIntervalMs: 5_000,
  disconnectAfterRefused: 200,
} as const;

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes one token; otherwise says in how many milliseconds one will be there. */
  take(): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((1 - this.tokens) / this.perSecond) * 1000) };
  }
}

/** Installs the limits on a newly connected socket (Socket.IO middleware for incoming packets). */
export function limitMessages(
  socket: Socket,
  limits: typeof MESSAGE_LIMITS = MESSAGE_LIMITS,
  now: () => number = Date.now,
): void {
  const bucket = new TokenBucket(limits.burst, limits.perSecond, now);
  let lastResume = -Infinity;
  let lastWarning = -Infinity;
  let refused = 0;
  socket.use((packet, next) => {
    const [event] = packet;
    const general = bucket.take();
    let retryAfterMs = general.ok ? 0 : general.retryAfterMs;
    if (general.ok && event === 'resume') {
      const wait = lastResume + limits.resumeIntervalMs - now();
      if (wait > 0) retryAfterMs = wait;
      else lastResume = now();
    }
    if (retryAfterMs === 0) {
      refused = 0;
      next();
      return;
    }
    refused += 1;
    if (refused > limits.disconnectAfterRefused) {
      socket.disconnect(true);
      return;
    }
    const answer = {
      ok: false,
      code: 'RATE_LIMITED',
      error:
        event === 'resume'
          ? `resume 过于频繁，请 ${Math.ceil(retryAfterMs / 1000)} 秒后再试`
          : '消息过于频繁，请稍后再试',
      retryAfterMs,
    };
    const ack: unknown = packet[packet.length - 1];
    if (typeof ack === 'function') (ack as (reply: unknown) => void)(answer);
    if (now() - lastWarning >= 1000) {
      lastWarning = now();
      socket.emit('rate.limited', {
        data: { event: typeof event === 'string' ? event.slice(0, 40) : null, code: 'RATE_LIMITED', retryAfterMs },
      });
    }
  });
}

import type { Socket as TcpSocket } from 'node:net';
import type { Namespace } from 'socket.io';
import { comparePositions, parsePosition, type Position } from '@app/event-store';

/** Rooms and what they are sent: one target per protocol version, each with its own rooms and payload. */
export interface Target {
  rooms: string[];
  payload: unknown;
}

export interface Outgoing {
  targets: Target[];
  name: string;
  /** The global position of the event behind it: a burst goes out in position order. */
  position: string;
  /** What the message was made from (the live delta), so a resume can tell it is already on its way. */
  source?: object;
  /** Told once the message went out to the sockets (tracing ends the delivery's span here). */
  sent?: () => void;
}

interface Queued extends Outgoing {
  seq: number;
  at: Position | undefined;
}

/**
 * Sends live deltas to this process's consoles in short bursts. Every message to a console is one WebSocket frame,
 * and ws writes each frame with its own system call: with 500 consoles that write was a third of the server's CPU
 * (console-latency bench). Messages that arrive within `windowMs` are sent together, with each console's TCP socket
 * corked for the burst, so a console gets the burst's frames in one write. Order and messages are unchanged; the
 * cost is at most `windowMs` of added latency (0 = flush at the next turn of the event loop).
 */
export class CorkedFanout {
  private queue: Queued[] = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private seq = 0;
  /** Sockets that joined rooms while messages were queued, with the count of messages queued before they joined. */
  private readonly joinedDuringBurst = new Map<string, number>();

  constructor(
    private readonly namespace: () => Namespace,
    private readonly windowMs: number,
  ) {}

  send(message: Outgoing): void {
    this.queue.push({ ...message, seq: this.seq++, at: parsePosition(message.position) });
    if (this.timer) return;
    this.timer = this.windowMs > 0 ? setTimeout(() => this.flush(), this.windowMs) : setImmediate(() => this.flush());
  }

  /**
   * A console that joins now has what is queued already: it was published before the console connected, so the
   * console's HTTP load or its `resume` covers it. Sending it again live would repeat it out of order.
   */
  joined(socketId: string): void {
    if (this.queue.length > 0) this.joinedDuringBurst.set(socketId, this.seq);
  }

  /**
   * What of the queued messages the next flush will send to this socket (in these rooms): a `resume` leaves them
   * out, or the console would get them twice, the second time after newer ones.
   */
  onItsWay(socketId: string, rooms: ReadonlySet<string>): Set<object> {
    const joinedBefore = this.joinedDuringBurst.get(socketId);
    const sources = new Set<object>();
    for (const m of this.queue) {
      if (!m.source || (joinedBefore !== undefined && joinedBefore > m.seq)) continue;
      if (m.targets.some((t) => t.rooms.some((room) => rooms.has(room)))) sources.add(m.source);
    }
    return sources;
  }

  /** Sends everything queued now (also on shutdown, so nothing queued is dropped silently). */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
    this.timer = undefined;
    const burst = this.queue;
    this.queue = [];
    const joined = [...this.joinedDuringBurst];
    this.joinedDuringBurst.clear();
    if (burst.length === 0) return;
    // Projections publish independently; within a burst, consoles get the deltas in global position order.
    burst.sort((a, b) => (a.at && b.at ? comparePositions(a.at, b.at) : 0) || a.seq - b.seq);
    const namespace = this.namespace();
    const corked = burst.length > 1 ? this.cork(namespace, burst) : [];
    try {
      // `local`: each process sends to its own consoles; other processes get the deltas from their own feed.
      const here = namespace.adapter.rooms;
      for (const m of burst) {
        for (const { rooms, payload } of m.targets) {
          // A target none of whose rooms has a console here costs nothing (no encoding): most deltas have one.
          if (!rooms.some((room) => here.has(room))) continue;
          const late = joined.filter(([, queuedBefore]) => queuedBefore > m.seq).map(([id]) => id);
          (late.length > 0 ? namespace.local.to(rooms).except(late) : namespace.local.to(rooms)).emit(m.name, payload);
        }
        m.sent?.();
      }
    } finally {
      for (const tcp of corked) tcp.uncork();
    }
  }

  private cork(namespace: Namespace, burst: readonly Queued[]): TcpSocket[] {
    const rooms = new Set(burst.flatMap((m) => m.targets.flatMap((t) => t.rooms)));
    const ids = new Set<string>();
    for (const room of rooms) for (const id of namespace.adapter.rooms.get(room) ?? []) ids.add(id);
    const corked: TcpSocket[] = [];
    for (const id of ids) {
      const tcp = tcpOf(namespace.sockets.get(id));
      if (!tcp) continue;
      tcp.cork();
      corked.push(tcp);
    }
    return corked;
  }
}

/**
 * The TCP socket under a console's WebSocket transport (engine.io → ws → net.Socket), or undefined for long-polling.
 * These are internals of engine.io 6 and ws 8; if they change, the burst is simply sent uncorked.
 */
function tcpOf(socket: { conn?: unknown } | undefined): TcpSocket | undefined {
  const transport = (socket?.conn as { transport?: { name?: string; socket?: { _socket?: unknown } } } | undefined)
    ?.transport;
  if (transport?.name !== 'websocket') return undefined;
  const tcp = transport.socket?._socket as TcpSocket | undefined;
  return tcp && typeof tcp.cork === 'function' && typeof tcp.uncork === 'function' && !tcp.destroyed ? tcp : undefined;
}

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import {
  comparePositions,
  sendToParent as send,
  KINDS,
  lagOf,
  LAG_RESOLUTION_MS,
  now,
  percentileOf,
  type CommandRecord,
  type ConsolesStart,
  type ConsolesSummary,
  type DriverStart,
  type Kind,
  type KindSummary,
} from './console-latency.protocol';
import { runDriver } from './console-latency.driver';

export { incidentBody } from './console-latency.protocol';

/*
 * The child processes of `console-latency.bench.ts` (forked from dist), so neither the consoles nor the driver share
 * the server's event loop. `argv[2]` is the role:
 * - `consoles`: opens N authenticated `/console` sockets subscribed to the city (640500) and stamps, per delta
 *   (name, id, position) and per socket, when it arrived; at the end it matches the driver's commands to them.
 * - `driver`: issues RATE commands/s for SECONDS (open loop: a command is sent on schedule whether or not the
 *   previous ones answered) and reports each command's HTTP timings and returned position.
 * The clock, the messages and the statistics they share with the bench are in `console-latency.protocol.ts`.
 */

// ---------------------------------------------------------------------------------------------------------------
// consoles

async function runConsoles(start: ConsolesStart): Promise<void> {
  const sockets: Socket[] = [];
  /** `${name}|${id}|${position}` → arrival time per socket (NaN: not (yet) arrived). */
  const arrivals = new Map<string, Float64Array>();
  /** `${name}|${id}` → the positions seen for it. */
  const positions = new Map<string, string[]>();
  let byName: Record<string, number> = {};
  let counting = false;
  let deliveries = 0;
  let bytesOneConsole = 0;
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });

  const stamp = (
    index: number,
    name: string,
    message: { position?: string; data?: { id?: string; warehouseId?: string } },
  ): void => {
    const t = now();
    const id = message.data?.id ?? message.data?.warehouseId;
    if (!id || !message.position) return;
    const key = `${name}|${id}|${message.position}`;
    let times = arrivals.get(key);
    if (!times) {
      times = new Float64Array(start.count).fill(Number.NaN);
      arrivals.set(key, times);
      const list = positions.get(`${name}|${id}`);
      if (list) list.push(message.position);
      else positions.set(`${name}|${id}`, [message.position]);
    }
    if (Number.isNaN(times[index]!)) times[index] = t;
  };

  const connect = (index: number): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const socket = start.bare
        ? io(`${start.baseUrl}/bare`, { transports: ['websocket'], reconnection: false })
        : io(`${start.baseUrl}/console`, {
            transports: ['websocket'],
            reconnection: false,
            auth: {
              token: start.tokens[index % start.tokens.length],
              ...(start.protocol === 1 ? {} : { protocol: 2 }),
            },
          });
      socket.once('connect_error', reject);
      socket.once('connect', () => {
        if (start.bare) return resolve(socket);
        void (async () => {
          const ack = (await socket.emitWithAck('subscribe', { jurisdiction: '640500' })) as {
            ok: boolean;
            error?: string;
          };
          if (!ack.ok) throw new Error(`subscribe refused: ${ack.error}`);
          // As an operator's console: the board of the city and one incident open in detail.
          const incidentId =
            start.protocol !== 1 && start.open?.length ? start.open[index % start.open.length] : undefined;
          if (incidentId) {
            const opened = (await socket.emitWithAck('incident.open', { incidentId })) as {
              ok: boolean;
              error?: string;
            };
            if (!opened.ok) throw new Error(`incident.open refused: ${opened.error}`);
          }
          resolve(socket);
        })().catch(reject);
      });
      for (const name of ['incident.changed', 'team.changed', 'stock.changed', 'bare.message'])
        socket.on(name, (m: Parameters<typeof stamp>[2]) => stamp(index, name, m));
      socket.onAny((name: string, payload: unknown) => {
        if (!counting) return;
        deliveries++;
        byName[name] = (byName[name] ?? 0) + 1;
        if (index === 0) bytesOneConsole += JSON.stringify(payload).length;
      });
      socket.on('disconnect', (reason) => {
        if (reason !== 'io client disconnect')
          send({ type: 'warning', text: `console ${index} disconnected: ${reason}` });
      });
    });

  for (let i = 0; i < start.count; i += 25) {
    const batch = await Promise.all(Array.from({ length: Math.min(25, start.count - i) }, (_, j) => connect(i + j)));
    sockets.push(...batch);
  }
  let startedAt = 0;
  let stoppedAt = 0;
  process.on('message', (message: { type: string; commands?: CommandRecord[] }) => {
    if (message.type === 'start') {
      deliveries = 0;
      bytesOneConsole = 0;
      byName = {};
      counting = true;
      startedAt = now();
      lag.enable();
    } else if (message.type === 'stop') {
      counting = false;
      stoppedAt = now();
      lag.disable();
      send({ type: 'stopped' });
    } else if (message.type === 'match') {
      const kinds = KINDS.filter((kind) => message.commands!.some((c) => c.kind === kind));
      const summary: ConsolesSummary = {
        sockets: sockets.length,
        deliveries,
        bytesOneConsole,
        byName,
        activeMs: stoppedAt - startedAt,
        kinds: kinds.map((kind) =>
          summarise(
            kind,
            message.commands!.filter((c) => c.kind === kind),
            arrivals,
            positions,
            start.count,
          ),
        ),
        clientLag: lagOf(lag),
      };
      send({ type: 'summary', summary });
    } else if (message.type === 'close') {
      for (const socket of sockets) socket.close();
      send({ type: 'closed' });
    }
  });
  send({ type: 'ready', sockets: sockets.length });
}

/** For each command, the first delta on its id at or after its position, on every console. */
function summarise(
  kind: Kind,
  commands: CommandRecord[],
  arrivals: Map<string, Float64Array>,
  positions: Map<string, string[]>,
  count: number,
): KindSummary {
  const ok = commands.filter((c) => c.status >= 200 && c.status < 300 && c.id && c.position);
  const fromResponse = new Float64Array(ok.length * count);
  const fromSent = new Float64Array(ok.length * count);
  let n = 0;
  let missing = 0;
  let negative = 0;
  for (const command of ok) {
    const candidates = (positions.get(`${command.delta}|${command.id}`) ?? []).filter(
      (p) => comparePositions(p, command.position!) >= 0,
    );
    candidates.sort(comparePositions);
    for (let s = 0; s < count; s++) {
      // The first candidate this console got (a console that missed one delta may still get the next).
      let arrived = Number.NaN;
      for (const p of candidates) {
        const t = arrivals.get(`${command.delta}|${command.id}|${p}`)![s]!;
        if (!Number.isNaN(t)) {
          arrived = t;
          break;
        }
      }
      if (Number.isNaN(arrived)) {
        missing++;
        continue;
      }
      const latency = arrived - command.respondedAt;
      if (latency < 0) negative++;
      fromResponse[n] = latency;
      fromSent[n] = arrived - command.sentAt;
      n++;
    }
  }
  const a = fromResponse.subarray(0, n).sort();
  const b = fromSent.subarray(0, n).sort();
  return {
    kind,
    commands: commands.length,
    matched: n,
    missing,
    negative,
    p50: percentileOf(a, 50),
    p95: percentileOf(a, 95),
    p99: percentileOf(a, 99),
    max: n ? a[n - 1]! : Number.NaN,
    min: n ? a[0]! : Number.NaN,
    fromSentP50: percentileOf(b, 50),
    fromSentP99: percentileOf(b, 99),
  };
}

if (require.main === module) {
  const role = process.argv[2];
  process.once('message', (message: ConsolesStart | DriverStart) => {
    const run = role === 'consoles' ? runConsoles(message as ConsolesStart) : runDriver(message as DriverStart);
    run.catch((error: Error) => {
      send({ type: 'failed', error: error.stack ?? error.message });
      process.exitCode = 1;
    });
  });
}

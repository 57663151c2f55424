import { connect, createServer, type Socket } from 'node:net';

/**
 * The "port split" in front of several API processes: each new TCP connection goes to the next backend in turn, as a
 * layer-4 load balancer would. Consoles use WebSocket only, so a console's connection stays on one process.
 */
export async function startRoundRobinProxy(
  backendPorts: readonly number[],
): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const open = new Set<Socket>();
  const server = createServer((client) => splice(client, backendPorts[next++ % backendPorts.length]!, open));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Joins a client connection to a new one to `port`, both tracked in `open` until either side ends. */
export function splice(client: Socket, port: number, open: Set<Socket>): void {
  const upstream = connect(port, '127.0.0.1');
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  open.add(client).add(upstream);
  client.pipe(upstream);
  upstream.pipe(client);
  const drop = (): void => {
    client.destroy();
    upstream.destroy();
    open.delete(client);
    open.delete(upstream);
  };
  client.on('error', drop).on('close', drop);
  upstream.on('error', drop).on('close', drop);
}

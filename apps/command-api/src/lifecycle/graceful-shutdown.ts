import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConsoleGateway } from '../realtime/console.gateway';
import { Lifecycle } from './lifecycle';

/** How long in-flight commands may take to finish before the process stops anyway. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * SIGTERM/SIGINT: stop taking work, finish what was taken, then close. In order: readiness goes down and new
 * requests are answered 503 (Retry-After); the HTTP server stops accepting connections; commands already running
 * finish (up to 10 s) and get their answers; consoles are told and disconnected so they reconnect elsewhere; then
 * Nest closes the projections, the event store and the database pools.
 */
export async function stopGracefully(app: NestFastifyApplication, log: (message: string) => void): Promise<void> {
  const lifecycle = app.get(Lifecycle);
  lifecycle.drain();
  const server = app.getHttpServer();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const finished = await lifecycle.whenIdle(DRAIN_TIMEOUT_MS);
  log(
    finished
      ? 'in-flight requests finished'
      : `in-flight requests still running after ${DRAIN_TIMEOUT_MS} ms; stopping anyway`,
  );
  app.get(ConsoleGateway).farewell();
  // Idle keep-alive connections would hold the server open; nothing is in flight on them any more.
  server.closeIdleConnections?.();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  await app.close();
}

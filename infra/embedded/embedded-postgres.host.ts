import { startEmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres.launcher';

/**
 * The process the embedded PostgreSQL runs under when the API starts it (embedded-postgres.process.ts): started by the
 * API in a session of its own, it stops the server only when the API asks (after its pools closed) or when the API is
 * gone (the IPC channel closes), never on a signal a terminal sent to the API's process group.
 * Messages to the parent: `{ log }` for each server line, then `{ url, appUrl, appRole }` or `{ error }`.
 */
const options = JSON.parse(process.argv[2] ?? '{}') as Pick<EmbeddedPostgresOptions, 'name' | 'database' | 'port'>;
const send = (message: object): void => {
  if (process.connected) process.send!(message);
};
// Not part of the terminal's process group, so a SIGINT here is deliberate: like SIGTERM, stop the server and exit.
let stopping: Promise<void> | undefined;

startEmbeddedPostgres({ ...options, callerStopsOnSignals: true, log: (line) => send({ log: line }) }).then(
  (handle) => {
    const stop = (): Promise<void> =>
      (stopping ??= handle.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      ));
    process.on('message', () => void stop());
    process.on('disconnect', () => void stop());
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
    send({ url: handle.url, appUrl: handle.appUrl, appRole: handle.appRole });
  },
  (error: unknown) => {
    send({ error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  },
);

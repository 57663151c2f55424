import { createServer, type Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { BareLoad } from './console-latency.protocol';

/**
 * The ceiling: a bare Socket.IO server on this machine, in the bench's process as the application is, with nothing of
 * ours — no sign-in, no rooms, no event store, no projections. `POST /command` broadcasts to every console of `/bare`
 * what the application sent its consoles per command (`load`: as many messages, as many JSON bytes), then answers.
 */
export async function startBareServer(load: BareLoad): Promise<{ baseUrl: string; close(): Promise<void> }> {
  let n = 0;
  const messages = Math.max(1, Math.round(load.messages));
  const pad = 'x'.repeat(Math.max(0, Math.round(load.bytes / messages) - 60));
  const http: HttpServer = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/command') {
      response.writeHead(404).end();
      return;
    }
    request.resume();
    request.on('end', () => {
      n += 1;
      const id = `c${n}`;
      const position = `${n}/0`;
      // The first carries the command's id and position (what the consoles match); the rest only weigh the same.
      bare.emit('bare.message', { position, data: { id, pad } });
      for (let i = 1; i < messages; i++) bare.emit('bare.extra', { position, data: { id, pad } });
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id, position }));
    });
  });
  const io = new Server(http, { transports: ['websocket'] });
  const bare = io.of('/bare');
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  return {
    baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () =>
      new Promise<void>((resolve) => {
        void io.close(() => resolve());
      }),
  };
}

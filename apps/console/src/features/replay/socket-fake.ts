/**
 * The replay screens' tests play the server's socket: this records what a screen subscribes to and keeps its handlers
 * so a test can deliver messages. It imports nothing, so the mocked `socket.io-client` can load it without a cycle.
 */
const handlers = new Map<string, (payload: unknown) => void>();
const subscribed: { name: string; body: unknown }[] = [];

export const socket = {
  handlers,
  subscribed,
  on(name: string, handler: (payload: unknown) => void) {
    handlers.set(name, handler);
    if (name === 'connect') queueMicrotask(() => handler(undefined));
    return socket;
  },
  timeout: () => ({
    emitWithAck: (name: string, body: unknown) => {
      subscribed.push({ name, body });
      return Promise.resolve({ ok: true });
    },
  }),
  removeAllListeners: () => handlers.clear(),
  disconnect: () => undefined,
};

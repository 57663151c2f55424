import { useEffect, useRef } from 'react';

/**
 * Every message the live connection receives, offered to whichever feature wants it. Features keep their server state
 * in the query cache and patch it from here, so a new kind of delta needs no change to the connection code.
 */
export interface LiveMessage {
  name: string;
  /** The delta's payload (`{ position, data }` on the wire; control messages may carry anything). */
  data: unknown;
  position: string | null;
}

type Listener = (message: LiveMessage) => void;

const listeners = new Set<Listener>();

export function publishLive(name: string, payload: unknown): void {
  const delta = payload && typeof payload === 'object' ? (payload as { position?: unknown; data?: unknown }) : {};
  const message: LiveMessage = {
    name,
    data: 'data' in delta ? delta.data : payload,
    position: typeof delta.position === 'string' ? delta.position : null,
  };
  for (const listener of [...listeners]) {
    try {
      listener(message);
    } catch (error) {
      // One feature's broken handler must not starve the others of the same delta.
      console.error('live handler failed', name, error);
    }
  }
}

export function subscribeLive(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Calls `handler` for every live message whose name is in `names`, for as long as the component is mounted. */
export function useLiveMessages(names: readonly string[], handler: (message: LiveMessage) => void): void {
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  }, [handler]);
  const key = names.join('|');
  useEffect(() => {
    const wanted = new Set(key.split('|'));
    return subscribeLive((message) => {
      if (wanted.has(message.name)) handlerRef.current(message);
    });
  }, [key]);
}

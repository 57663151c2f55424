// The replay context's pure domain: what other contexts' domain code may import (`@app/replay/domain`).
export * from './replay-timing';
export * from './replay.errors';
export * from './replay-event-types';

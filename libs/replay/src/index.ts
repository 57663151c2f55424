// Replay (复盘回放): the only entry point other code imports.
export { ReplayModule } from './replay.module';
export { ReplayRegistry, type ReplayEmission, type ReplayStatus, type ReplayStatusView, MAX_REPLAYS, MAX_REPLAY_EVENTS, IDLE_EXPIRY_MS,
  REPLAY_OPTIONS, DEFAULT_REPLAYS_PER_USER, type ReplayOptions } from './application/replay.registry';
export { MIN_SPEED, MAX_SPEED, QUIET_CAP_MS } from './domain/replay-timing';

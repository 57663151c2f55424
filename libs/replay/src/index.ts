// Replay (复盘回放): the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { ReplayModule } from './replay.module';
export {
  ReplayRegistry,
  MAX_REPLAYS,
  MAX_REPLAY_EVENTS,
  IDLE_EXPIRY_MS,
  REPLAY_OPTIONS,
  DEFAULT_REPLAYS_PER_USER,
  type ReplayOptions,
} from './application/replays/replay.registry';
export type { ReplayEmission, ReplayStatus, ReplayStatusView } from './application/replays/replay.registry';

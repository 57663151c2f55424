// The watch's pure domain (值班, 交接班, 点名): what other contexts' domain code may import.
export * from './duty.types';
export * from './duty.errors';
export type { DutyWatchEvent, HandoverSummary } from './duty-watch/duty-watch.events';
export type { DutyWatchCommand } from './duty-watch/duty-watch.commands';
export type { RollCallEvent } from './roll-call/roll-call.events';
export type { RollCallCommand } from './roll-call/roll-call.commands';
export { dutyWatchDecider } from './duty-watch/duty-watch.decider';
export { rollCallDecider } from './roll-call/roll-call.decider';

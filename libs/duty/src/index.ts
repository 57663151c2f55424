// The watch (值班): shifts, handovers (交接班) and roll calls (点名). The only entry point other code imports.
export * from './domain/duty.types';
export * from './domain/duty.errors';
export type { DutyWatchEvent, HandoverSummary } from './domain/duty-watch.events';
export type { RollCallEvent } from './domain/roll-call.events';
export { dutyWatchDecider } from './domain/duty-watch.decider';
export { rollCallDecider } from './domain/roll-call.decider';
export { DutyModule, dutyEntities, dutyProjections } from './duty.module';
export { DutyShiftRow, DutyHandoverRow, RollCallRow } from './read-models/duty.entities';
export type { ShiftView, HandoverView, RollCallView } from './read-models/duty.views';
export { ROLL_CALL_OPTIONS, RollCallScheduler, type RollCallOptions } from './application/roll-call/roll-call.scheduler';

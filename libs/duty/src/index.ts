// The watch (值班): shifts, handovers (交接班) and roll calls (点名). The only entry point other code imports.
export * from './domain';
export { dutyWatchAggregate } from './application/duty-watch.aggregate';
export { rollCallAggregate } from './application/roll-call.aggregate';
export { DutyModule, dutyEntities, dutyProjections } from './duty.module';
export type { ShiftView, HandoverView, RollCallView } from './read-models/duty.views';
export { DutyQueries, type CurrentDutyView } from './read-models/duty.queries';
export {
  ROLL_CALL_OPTIONS,
  RollCallScheduler,
  type RollCallOptions,
} from './application/record-missed-roll-calls/roll-call.scheduler';

// The alarm centre (告警中心): the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { alarmAggregate } from './application/alarm.aggregate';
export { alarmIdOf } from './application/alarm-id';
export { AlarmsModule, alarmEntities, alarmProjections } from './alarms.module';
export { AlarmQueries, type AlarmFilter } from './read-models/alarms/alarm.queries';
export {
  ALARM_WATCH_OPTIONS,
  AlarmWatch,
  type AlarmWatchOptions,
  type AlarmWatchStep,
} from './application/watch-alarms/alarm-watch.job';
export type { AlarmView } from './contract';
export {
  AlarmCentre,
  PUSHED_ALARM_KINDS,
  isPushedKind,
  type AlarmSourceActor,
  type PushedAlarmCause,
  type PushedAlarmKind,
} from './application/alarm-centre';

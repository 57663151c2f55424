// The alarm centre's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './alarm/alarm.events';
export * from './alarm/alarm.commands';
export * from './alarm/alarm.errors';
export * from './alarm/escalation';
export { alarmDecider, decideAlarm } from './alarm/alarm.decider';
export type { AlarmState } from './alarm/alarm.state';

// 在线监测: the only entry point other code imports (domain code of other contexts: './domain').
export { MonitoringModule, monitoringEntities, monitoringProjections } from './monitoring.module';
export type * from './contract';

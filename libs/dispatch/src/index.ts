// Dispatch across incidents, teams and warehouses (process managers): the only entry point other code imports.
export { DispatchProcessManager } from './process-managers/dispatch/dispatch.process-manager';
export { DispatchModule } from './dispatch.module';

export * from './alarm-to-incident';
export * from './alarm-to-incident.errors';

// Framework-free shared kernel: safe to import from domain code. Nest wiring lives in `./nest`.
export * from './errors/domain-error';
export * from './time/clock';
export * from './time/zoned-time';
export * from './time/zoned-periods';
export * from './jurisdictions/jurisdictions';
export * from './auth/roles';
export * from './auth/permissions';
export * from './auth/actor';
export * from './drills/drill-participation';
export * from './ids/name-based-uuid';
export * from './paging/keyset-cursor';

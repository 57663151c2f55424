// Nest wiring shared by the apps: configuration, HTTP errors, validation, request context.
export * from './app-config';
export * from './problem-details';
export * from './problem-details.filter';
export * from './prepared-answer';
export * from './validation';
export * from './request-context';
export * from './auth';
export * from './known-jurisdiction.validator';
export * from './body-limits.pipe';
export * from './request-validators';
export * from './database-unavailable';
export * from './routes';
export * from './tick-job';
export * from './paging';
export * from './revision-etag.interceptor';

// Test helpers for specs only (dependency-cruiser lets nothing but spec files import this entry). The projection
// spec helper, which needs PostgreSQL, is the separate entry `@app/event-sourcing/testing/projections`.
export * from './decider-spec';

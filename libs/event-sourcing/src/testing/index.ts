// Test helpers for specs only (dependency-cruiser lets nothing but `*.spec.ts` files import this entry).
export * from './decider-spec';

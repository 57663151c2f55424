// The evaluation context's pure domain: what other contexts' domain code may import (`@app/evaluation/domain`).
export * from './evaluation/evaluation';
export * from './evaluation/rubric';
export * from './evaluation/measure';
export * from './evaluation/evaluation.errors';

// Three projects selected by file suffix (README, tests). One PostgreSQL serves the whole run; suites run two at a
// time (npm test), each worker with a database of its own (test/setup/worker-database.ts).
// ts-jest in transpile-only mode (isolatedModules): type checking is the separate `tsc --noEmit` step of npm test.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] };
const moduleNameMapper = {
  '^@app/(shared|event-store|event-sourcing|incidents|identity|teams|warehouses|dispatch|plans|evaluation|duty|warnings|alarms|drills|replay|enterprises|monitoring|hidden-hazards|experts|shelters|targets)$':
    '<rootDir>/libs/$1/src',
  '^@app/(shared|event-store|event-sourcing|incidents|identity|teams|warehouses|dispatch|plans|evaluation|duty|warnings|alarms|drills|replay|enterprises|monitoring|hidden-hazards|experts|shelters|targets)/(.*)$':
    '<rootDir>/libs/$1/src/$2',
  '^@app/infra/(.*)$': '<rootDir>/infra/$1',
};
const common = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node' };
// The console's modules are ES modules (apps/console/package.json); its unit specs load them through a CommonJS
// transpile (test/support/console-module-transform.js says why not ts-jest).
const consoleTransform = {
  '^.+/apps/console/src/.+\\.ts$': '<rootDir>/test/support/console-module-transform.js',
  ...transform,
};

module.exports = {
  // Integration and e2e tests wait on real servers; a hang fails after this instead of stalling CI. A minute: a loaded
  // machine can take half of it to start an application, and a command may wait 15 s for a lagging read model.
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  projects: [
    {
      ...common,
      displayName: 'unit',
      transform: consoleTransform,
      testMatch: ['<rootDir>/{apps,libs,infra}/**/*.unit.spec.ts', '<rootDir>/test/**/*.unit.spec.ts'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs,infra}/**/*.int.spec.ts'],
      setupFiles: ['<rootDir>/test/setup/worker-database.ts'],
      slowTestThreshold: 30,
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/test/setup/worker-database.ts'],
      slowTestThreshold: 30,
    },
  ],
};

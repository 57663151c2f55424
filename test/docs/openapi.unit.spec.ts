import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument, OPENAPI_FILE, openApiText } from '../../apps/command-api/src/openapi/openapi-document';
import { previewApp } from '../../apps/command-api/src/openapi/nest-document';
import { registeredRoutes, type Route } from '../support/registered-routes';

/**
 * docs/openapi.json is the contract clients generate code from: it must be what the code gives today (regenerated
 * here, in process, without a database) and it must describe every route the application registers, each with a
 * success answer and its problem+json errors.
 */
const ROOT = join(__dirname, '..', '..');

type Json = Record<string, unknown>;

let built: Json;
let routes: Route[];

beforeAll(async () => {
  built = await buildOpenApiDocument(ROOT);
  const app = await previewApp();
  try {
    routes = registeredRoutes(app);
  } finally {
    await app.close();
  }
}, 300_000);

describe('docs/openapi.json', () => {
  it('is what the code gives today (run `npm run openapi` after changing a route, a request class or an answer type)', () => {
    const committed = readFileSync(join(ROOT, OPENAPI_FILE), 'utf8');
    const regenerated = openApiText(built);
    if (committed !== regenerated) {
      const committedLines = committed.split('\n');
      const regeneratedLines = regenerated.split('\n');
      const line = regeneratedLines.findIndex((text, i) => text !== committedLines[i]);
      throw new Error(
        `${OPENAPI_FILE} is out of date with the code: run \`npm run openapi\` and commit the result.\n` +
          `First difference at line ${line + 1}:\n  committed:   ${committedLines[line]?.trim()}\n` +
          `  from the code: ${regeneratedLines[line]?.trim()}`,
      );
    }
    expect(JSON.parse(committed)).toMatchObject({ openapi: '3.1.0' });
  });

  it('describes every registered route with a success answer and problem+json errors', () => {
    expect(routes.length).toBeGreaterThan(100);
    const paths = built.paths as Record<string, Record<string, Json>>;
    const responses = (built.components as { responses: Record<string, Json> }).responses;
    const resolve = (response: Json): Json =>
      typeof response.$ref === 'string' ? responses[response.$ref.replace('#/components/responses/', '')]! : response;
    const missing: string[] = [];
    for (const route of routes) {
      const path = route.pattern.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const name = `${route.method} ${path}`;
      const operation = paths[path]?.[route.method.toLowerCase()];
      if (!operation) {
        missing.push(`${name}: not in the document`);
        continue;
      }
      const answers = Object.entries(operation.responses as Record<string, Json>).map(
        ([status, response]) => [status, resolve(response)] as const,
      );
      const success = answers.filter(([status]) => status.startsWith('2'));
      const withSchema = success.some(([status, response]) => status === '204' || hasSchema(response, /./));
      if (!withSchema) missing.push(`${name}: no 2xx answer with a schema`);
      const problems = answers.filter(
        ([status, response]) => /^[45]/.test(status) && hasSchema(response, /^application\/problem\+json$/),
      );
      if (problems.length === 0) missing.push(`${name}: no application/problem+json error answer`);
      if (typeof operation.operationId !== 'string' || typeof operation.summary !== 'string')
        missing.push(`${name}: no operationId or summary`);
    }
    expect(missing).toEqual([]);
  });

  it('marks the routes without a user token and gives the others the bearer scheme', () => {
    const paths = built.paths as Record<string, Record<string, Json>>;
    const login = paths['/api/v1/auth/login']?.post;
    const readings = paths['/api/v1/monitoring/readings']?.post;
    const incident = paths['/api/v1/incidents/{id}']?.get;
    expect(login?.security).toEqual([]);
    expect(readings?.security).toEqual([{ deviceKey: [] }]);
    expect(incident?.security).toBeUndefined();
    expect(built.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(incident?.responses as Json)).toEqual(
      expect.arrayContaining(['200', '401', '403', '404', '429', '503']),
    );
  });
});

function hasSchema(response: Json, mediaType: RegExp): boolean {
  const content = (response.content ?? {}) as Record<string, { schema?: unknown }>;
  return Object.entries(content).some(([type, media]) => mediaType.test(type) && media.schema !== undefined);
}

import type { AnswerSchemas, JsonSchema } from './answer-schemas';
import type { ErrorCatalogue } from './error-codes';
import { TAGS } from './openapi-tags';
import { toOpenApi31, withExample } from './openapi-31';
import {
  COMMAND_CODES,
  ERROR_STATUSES,
  errorResponses,
  FIELD_ERROR_SCHEMA,
  problemResponse,
  PROBLEM_SCHEMA,
} from './problem-responses';
import { HEADERS } from './response-headers';

/** What the controllers' metadata says of a route beyond what @nestjs/swagger reads (nest-document.ts). */
export interface RouteFacts {
  isPublic: boolean;
  /** Stable codes the route names in its RouteSpec, beyond those of its context. */
  errors: readonly string[];
  /** The media types of the success body when declared (CSV, XML, HTML, plain text); empty: JSON, or text for a string. */
  contentTypes: readonly string[];
}

type Json = { [key: string]: unknown };
type Operation = Json & {
  operationId: string;
  responses: Record<string, Json>;
  parameters?: Json[];
  tags?: string[];
  requestBody?: Json;
};

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/**
 * Turns the request-only document @nestjs/swagger gives into the published contract: OpenAPI 3.1, every operation
 * with its success answer (read from the code's types), its problem+json errors with their stable codes, security,
 * the Location / Link / ETag headers, and examples on request bodies.
 */
export function completeDocument(
  nest: Json,
  answers: AnswerSchemas,
  facts: ReadonlyMap<string, RouteFacts>,
  catalogue: ErrorCatalogue,
): Json {
  const nestComponents = (nest.components ?? {}) as { schemas?: Record<string, JsonSchema> };
  const schemas: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(nestComponents.schemas ?? {})) schemas[name] = schema;
  for (const [name, schema] of Object.entries(answers.components)) {
    // A request class and an answer type may share a name; the answer keeps its own under a suffix.
    if (name in schemas) throw new Error(`OpenAPI component ${name} is both a request class and an answer type`);
    schemas[name] = schema;
  }
  schemas.Problem = PROBLEM_SCHEMA;
  schemas.FieldError = FIELD_ERROR_SCHEMA;

  const paths: Record<string, Record<string, Operation>> = {};
  const usedTags = new Set<string>();
  for (const [path, item] of Object.entries(nest.paths as Record<string, Record<string, Operation>>)) {
    const out: Record<string, Operation> = {};
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      out[method] = completeOperation(path, method, operation, answers, facts, catalogue);
      for (const tag of out[method].tags ?? []) usedTags.add(tag);
    }
    paths[path] = out;
  }
  const unknownTags = [...usedTags].filter((tag) => !TAGS.some((t) => t.name === tag));
  if (unknownTags.length > 0) throw new Error(`OpenAPI tags without a description in TAGS: ${unknownTags.join(', ')}`);

  const document: Json = {
    openapi: '3.1.0',
    info: {
      title: '应急指挥调度系统 API',
      version: '1',
      description:
        'Emergency command and dispatch: incidents, teams, supplies, plans, drills. Every error is ' +
        'application/problem+json with a stable `code` and a Chinese `detail` (docs/api.md). Commands take an ' +
        '`Idempotency-Key`; routes of aggregates with revisions take `If-Match`.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: '本机开发实例（生产地址由部署决定）' }],
    security: [{ bearer: [] }],
    tags: TAGS.filter((t) => usedTags.has(t.name)),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'POST /api/v1/auth/login 签发的访问令牌',
        },
        deviceKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Device-Key',
          description: '企业网关的设备密钥（POST /api/v1/enterprises/{id}/device-keys 签发）',
        },
      },
      schemas: sortKeys(schemas),
      responses: errorResponses(JSON.stringify(paths)),
      headers: HEADERS,
    },
  };
  return toOpenApi31(document) as Json;
}

function completeOperation(
  path: string,
  method: string,
  operation: Operation,
  answers: AnswerSchemas,
  facts: ReadonlyMap<string, RouteFacts>,
  catalogue: ErrorCatalogue,
): Operation {
  const id = operation.operationId;
  const answer = answers.answers.get(id);
  if (!answer) throw new Error(`OpenAPI: no controller method found for operation ${id}`);
  const fact = facts.get(id) ?? { isPublic: false, errors: [], contentTypes: [] };
  const context = /^libs\/([^/]+)\//.exec(answer.file)?.[1];
  // The device key is a security scheme, not a parameter (@nestjs/swagger lists it once per spelling).
  const parameters = (operation.parameters ?? []).filter(
    (p) => !(p.in === 'header' && String(p.name).toLowerCase() === 'x-device-key'),
  );
  const deviceKey = parameters.length !== (operation.parameters ?? []).length;
  const isCommand = parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
  const ifMatch = parameters.some((p) => p.in === 'header' && p.name === 'If-Match');
  const [successStatus] = Object.keys(operation.responses).filter((s) => s.startsWith('2'));
  const status = successStatus ?? (method === 'post' ? '201' : '200');

  const success: Json = { description: successDescription(status) };
  if (answer.schema && status !== '204') success.content = successContent(answer.schema, fact.contentTypes);
  const headers: Record<string, Json> = {};
  if (status === '201') headers.Location = { $ref: '#/components/headers/Location' };
  if (method === 'get' && answer.schema?.type === 'array') {
    headers.Link = { $ref: '#/components/headers/Link' };
    headers['X-Total-Count'] = { $ref: '#/components/headers/X-Total-Count' };
  }
  if (method === 'get' && /\{[A-Za-z]*[iI]d\}$/.test(path) && answer.schema && '$ref' in answer.schema)
    headers.ETag = { $ref: '#/components/headers/ETag' };
  if (Object.keys(headers).length > 0) success.headers = headers;

  const responses: Record<string, Json> = { [status]: success };
  const codes = (s: number): string[] => [
    ...(context ? (catalogue.get(context)?.get(s) ?? []) : []),
    ...(isCommand ? (COMMAND_CODES[s] ?? []) : []),
    ...fact.errors.filter((code) => catalogueStatus(catalogue, code) === s),
  ];
  const add = (s: number): void => {
    const own = codes(s);
    responses[String(s)] =
      own.length === 0
        ? { $ref: `#/components/responses/Problem${s}` }
        : problemResponse(s, [...new Set([...ERROR_STATUSES[s]!.codes, ...own])].sort());
  };
  if (parameters.length > 0 || operation.requestBody || deviceKey) add(400);
  if (!fact.isPublic || deviceKey) add(401);
  if (!fact.isPublic) add(403);
  if (path.includes('{') || codes(404).length > 0) add(404);
  if (isCommand || codes(409).length > 0) add(409);
  if (ifMatch) add(412);
  if (isCommand || codes(422).length > 0) add(422);
  add(429);
  add(503);

  const completed: Operation = {
    ...operation,
    parameters,
    responses,
    tags: operation.tags && operation.tags.length > 0 ? operation.tags : [tagOfPath(path)],
  };
  if (operation.requestBody) completed.requestBody = withExample(operation.requestBody);
  if (deviceKey) completed.security = [{ deviceKey: [] }];
  else if (fact.isPublic) completed.security = [];
  if (parameters.length === 0) delete completed.parameters;
  return completed;
}

/**
 * The success body by media type. A method answering `string | StatisticsView` under `@ApiProduces('application/json',
 * 'text/csv')` gives the object as JSON and the string as CSV.
 */
function successContent(schema: JsonSchema, declared: readonly string[]): Json {
  const members = Array.isArray(schema.anyOf) ? (schema.anyOf as JsonSchema[]) : [schema];
  const text = members.filter((m) => m.type === 'string');
  const json = members.filter((m) => m.type !== 'string');
  const textSchema = text.length > 0 ? { type: 'string' } : undefined;
  const jsonSchema = json.length === 0 ? undefined : json.length === 1 ? json[0] : { anyOf: json };
  const types = declared.length > 0 ? declared : [jsonSchema ? 'application/json' : 'text/plain'];
  return Object.fromEntries(
    types.map((type) => [type, { schema: (/json/.test(type) ? jsonSchema : textSchema) ?? schema }]),
  );
}

function catalogueStatus(catalogue: ErrorCatalogue, code: string): number | undefined {
  for (const byStatus of catalogue.values())
    for (const [status, codes] of byStatus) if (codes.includes(code)) return status;
  return undefined;
}

function tagOfPath(path: string): string {
  return path.startsWith('/metrics') ? 'metrics' : 'health';
}

function successDescription(status: string): string {
  if (status === '201') return '已创建（Location 指向新资源）';
  if (status === '202') return '已受理';
  if (status === '204') return '完成，无响应体';
  return '成功';
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

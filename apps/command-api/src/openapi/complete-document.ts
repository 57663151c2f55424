import type { AnswerSchemas, JsonSchema } from './answer-schemas';
import type { ErrorCatalogue } from './error-codes';

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

/** The tags, in the order a reader meets the system, each with what it covers. */
export const TAGS: readonly { name: string; description: string }[] = [
  { name: 'auth', description: '登录、刷新与退出：签发 Bearer 令牌（JWT）与刷新 Cookie' },
  { name: 'users', description: '用户与角色、密码' },
  { name: 'jurisdictions', description: '行政区划树（GB/T 2260）' },
  { name: 'incidents', description: '事故接报、续报、响应级别、报告义务与结案' },
  { name: 'dispatch', description: '调派推荐与可用力量' },
  { name: 'teams', description: '救援队伍登记、状态与调派' },
  { name: 'warehouses', description: '应急物资仓库、库存与调拨' },
  { name: 'plans', description: '应急预案的编制、评审、发布、备案与启动' },
  { name: 'duty', description: '值班排班、交接班与点名' },
  { name: 'warnings', description: '预警信息发布、更新与解除（CAP）' },
  { name: 'alarms', description: '告警的确认与处理' },
  { name: 'drills', description: '演练的计划、实施与评估' },
  { name: 'replay', description: '事故过程回放' },
  { name: 'enterprises', description: '企业登记与设备密钥' },
  { name: 'hazard-sources', description: '危险化学品重大危险源（GB 18218）' },
  { name: 'monitoring', description: '在线监测：传感器、读数、阈值与告警转事故' },
  { name: 'hidden-hazards', description: '隐患排查治理：登记、整改、验收、督办' },
  { name: 'experts', description: '专家库与会商' },
  { name: 'shelters', description: '应急避难场所与安置' },
  { name: 'targets', description: '年度控制指标' },
  { name: 'statistics', description: '事故统计与报告合规' },
  { name: 'audit', description: '审计日志与安全事件' },
  { name: 'admin', description: '运维：投影停放事件的查看与重放' },
  { name: 'health', description: '存活与就绪探针（无需令牌）' },
  { name: 'metrics', description: 'Prometheus 指标（按地址放行，无需令牌）' },
];

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** Generic wording of each error status; the operation's own codes are added to it. */
const ERROR_STATUSES: Record<number, { description: string; codes: readonly string[] }> = {
  400: {
    description: '请求无效：校验失败（errors 逐字段说明）、JSON 格式错误或参数格式错误',
    codes: ['VALIDATION_FAILED', 'MALFORMED_JSON', 'BAD_REQUEST'],
  },
  401: { description: '未登录或令牌无效、已过期', codes: ['UNAUTHENTICATED'] },
  403: { description: '无权操作：缺少权限或超出本人辖区', codes: ['FORBIDDEN'] },
  404: { description: '对象不存在', codes: [] },
  409: { description: '与当前状态冲突，或另一请求同时修改了同一对象', codes: ['CONCURRENT_UPDATE'] },
  412: { description: 'If-Match 所给版本已不是当前版本（先读取最新状态再重试）', codes: ['STALE_REVISION'] },
  422: { description: '格式正确但违反业务规则', codes: [] },
  429: { description: '请求过于频繁（Retry-After 说明何时重试）', codes: ['TOO_MANY_REQUESTS'] },
  503: {
    description: '服务暂不可用：数据库或事件存储不可用、超时或正在停机（Retry-After 说明何时重试）',
    codes: ['DATABASE_TIMEOUT', 'DATABASE_UNAVAILABLE', 'EVENT_STORE_UNAVAILABLE', 'SHUTTING_DOWN'],
  },
};

/** Codes every command can give besides its context's: a reused Idempotency-Key with another body. */
const COMMAND_CODES: Record<number, readonly string[]> = { 422: ['IDEMPOTENCY_KEY_REUSED'] };

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

function problemResponse(status: number, codes: readonly string[]): Json {
  const base = ERROR_STATUSES[status]!;
  const response: Json = {
    description: codes.length > 0 ? `${base.description}。code：${codes.join('、')}` : base.description,
    content: { 'application/problem+json': { schema: PROBLEM_REF } },
  };
  if (status === 429 || status === 503)
    response.headers = { 'Retry-After': { $ref: '#/components/headers/Retry-After' } };
  return response;
}

/** The generic error answers the operations (`paths`, as text) refer to. */
function errorResponses(paths: string): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(ERROR_STATUSES)
      .filter(([status]) => paths.includes(`"#/components/responses/Problem${status}"`))
      .map(([status, base]) => [`Problem${status}`, problemResponse(Number(status), base.codes)]),
  );
}

/** A request body's example: the examples its schema's properties give, as one object a reader can copy. */
function withExample(requestBody: Json): Json {
  const content = requestBody.content as Record<string, Json> | undefined;
  const media = content?.['application/json'];
  const ref = (media?.schema as JsonSchema | undefined)?.$ref;
  if (!media || typeof ref !== 'string') return requestBody;
  return { ...requestBody, content: { ...content, 'application/json': { ...media, 'x-example-of': ref } } };
}

const HEADERS: Record<string, Json> = {
  Location: { description: '新建资源的地址', schema: { type: 'string', format: 'uri-reference' } },
  Link: {
    description: '分页链接（RFC 8288）：rel="next" 指向下一页（docs/api.md，分页）',
    schema: { type: 'string' },
  },
  'X-Total-Count': { description: '符合条件的总条数（若计数）', schema: { type: 'integer', minimum: 0 } },
  ETag: {
    description: '聚合当前版本（强校验值）；修改时以 If-Match 带回，版本已变则答 412',
    schema: { type: 'string' },
  },
  'Retry-After': { description: '建议重试前等待的秒数', schema: { type: 'integer', minimum: 0 } },
};

const FIELD_ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['path', 'message'],
  properties: {
    path: { type: 'string', description: '出错字段的路径，如 location.lat', examples: ['location.lat'] },
    message: { type: 'string', description: '中文说明', examples: ['纬度须在 -90 与 90 之间'] },
  },
};

/** RFC 9457 problem details (libs/shared/src/nest/problem-details.ts). */
const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', description: '问题类型，由 code 导出' },
    title: { type: 'string', description: '状态的中文标题' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: '中文说明，可展示给用户' },
    code: { type: 'string', description: '稳定的错误码，客户端据此分支', examples: ['TEAM_NOT_AVAILABLE'] },
    instance: { type: 'string', description: '出错请求的地址' },
    correlationId: { type: 'string', description: '关联标识（亦见响应头 x-correlation-id）' },
    errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' }, description: '逐字段的校验错误' },
  },
  additionalProperties: true,
  examples: [
    {
      type: 'https://errors.emergency-command.local/team-not-available',
      title: '与当前状态冲突',
      status: 409,
      detail: '队伍当前状态为「已调派」，不能调派',
      code: 'TEAM_NOT_AVAILABLE',
      instance: '/api/v1/teams/5b0c2f8e-7c1a-4d3e-9b8f-2a6d1e4c7b90/dispatch',
      correlationId: '0f7e3c52-1d2b-4e6a-8c9d-3b5a7e1f2c40',
    },
  ],
};

/**
 * OpenAPI 3.0 → 3.1 in the schemas @nestjs/swagger writes: `nullable` becomes a type array, a schema's `example`
 * becomes `examples`; request-body examples are assembled from the properties' examples.
 */
function toOpenApi31(document: Json): unknown {
  const schemas = (document.components as { schemas: Record<string, JsonSchema> }).schemas;
  const visit = (node: unknown, inSchema: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => visit(n, inSchema));
    if (typeof node !== 'object' || node === null) return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === 'x-example-of') continue;
      out[key] = visit(value, inSchema || key === 'schema' || key === 'schemas');
    }
    const source = node as Json;
    if (typeof source['x-example-of'] === 'string') {
      const example = exampleOf(schemas, source['x-example-of'], 0);
      if (example !== undefined) out.example = example;
    }
    if (inSchema && 'nullable' in out) {
      if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
      delete out.nullable;
    }
    if (inSchema && 'example' in out && !('content' in out)) {
      out.examples = [out.example];
      delete out.example;
    }
    return out;
  };
  return visit(document, false);
}

function exampleOf(schemas: Record<string, JsonSchema>, ref: string, depth: number): unknown {
  const schema = schemas[ref.replace('#/components/schemas/', '')];
  if (!schema || depth > 4) return undefined;
  return exampleOfSchema(schemas, schema, depth);
}

function exampleOfSchema(schemas: Record<string, JsonSchema>, schema: JsonSchema, depth: number): unknown {
  if ('example' in schema) return schema.example;
  if (typeof schema.$ref === 'string') return exampleOf(schemas, schema.$ref, depth + 1);
  const allOf = schema.allOf as JsonSchema[] | undefined;
  if (allOf?.length === 1) return exampleOfSchema(schemas, allOf[0]!, depth);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.type === 'array' && schema.items) {
    const item = exampleOfSchema(schemas, schema.items as JsonSchema, depth + 1);
    return item === undefined ? undefined : [item];
  }
  if (schema.type === 'string' && typeof schema.pattern !== 'string') return placeholderString(schema);
  if (schema.type === 'integer' || schema.type === 'number') {
    const minimum = typeof schema.minimum === 'number' ? schema.minimum : undefined;
    const maximum = typeof schema.maximum === 'number' ? schema.maximum : undefined;
    return minimum ?? (maximum !== undefined ? Math.min(1, maximum) : 1);
  }
  if (schema.type === 'boolean') return false;
  if (schema.type === 'object' || schema.properties) {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    const out: Json = {};
    for (const [name, property] of Object.entries(properties)) {
      const value = /(^id|Id|Ids)$/.test(name)
        ? idExample(exampleOfSchema(schemas, property, depth + 1))
        : exampleOfSchema(schemas, property, depth + 1);
      if (value !== undefined) out[name] = value;
      else if (required.has(name)) return undefined;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return undefined;
}

/** Request classes check ids with @IsUUID, which the schema does not say: an id's placeholder is a UUID. */
function idExample(value: unknown): unknown {
  const uuid = '3f0c6a52-8b1e-4d7a-9c2f-5e8b1a4d6c70';
  if (value === PLACEHOLDER) return uuid;
  return Array.isArray(value) ? value.map((v: unknown) => (v === PLACEHOLDER ? uuid : v)) : value;
}

const PLACEHOLDER = '示例';

/** A value of the right shape where a request class gave no example of a required string. */
function placeholderString(schema: JsonSchema): string | undefined {
  if (schema.format === 'uuid') return '3f0c6a52-8b1e-4d7a-9c2f-5e8b1a4d6c70';
  if (schema.format === 'date-time') return '2026-11-22T13:40:00+08:00';
  if (schema.format === 'email') return 'duty@example.org';
  if (schema.format !== undefined) return undefined;
  const minimum = typeof schema.minLength === 'number' ? schema.minLength : 1;
  const maximum = typeof schema.maxLength === 'number' ? schema.maxLength : 200;
  const text = PLACEHOLDER.padEnd(Math.max(minimum, 2), '例');
  return text.length <= maximum ? text : undefined;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

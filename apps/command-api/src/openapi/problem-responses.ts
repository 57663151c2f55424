import type { JsonSchema } from './answer-schemas';

// problem+json (RFC 9457) in the published contract: its schema and the generic answer of each error status.

type Json = { [key: string]: unknown };

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** Generic wording of each error status; the operation's own codes are added to it. */
export const ERROR_STATUSES: Record<number, { description: string; codes: readonly string[] }> = {
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
export const COMMAND_CODES: Record<number, readonly string[]> = { 422: ['IDEMPOTENCY_KEY_REUSED'] };

export function problemResponse(status: number, codes: readonly string[]): Json {
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
export function errorResponses(paths: string): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(ERROR_STATUSES)
      .filter(([status]) => paths.includes(`"#/components/responses/Problem${status}"`))
      .map(([status, base]) => [`Problem${status}`, problemResponse(Number(status), base.codes)]),
  );
}

export const FIELD_ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['path', 'message'],
  properties: {
    path: { type: 'string', description: '出错字段的路径，如 location.lat', examples: ['location.lat'] },
    message: { type: 'string', description: '中文说明', examples: ['纬度须在 -90 与 90 之间'] },
  },
};

/** RFC 9457 problem details (libs/shared/src/nest/problem-details.ts). */
export const PROBLEM_SCHEMA: JsonSchema = {
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

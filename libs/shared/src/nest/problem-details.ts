/** RFC 9457 problem details, as every error response of the API carries them (docs/api.md section 3). */
export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  correlationId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const TITLES: Record<number, string> = {
  400: '请求无效',
  401: '未登录',
  403: '无权操作',
  404: '未找到',
  405: '方法不允许',
  409: '与当前状态冲突',
  413: '请求体过大',
  415: '不支持的内容类型',
  422: '违反业务规则',
  429: '请求过于频繁',
  500: '服务器内部错误',
  503: '服务暂不可用',
};

export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails {
  return {
    type: `https://errors.emergency-command.local/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

type Json = { [key: string]: unknown };

/** The response headers operations refer to (`#/components/headers/…`). */
export const HEADERS: Record<string, Json> = {
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

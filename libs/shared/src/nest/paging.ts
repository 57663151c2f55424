import {
  applyDecorators,
  createParamDecorator,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiQuery } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { compareKeys, decodeCursor, encodeCursor } from '../paging/keyset-cursor';
import type { CursorKey, CursorKeyKind } from '../paging/keyset-cursor';
import { RequestValidationError } from './validation';

/**
 * How one list pages (docs/api.md, "Paging every list"): the keys of its order, all ascending with the id last so the
 * order is total, and its page sizes. A key wanted descending is given negated (numbers) or as a reverse rank.
 */
export interface ListPaging<T> {
  /** The list's name in its cursors (`teams/1`): a cursor of one list is refused by every other. */
  readonly list: string;
  /** The order's name, as documented. */
  readonly order: string;
  readonly kinds: readonly CursorKeyKind[];
  /** The keys of a row, in the order of `kinds`. */
  readonly keys: (row: T) => readonly CursorKey[];
  /** Positions of keys that may be null (they sort after every value). */
  readonly nullable?: readonly number[];
  readonly defaultLimit: number;
  readonly maxLimit: number;
}

/** What a paged handler may use to read only its page from the database: rows after `after`, at most `fetch`. */
export interface PageRequest {
  /** The keys of the last row of the previous page; null on the first page. */
  readonly after: readonly CursorKey[] | null;
  readonly limit: number;
  /** `limit + 1`: one row more than shown tells whether another page follows. */
  readonly fetch: number;
}

const PAGING = 'list-paging';
const PAGE = Symbol('list-page');
type PagedRequest = FastifyRequest & { [PAGE]?: PageRequest };

/**
 * Pages a GET that answers an array, keeping the body an array: `limit` and `cursor` are taken from the query string
 * before the route's own validation sees them, the answer is ordered by the list's keys, cut after the cursor and to
 * the limit, and `Link: <…>; rel="next"` tells the next page while more follow. The handler runs on every page with
 * the caller's own scope, so a cursor never widens what a reader sees. A handler that can read just its page from the
 * database takes `@ListPage()` and applies it (`keysetAfter`); one that answers its whole (bounded) list is paged here.
 */
export function Paged<T>(paging: ListPaging<T>): MethodDecorator {
  return applyDecorators(
    SetMetadata(PAGING, paging),
    UseInterceptors(PagingInterceptor),
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: paging.maxLimit, default: paging.defaultLimit },
      description: `每页条数（默认 ${paging.defaultLimit}，至多 ${paging.maxLimit}）；下一页见响应的 Link 头`,
    }),
    ApiQuery({ name: 'cursor', required: false, description: '分页游标：取自上一页响应 Link 头，不可修改' }),
  );
}

/** The page asked for, as decoded by `Paged` (for handlers that read only their page from the database). */
export const ListPage = createParamDecorator((_: unknown, context: ExecutionContext): PageRequest => {
  const page = context.switchToHttp().getRequest<PagedRequest>()[PAGE];
  if (!page) throw new Error('@ListPage() needs @Paged() on the same route');
  return page;
});

@Injectable()
export class PagingInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const paging = this.reflector.get<ListPaging<unknown> | undefined>(PAGING, context.getHandler());
    if (!paging) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<PagedRequest>();
    const reply = http.getResponse<FastifyReply>();
    const query = (request.query ?? {}) as Record<string, unknown>;
    const limit = parseLimit(query.limit, paging);
    const cursor = query.cursor;
    // Taken out before the route's request class validates the rest: paging is the same on every list.
    delete query.limit;
    delete query.cursor;
    const binding = { list: paging.list, order: paging.order, filterKey: filterKeyOf(request.url) };
    if (cursor !== undefined && (typeof cursor !== 'string' || cursor.length > 400))
      throw new RequestValidationError([{ path: 'cursor', message: 'cursor 须为上一页 Link 头中的游标' }]);
    const after = cursor ? decodeCursor(cursor, binding, paging.kinds, paging.nullable) : null;
    request[PAGE] = { after, limit, fetch: limit + 1 };
    return next.handle().pipe(
      map((answer: unknown) => {
        if (!Array.isArray(answer)) return answer;
        const keyed = answer
          .map((row: unknown) => ({ row, keys: paging.keys(row) }))
          .filter(({ keys }) => after === null || compareKeys(keys, after, paging.kinds) > 0)
          // Stable sort: rows the database already ordered keep their order, the id breaks every tie.
          .sort((a, b) => compareKeys(a.keys, b.keys, paging.kinds));
        const shown = keyed.slice(0, limit);
        const last = shown[shown.length - 1];
        if (keyed.length > limit && last)
          reply.header('Link', `<${nextPageUrl(request.url, encodeCursor(binding, last.keys))}>; rel="next"`);
        return shown.map(({ row }) => row);
      }),
    );
  }
}

function parseLimit(value: unknown, paging: ListPaging<unknown>): number {
  if (value === undefined) return paging.defaultLimit;
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > paging.maxLimit)
    throw new RequestValidationError([{ path: 'limit', message: `limit 须为 1 到 ${paging.maxLimit} 之间的整数` }]);
  return n;
}

/** The path (with its ids) and every query parameter but the page's own, in a canonical order. */
function filterKeyOf(requestUrl: string): string {
  const url = new URL(requestUrl, 'http://list.invalid');
  const params = [...url.searchParams.entries()]
    .filter(([name]) => name !== 'limit' && name !== 'cursor')
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return JSON.stringify([url.pathname, params]);
}

/**
 * The `rel="next"` target for a list read elsewhere than its own route (a summary answering a list's first page):
 * `url` is the list's own URL (under the API's prefix, with its filters), `keys` those of the last row shown.
 */
export function nextPageOf(
  paging: Pick<ListPaging<unknown>, 'list' | 'order'>,
  url: string,
  keys: readonly CursorKey[],
) {
  const binding = { list: paging.list, order: paging.order, filterKey: filterKeyOf(url) };
  return nextPageUrl(url, encodeCursor(binding, keys));
}

/** The same request with the next page's cursor: every filter kept, so the cursor's binding to them holds. */
export function nextPageUrl(requestUrl: string, cursor: string): string {
  const url = new URL(requestUrl, 'http://list.invalid');
  url.searchParams.set('cursor', cursor);
  return `${url.pathname}${url.search}`;
}

/**
 * The SQL condition "after the cursor" for keys that all sort ascending: a row comparison, which PostgreSQL answers
 * with one range scan of an index over the same columns. `param` adds a bound value and returns its placeholder;
 * `casts` are the keys' SQL types (`bigint`, `uuid`, `text`, `timestamptz`, `numeric`). Nullable keys cannot take part
 * in a row comparison; a list with one uses `coalesce` in both its index and its key expression instead.
 */
export function keysetAfter(
  columns: readonly string[],
  casts: readonly string[],
  after: readonly CursorKey[],
  param: (value: unknown) => string,
): string {
  return `(${columns.join(', ')}) > (${after.map((k, i) => `${param(k)}::${casts[i]}`).join(', ')})`;
}

/**
 * `keysetAfter` for a query builder with named parameters (TypeORM's `andWhere(sql, params)`): the rows strictly after
 * the page's cursor. Text keys must be ordered `collate "C"` (code-unit order, as `compareKeys` compares them).
 */
export function keysetWhere(
  columns: readonly string[],
  casts: readonly string[],
  after: readonly CursorKey[],
): { sql: string; params: Record<string, CursorKey> } {
  const params: Record<string, CursorKey> = {};
  const sql = keysetAfter(columns, casts, after, (value) => {
    const name = `keyset${Object.keys(params).length}`;
    params[name] = value as CursorKey;
    return `:${name}`;
  });
  return { sql, params };
}

/** The part of a TypeORM query builder `inKeysetOrder` uses (kept structural: this library does not import TypeORM). */
export interface KeysetQuery<Q> {
  andWhere(where: string, parameters?: Record<string, unknown>): Q;
  addOrderBy(sort: string, order?: 'ASC' | 'DESC'): Q;
  limit(limit?: number): Q;
}

/**
 * A list query in its keyset order: ordered by `columns` (all ascending, after any order already set), starting
 * strictly after the page's cursor, and at most the page's `fetch` rows (`defaultLimit` without a page). The same
 * columns and casts as `keysetWhere`; an index over those columns makes the page one range scan.
 */
export function inKeysetOrder<Q extends KeysetQuery<Q>>(
  query: Q,
  columns: readonly string[],
  casts: readonly string[],
  page: PageRequest | undefined,
  defaultLimit: number,
): Q {
  if (page?.after) {
    const after = keysetWhere(columns, casts, page.after);
    query.andWhere(after.sql, after.params);
  }
  for (const column of columns) query.addOrderBy(column, 'ASC');
  return query.limit(page?.fetch ?? defaultLimit);
}

const PAGE_KEYS = Symbol('page-keys');

/**
 * Attaches a row's exact sort keys when the answer shows them rounded (an instant to the millisecond where the
 * database keeps microseconds): the keys travel with the row without being part of its JSON.
 */
export function withPageKeys<T extends object>(row: T, keys: readonly CursorKey[]): T {
  Object.defineProperty(row, PAGE_KEYS, { value: keys, enumerable: false });
  return row;
}

/** The keys `withPageKeys` attached, if any. */
export function pageKeysOf(row: object): readonly CursorKey[] | undefined {
  return (row as { [PAGE_KEYS]?: readonly CursorKey[] })[PAGE_KEYS];
}

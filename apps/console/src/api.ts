import type { LoginResponse } from '@app/identity/contract';
import { fingerprintOf, isRetryableStatus, newIdempotencyKey, sendWithRetries, UnsettledKeys } from './command-retry';
import type { Session } from './ui-types';

/**
 * HTTP client for /api/v1: bearer token from the session, problem+json errors as ApiError. The access token lives in
 * this module's memory only (no storage page script could read later); the refresh token is an HttpOnly cookie the
 * server sets on /api/v1/auth, so a reload resumes with POST /auth/refresh and a server restart keeps the console
 * signed in.
 */
export const API_BASE = '/api/v1';

export interface ProblemFieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly errors: ProblemFieldError[] = [],
    /** A command whose attempts all failed without an answer: it may or may not have been applied. */
    readonly uncertain = false,
  ) {
    super(message);
  }
}

let session: Session | null = null;
let onUnauthorized: (() => void) | null = null;

export function currentSession(): Session | null {
  return session;
}

export function setSession(next: Session | null): void {
  session = next;
}

/** Called on any 401 from an authenticated request (the session is over). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

async function parseError(res: Response, uncertain = false): Promise<ApiError> {
  let body: { title?: string; detail?: string; code?: string; errors?: ProblemFieldError[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    /* not JSON */
  }
  return new ApiError(
    res.status,
    body.code,
    body.detail ?? body.title ?? `HTTP ${res.status}`,
    Array.isArray(body.errors) ? body.errors : [],
    uncertain,
  );
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One HTTP exchange with the session's token; a 401 renews the token once and sends the same request again. */
async function exchange(
  method: Method,
  path: string,
  body: unknown,
  extra: Record<string, string> = {},
  retried = false,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const sent = session;
  if (sent) headers.authorization = `Bearer ${sent.accessToken}`;
  const res = await fetch(`${API_BASE}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (res.status === 401 && sent && !path.startsWith('/auth/')) {
    // The access token may only have expired (or its key been rotated): renew once through the cookie and retry.
    if (!retried && (await renewQuietly())) return exchange(method, path, body, extra, true);
    onUnauthorized?.();
  }
  return res;
}

async function bodyOf<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function networkError(error: unknown, uncertain = false): ApiError {
  return new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error), [], uncertain);
}

/** A query, or a sign-in exchange: sent once, no Idempotency-Key (sign-in, refresh and sign-out change no record). */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await exchange(method, path, body);
  } catch (error) {
    throw networkError(error);
  }
  if (!res.ok) throw await parseError(res);
  return bodyOf<T>(res);
}

export const get = <T>(path: string) => api<T>('GET', path);

/** A query whose answer also says something in its headers (a page's total count and `Link` to the next page). */
export async function getWithHeaders<T>(path: string): Promise<{ body: T; headers: Headers }> {
  let res: Response;
  try {
    res = await exchange('GET', path, undefined);
  } catch (error) {
    throw networkError(error);
  }
  if (!res.ok) throw await parseError(res);
  return { body: await bodyOf<T>(res), headers: res.headers };
}

/**
 * Every row of a list, page after page: the server pages each list (`Link: <…>; rel="next"`, docs/api.md "Paging
 * every list"), and a register the console shows whole (teams, warehouses, plans…) must not stop at the first page.
 * Bounded, so a server that kept answering `next` could not keep the console fetching forever.
 */
export async function getAll<T>(path: string, maxPages = 50): Promise<T[]> {
  const rows: T[] = [];
  let next: string | null = path;
  for (let page = 0; next !== null && page < maxPages; page++) {
    const { body, headers }: { body: T[]; headers: Headers | undefined } = await getWithHeaders<T[]>(next);
    rows.push(...(Array.isArray(body) ? body : []));
    next = nextListPath(headers?.get?.('link') ?? null);
  }
  return rows;
}

/** The path (below /api/v1) of the `rel="next"` page named by a `Link` header, or null on the last page. */
export function nextListPath(link: string | null): string | null {
  const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link ?? '');
  if (!match) return null;
  const url = new URL(match[1]!, 'http://console.invalid');
  return url.pathname.replace(/^\/api\/v1/, '') + url.search;
}

/** A query whose answer is a document as plain text (a report's text), not JSON. */
export async function getText(path: string): Promise<string> {
  let res: Response;
  try {
    res = await exchange('GET', path, undefined, { accept: 'text/plain' });
  } catch (error) {
    throw networkError(error);
  }
  if (!res.ok) throw await parseError(res);
  return res.text();
}
/**
 * A query whose answer is a file (a CSV export), as a Blob to save: fetched with the session's token, which a plain
 * link to the same address would not carry.
 */
export async function getBlob(path: string, accept: string): Promise<Blob> {
  let res: Response;
  try {
    res = await exchange('GET', path, undefined, { accept });
  } catch (error) {
    throw networkError(error);
  }
  if (!res.ok) throw await parseError(res);
  return res.blob();
}
const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);

/** The `202 Accepted` body: the command is stored, the read models had not shown it yet (docs/api.md). */
export interface AcceptedAnswer {
  id: string;
  revision: number;
  /** Global position of the command's last event: the live delta at or after it brings the result. */
  position: string | null;
  accepted: true;
  detail?: string;
}

/**
 * What a command came to. `done`: the full answer. `accepted`: stored, but the screen has to wait for its live delta
 * (or read again a moment later) to show the result. `replayed`: the server recognised an earlier attempt of the same
 * action (`Idempotent-Replayed: true`) and answered with its outcome, which is a success like any other.
 */
export type CommandOutcome<T> =
  | { kind: 'done'; body: T; replayed: boolean }
  | { kind: 'accepted'; accepted: AcceptedAnswer; location: string | null; replayed: boolean };

const unsettled = new UnsettledKeys(() => newIdempotencyKey(crypto));
/** Ids of records a 202 named: a screen opened on one waits for it instead of calling it missing. */
const acceptedIds = new Set<string>();

export function wasAccepted(id: string): boolean {
  return acceptedIds.has(id);
}

export function isAccepted(outcome: unknown): outcome is Extract<CommandOutcome<unknown>, { kind: 'accepted' }> {
  return typeof outcome === 'object' && outcome !== null && (outcome as { kind?: unknown }).kind === 'accepted';
}

/**
 * One user action that changes something: one `Idempotency-Key` for all its attempts. Network failures and
 * 502/503/504 are retried with that key (back-off, `Retry-After`, about 30 s at most); when they run out the error is
 * `uncertain` and the key is kept, so pressing the button again with the same content cannot apply it twice.
 */
export async function command<T>(
  method: Exclude<Method, 'GET'>,
  path: string,
  body: unknown = {},
): Promise<CommandOutcome<T>> {
  const fingerprint = fingerprintOf(session?.user.id ?? '', method, path, body);
  const key = unsettled.keyFor(fingerprint);
  let res: Response;
  try {
    res = await sendWithRetries(() => exchange(method, path, body, { 'idempotency-key': key }));
  } catch (error) {
    unsettled.unsettled(fingerprint, key);
    throw networkError(error, true);
  }
  if (isRetryableStatus(res.status)) {
    unsettled.unsettled(fingerprint, key);
    throw await parseError(res, true);
  }
  unsettled.settled(fingerprint);
  if (!res.ok) throw await parseError(res);
  const replayed = res.headers.get('idempotent-replayed')?.trim().toLowerCase() === 'true';
  if (res.status === 202) {
    const accepted = await bodyOf<AcceptedAnswer>(res);
    if (accepted?.id) acceptedIds.add(accepted.id);
    return { kind: 'accepted', accepted, location: res.headers.get('location'), replayed };
  }
  return { kind: 'done', body: await bodyOf<T>(res), replayed };
}

/** The usual command: a POST. */
export const commandPost = <T>(path: string, body: unknown = {}) => command<T>('POST', path, body);

/** POST /auth/login and /auth/refresh, checked before use: a proxy may answer something else. */
type SessionAnswer = Partial<LoginResponse>;

function toSession(answer: SessionAnswer): Session {
  if (!answer.accessToken || !answer.expiresAt || !answer.user)
    throw new ApiError(500, 'BAD_SESSION', 'sign-in answered without a token');
  // The body's refreshToken is for API clients; the browser keeps only the HttpOnly cookie.
  return { accessToken: answer.accessToken, expiresAt: answer.expiresAt, user: answer.user };
}

export async function login(username: string, password: string): Promise<Session> {
  const s = toSession(await post<SessionAnswer>('/auth/login', { username, password }));
  setSession(s);
  return s;
}

let renewal: Promise<Session> | null = null;

/**
 * A new access token (and, in the cookie, a new refresh token) from POST /auth/refresh. Concurrent callers share one
 * request: the server treats a second use of the same refresh token as theft and ends the session.
 */
export function refresh(): Promise<Session> {
  renewal ??= post<SessionAnswer>('/auth/refresh', {})
    .then((answer) => {
      const next = toSession(answer);
      setSession(next);
      return next;
    })
    .finally(() => {
      renewal = null;
    });
  return renewal;
}

/** On page load: the session the refresh cookie still holds, or null (sign in). */
export async function resume(): Promise<Session | null> {
  try {
    return await refresh();
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 400))
      return null;
    throw error;
  }
}

async function renewQuietly(): Promise<boolean> {
  try {
    await refresh();
    return true;
  } catch {
    return false;
  }
}

/** Ends the session on the server (its refresh chain and open consoles), then forgets it here. */
export async function logout(): Promise<void> {
  try {
    if (session) await post<void>('/auth/logout', {});
  } catch {
    /* signed out here whatever the server answered */
  } finally {
    setSession(null);
  }
}

/** `GET /console-config.json` (served next to the console); a missing file means defaults. */
export interface ConsoleConfig {
  tileUrl: string | null;
  tileAttribution?: string | null;
  timeZone: string;
}

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const fallback: ConsoleConfig = { tileUrl: null, timeZone: 'Asia/Shanghai' };
  try {
    const res = await fetch('/console-config.json', { headers: { accept: 'application/json' } });
    if (!res.ok) return fallback;
    const body = (await res.json()) as Partial<ConsoleConfig>;
    return { ...fallback, ...body, tileUrl: typeof body.tileUrl === 'string' && body.tileUrl ? body.tileUrl : null };
  } catch {
    return fallback;
  }
}

/**
 * One line for a failed action, rendered from the problem's code through the message catalogue in the console's
 * language (features/errors): `errorText(err, fallback, uncertainHint)`.
 */
export { errorText } from './features/errors/describe';

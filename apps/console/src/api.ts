import type { LoginResponse } from '@app/identity/contract';
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

async function parseError(res: Response): Promise<ApiError> {
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
  );
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  retried = false,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const sent = session;
  if (sent) headers.authorization = `Bearer ${sent.accessToken}`;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (res.status === 401 && sent && !path.startsWith('/auth/')) {
    // The access token may only have expired (or its key been rotated): renew once through the cookie and retry.
    if (!retried && (await renewQuietly())) return api<T>(method, path, body, true);
    onUnauthorized?.();
  }
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);

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

/** One line for a failed action: the problem's code, message and field messages. */
export function errorText(err: unknown, fallback: string): string {
  if (err instanceof ApiError) {
    const details = err.errors.map((e) => e.message).join('；');
    return [err.code, err.message, details].filter(Boolean).join(' · ');
  }
  return err instanceof Error ? err.message : fallback;
}

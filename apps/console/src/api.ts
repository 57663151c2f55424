import type { Session } from './types';

/** HTTP client for /api/v1: bearer token from the session, problem+json errors as ApiError. */
export const API_BASE = '/api/v1';
const SESSION_KEY = 'console.session';

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

let session: Session | null = loadSession();
let onUnauthorized: (() => void) | null = null;

function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    if (!parsed.accessToken || Date.parse(parsed.expiresAt) <= Date.now()) return null;
    return parsed;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  return session;
}

export function setSession(next: Session | null): void {
  session = next;
  try {
    if (next) sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    /* storage may be unavailable */
  }
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
  return new ApiError(res.status, body.code, body.detail ?? body.title ?? `HTTP ${res.status}`, Array.isArray(body.errors) ? body.errors : []);
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (res.status === 401 && session && !path.startsWith('/auth/login')) {
    onUnauthorized?.();
  }
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);

export async function login(username: string, password: string): Promise<Session> {
  const s = await post<Session>('/auth/login', { username, password });
  setSession(s);
  return s;
}

export async function refresh(): Promise<Session> {
  const s = await post<Partial<Session>>('/auth/refresh', {});
  if (!s.accessToken || !s.expiresAt) throw new ApiError(500, 'BAD_REFRESH', 'refresh answered without a token');
  const next: Session = { accessToken: s.accessToken, expiresAt: s.expiresAt, user: s.user ?? session!.user };
  setSession(next);
  return next;
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

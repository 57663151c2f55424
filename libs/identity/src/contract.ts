/**
 * What the identity context shows the outside world: the signed-in user and the answer of POST /auth/login and
 * POST /auth/refresh. Pure types, shared with the console (`import type` from `@app/identity/contract`).
 */
import type { Role } from '@app/shared/contract';

export interface SessionUserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  jurisdiction: string;
}

export interface LoginResponse {
  accessToken: string;
  expiresAt: string;
  /** Opaque; exchanged at POST /auth/refresh for the next one (browsers get it as an HttpOnly cookie too). */
  refreshToken: string;
  /** When the session ends at the latest (AUTH_SESSION_HOURS after sign-in); then sign in again. */
  sessionExpiresAt: string;
  user: SessionUserView;
}

import type { Namespace, Socket } from 'socket.io';
import type { ConsoleControlMessages } from '@app/event-sourcing/contract';
import type { Authenticator } from '@app/identity';
import type { Actor } from '@app/shared';
import { DATABASE_RETRY_AFTER_SECONDS } from '@app/shared/nest';

/** What the handshake learns of a console's user and session, kept on the socket for its lifetime. */
export interface ConsoleSocketData {
  actor: Actor;
  expiresAt: number;
  sessionEndsFirst: boolean;
  expiryTimer?: NodeJS.Timeout;
}

/** The handshake must carry a valid token (`auth.token`); without one the connection is refused before any room. */
export function requireToken(namespace: Namespace, authenticator: Authenticator): void {
  namespace.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string') return next(unauthorized());
    authenticator.authenticate(token).then(
      (authenticated) => {
        if (!authenticated) return next(unauthorized());
        (socket.data as ConsoleSocketData).actor = authenticated.actor;
        (socket.data as ConsoleSocketData).expiresAt = authenticated.expiresAt.getTime();
        (socket.data as ConsoleSocketData).sessionEndsFirst = authenticated.sessionEndsFirst;
        next();
      },
      // The user store cannot be read (database restarting): not a reason to sign the console out.
      () => next(unavailable()),
    );
  });
}

/**
 * A token that expires ends the subscription: the console reconnects with a renewed token. A session at its
 * absolute end (AUTH_SESSION_HOURS) cannot be renewed: the operator must sign in again, and is told so.
 */
export function expireWithToken(client: Socket): void {
  const { expiresAt, sessionEndsFirst } = client.data as ConsoleSocketData;
  const timer = setTimeout(
    () => {
      client.emit('session.expired', {
        data: { reason: sessionEndsFirst ? 'session_expired' : 'token_expired' },
      } satisfies ConsoleControlMessages['session.expired']);
      client.disconnect(true);
    },
    Math.max(0, expiresAt - Date.now()),
  );
  timer.unref();
  (client.data as ConsoleSocketData).expiryTimer = timer;
}

function unavailable(): Error & { data: { code: string; retryAfterSeconds: number } } {
  return Object.assign(new Error('服务暂不可用，请稍后重试'), {
    data: { code: 'UNAVAILABLE', retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
  });
}

function unauthorized(): Error & { data: { code: string } } {
  return Object.assign(new Error('未登录或登录已过期'), { data: { code: 'UNAUTHENTICATED' } });
}

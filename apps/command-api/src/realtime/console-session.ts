import type { Namespace, Socket } from 'socket.io';
import type { ConsoleControlMessages, ConsoleProtocol } from '@app/event-sourcing/contract';
import type { Authenticator } from '@app/identity';
import type { Actor } from '@app/shared';
import { DATABASE_RETRY_AFTER_SECONDS } from '@app/shared/nest';

/** What the handshake learns of a console's user and session, kept on the socket for its lifetime. */
export interface ConsoleSocketData {
  actor: Actor;
  /** The realtime contract's version the console announced (`auth.protocol`; none: 1). */
  protocol: ConsoleProtocol;
  expiresAt: number;
  sessionEndsFirst: boolean;
  expiryTimer?: NodeJS.Timeout;
}

/** The versions of the realtime contract this server speaks (ADR 0020); the newest is what the console sends. */
export const CONSOLE_PROTOCOLS: readonly ConsoleProtocol[] = [1, 2];

/** The version a handshake announces (`auth.protocol`, absent: 1), or undefined when this server does not speak it. */
export function protocolOf(auth: unknown): ConsoleProtocol | undefined {
  const announced = (auth as { protocol?: unknown } | undefined)?.protocol;
  if (announced === undefined || announced === null) return 1;
  return CONSOLE_PROTOCOLS.find((p) => p === announced);
}

/**
 * The handshake must carry a valid token (`auth.token`); without one the connection is refused before any room. A
 * protocol version this server does not speak is refused first, with the versions it does (`PROTOCOL_UNSUPPORTED`).
 */
export function requireToken(namespace: Namespace, authenticator: Authenticator): void {
  namespace.use((socket, next) => {
    const protocol = protocolOf(socket.handshake.auth);
    if (protocol === undefined) return next(unsupported());
    (socket.data as ConsoleSocketData).protocol = protocol;
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

function unsupported(): Error & { data: { code: string; supported: readonly ConsoleProtocol[] } } {
  return Object.assign(
    new Error(`控制台协议版本不受支持（支持：${CONSOLE_PROTOCOLS.join('、')}），请刷新页面以更新控制台`),
    {
      data: { code: 'PROTOCOL_UNSUPPORTED', supported: CONSOLE_PROTOCOLS },
    },
  );
}

function unauthorized(): Error & { data: { code: string } } {
  return Object.assign(new Error('未登录或登录已过期'), { data: { code: 'UNAUTHENTICATED' } });
}

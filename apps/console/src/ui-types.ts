/**
 * Types of the console alone (its session in memory, its alert list, its connection light). Everything the server
 * sends is typed by the server's own contract files, imported with `import type` from `@app/<context>/contract`.
 */
import type { LiveDeltaName } from '@app/event-sourcing/contract';
import type { LoginResponse } from '@app/identity/contract';

/** What the console keeps of a sign-in: the refresh token stays in the HttpOnly cookie, not in page memory. */
export type Session = Pick<LoginResponse, 'accessToken' | 'expiresAt' | 'user'>;

/** The live deltas that raise an alert. */
export type AlertKind = Extract<
  LiveDeltaName,
  | 'deadline.due'
  | 'deadline.overdue'
  | 'rollcall.issued'
  | 'rollcall.missed'
  | 'rollcall.answered'
  | 'warning.issued'
  | 'warning.changed'
  | 'plan.suggested'
>;

export interface Alert {
  key: string;
  kind: AlertKind;
  message: string;
  receivedAt: string;
  incidentId?: string;
  rollCallId?: string;
  rollCallTarget?: string;
  warningLevel?: string;
  answered?: boolean;
}

export type ConnectionState = 'connected' | 'disconnected' | 'connecting';

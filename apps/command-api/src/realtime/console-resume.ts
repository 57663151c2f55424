import type { Socket } from 'socket.io';
import { formatPosition, type Position } from '@app/event-store';
import type { LiveDelta } from '@app/event-sourcing';
import type { ConsoleControlMessages, ConsoleProtocol } from '@app/event-sourcing/contract';
import type { LiveDeltaBuffer } from '@app/event-sourcing/projections';
import type { JurisdictionRegistry } from '@app/shared';
import { roomsOfDelta } from './console-rooms';
import { wholeChange } from './console-payloads';

export type ResumeAck = { ok: boolean; delivered?: number; error?: string };

/**
 * `resume { since }` from a reconnecting console: sends it the buffered deltas after `since` that concern its rooms,
 * or `snapshot.required` when the buffer no longer reaches back that far (the console then reloads over HTTP).
 * Deltas still waiting in the fanout for this socket (`onItsWay`) are left to it: they follow within the flush window,
 * after the older ones sent here, so each arrives once and in position order. A protocol 2 console gets the views
 * of `incident.changed` whole (`base: null`): the version each change was computed from is not kept with it.
 */
export function resumeConsole(
  client: Socket,
  body: unknown,
  buffer: LiveDeltaBuffer,
  floor: () => Position | undefined,
  jurisdictions: JurisdictionRegistry,
  onItsWay: (client: Socket) => ReadonlySet<object> = () => new Set(),
  protocol: ConsoleProtocol = 2,
): ResumeAck {
  const since = typeof body === 'object' && body !== null ? (body as { since?: unknown }).since : undefined;
  if (typeof since !== 'string') return { ok: false, error: 'resume 须提供 since（上次收到的 position）' };
  const missed = buffer.since(since, floor());
  if (missed === 'invalid') return { ok: false, error: 'since 不是有效的 position' };
  if (missed === 'too_far_behind') {
    const position = floor();
    client.emit('snapshot.required', {
      position: position ? formatPosition(position) : null,
      data: { reason: 'too_far_behind' },
    } satisfies ConsoleControlMessages['snapshot.required']);
    return { ok: true, delivered: 0 };
  }
  const queued = onItsWay(client);
  const mine = missed.filter(
    (d) => !queued.has(d) && roomsOfDelta(d, jurisdictions, protocol).some((room) => client.rooms.has(room)),
  );
  for (const delta of mine) client.emit(delta.name, { position: delta.position, data: resumed(delta, protocol) });
  return { ok: true, delivered: mine.length };
}

function resumed(delta: LiveDelta, protocol: ConsoleProtocol): unknown {
  return protocol === 2 && delta.name === 'incident.changed' ? wholeChange(delta.data) : delta.data;
}

import { Inject, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Subscription as RxSubscription } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';
import { EVENT_STORE, formatPosition, parsePosition, type EventStore } from '@app/event-store';
import type { LiveDelta, LiveDeltaBus } from '@app/event-sourcing';
import type { ConsoleControlMessages } from '@app/event-sourcing/contract';
import {
  LIVE_DELTA_BUS,
  LiveDeltaBuffer,
  PROJECTION_RUNNER,
  type ProjectionRunner,
} from '@app/event-sourcing/projections';
import { Authenticator } from '@app/identity';
import { ReplayRegistry } from '@app/replay';
import { incidentStream } from '@app/incidents';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import { DATABASE_RETRY_AFTER_SECONDS } from '@app/shared/nest';
import { incidentRoom, replayRoom, roomsOfDelta, roomsOfSubscription } from './console-rooms';
import { ConsolePayloads } from './console-payloads';
import { resumeConsole, type ResumeAck } from './console-resume';
import { expireWithToken, requireToken, type ConsoleSocketData } from './console-session';
import { isLiveDelta, parseSubscription } from './console-subscription';
import { CorkedFanout } from './corked-fanout';
import { serveInOrder } from './console-inbox';
import { limitMessages } from './message-limits';
import { ROOT_CONTEXT, type Span } from '@opentelemetry/api';
import { SpanKind, TRACING, type Tracing } from '../tracing/tracing';

export const REALTIME_OPTIONS = Symbol('REALTIME_OPTIONS');

export interface RealtimeOptions {
  /** LIVE_FLUSH_MS: the longest a delta waits to be sent with others in one burst. */
  flushMs: number;
  /** CLUSTER: other API processes share this namespace through the Socket.IO adapter. */
  clustered: boolean;
}

/** Server-to-server messages between API processes (CLUSTER=true). */
const PEER_DELTA = 'peer.delta';
const PEER_PROGRESS = 'peer.progress';
const PEER_SESSIONS_ENDED = 'peer.sessions-ended';

/**
 * `/console`: pushes live deltas (each `{ position, data }`) to the rooms they concern, and answers
 * `resume { since }` with what a reconnecting console missed, or `snapshot.required` when it is too far behind.
 */
@WebSocketGateway({ namespace: '/console' })
export class ConsoleGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer() private namespace!: Namespace;
  private readonly buffer = new LiveDeltaBuffer(20_000);
  private feed: RxSubscription | undefined;
  private replayFeed: RxSubscription | undefined;
  private disabled: RxSubscription | undefined;
  private sweep: NodeJS.Timeout | undefined;
  private readonly fanout: CorkedFanout;
  private readonly clustered: boolean;
  private peers: RxSubscription[] = [];
  private readonly payloads = new ConsolePayloads();

  constructor(
    @Inject(LIVE_DELTA_BUS) private readonly bus: LiveDeltaBus,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    private readonly authenticator: Authenticator,
    private readonly replays: ReplayRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REALTIME_OPTIONS) options: RealtimeOptions,
    @Inject(TRACING) private readonly tracing: Tracing | null,
  ) {
    this.fanout = new CorkedFanout(() => this.namespace, options.flushMs);
    this.clustered = options.clustered;
  }

  afterInit(): void {
    requireToken(this.namespace, this.authenticator);
    this.watchRevocations();
    // Deltas of the projections this process runs go to its own consoles and, with several processes, to the others,
    // which buffer them for resumes and send them to their consoles in turn.
    this.feed = this.bus.deltas.subscribe((delta) => {
      this.deliver(delta);
      if (this.clustered) this.namespace.serverSideEmit(PEER_DELTA, delta);
    });
    if (this.clustered) this.joinPeers();
    // Replays (复盘回放) emit straight to their room: they are not live deltas (no buffer, no resume, no fan-out).
    this.replayFeed = this.replays.emissions.subscribe((e) =>
      this.namespace.to(replayRoom(e.replayId)).emit(e.name, e.payload),
    );
  }

  /**
   * Before this process stops: every console is told (`server.shutdown`) and its connection closed at the transport,
   * which socket.io clients treat as a lost line: they reconnect (to another process, or to this one restarted) and
   * resume, instead of seeing the session end.
   */
  farewell(): void {
    this.fanout.flush();
    for (const socket of this.namespace.sockets.values()) {
      socket.emit('server.shutdown', {
        data: { reason: 'restarting', retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
      } satisfies ConsoleControlMessages['server.shutdown']);
      socket.conn.close();
    }
  }

  /** What the resume buffer holds (metrics). */
  resumeBuffer(): { deltas: number; bytes: number } {
    return { deltas: this.buffer.size, bytes: this.buffer.heldBytes };
  }

  /** Consoles connected to this process (metrics). */
  connectedConsoles(): number {
    return this.namespace?.sockets.size ?? 0;
  }

  private deliver(delta: LiveDelta): void {
    this.buffer.add(delta);
    const rooms = { v2: roomsOfDelta(delta, this.jurisdictions, 2), v1: roomsOfDelta(delta, this.jurisdictions, 1) };
    const span = this.tracing ? this.deliverySpan(this.tracing, delta, rooms.v2) : undefined;
    this.fanout.send({
      targets: this.payloads.targets(delta, rooms),
      name: delta.name,
      position: delta.position,
      source: delta,
      ...(span ? { sent: () => span.end() } : {}),
    });
  }

  /**
   * Tracing: the delta's way to the consoles, from the projection's publish to the burst that sends it, in a span
   * linked to the projection's (current while it publishes after its commit).
   */
  private deliverySpan(tracing: Tracing, delta: LiveDelta, rooms: readonly string[]): Span {
    const link = tracing.linkToCurrent();
    return tracing.tracer.startSpan(
      `socket.io send ${delta.name}`,
      {
        kind: SpanKind.PRODUCER,
        links: link ? [link] : [],
        attributes: {
          'messaging.system': 'socket.io',
          'messaging.operation.type': 'send',
          'messaging.destination.name': '/console',
          'live_delta.name': delta.name,
          'live_delta.position': delta.position,
          'live_delta.rooms': rooms.length,
        },
      },
      ROOT_CONTEXT,
    );
  }

  /**
   * Several API processes: one of them runs each projection (advisory lock). The others get its deltas and its
   * progress (their commands answer once the owner applied them: read-your-writes on every process), and a process
   * that takes a projection over tells every console to reload, since the old owner may have died between committing
   * a batch and sending its deltas.
   */
  private joinPeers(): void {
    this.namespace.on(PEER_DELTA, (delta: LiveDelta) => {
      if (isLiveDelta(delta)) this.deliver(delta);
    });
    this.namespace.on(PEER_PROGRESS, (message: { projection?: unknown; position?: unknown }) => {
      const position = typeof message?.position === 'string' ? parsePosition(message.position) : undefined;
      if (typeof message?.projection === 'string' && position) this.runner.observe(message.projection, position);
    });
    this.peers = [
      this.runner.progress.subscribe(({ projection, position }) =>
        this.namespace.serverSideEmit(PEER_PROGRESS, { projection, position: formatPosition(position) }),
      ),
      this.runner.takeovers.subscribe((projection) => {
        const floor = this.runner.deltaFloor();
        this.namespace.emit('snapshot.required', {
          position: floor ? formatPosition(floor) : null,
          data: { reason: 'projection_takeover', projection },
        } satisfies ConsoleControlMessages['snapshot.required']);
      }),
    ];
  }

  onModuleDestroy(): void {
    for (const peer of this.peers) peer.unsubscribe();
    this.feed?.unsubscribe();
    this.fanout.flush();
    this.replayFeed?.unsubscribe();
    this.disabled?.unsubscribe();
    clearInterval(this.sweep);
  }

  /**
   * Closes the consoles of ended sessions (logout, password change or reset, role change, disabling, refresh reuse):
   * at once in this process and, with several processes, in the others through the adapter; the periodic sweep
   * catches anything a lost message missed.
   */
  private watchRevocations(): void {
    this.disabled = this.authenticator.endedSessions.subscribe(({ sessionIds, reason }) => {
      this.endSessions(new Set(sessionIds), reason);
      if (this.clustered) this.namespace.serverSideEmit(PEER_SESSIONS_ENDED, { sessionIds, reason });
    });
    if (this.clustered) {
      this.namespace.on(PEER_SESSIONS_ENDED, (message: { sessionIds?: unknown; reason?: unknown }) => {
        const ids = Array.isArray(message?.sessionIds)
          ? message.sessionIds.filter((id): id is string => typeof id === 'string')
          : [];
        this.endSessions(new Set(ids), typeof message?.reason === 'string' ? message.reason : 'access_changed');
      });
    }
    this.sweep = setInterval(() => {
      const actors = [...this.namespace.sockets.values()]
        .map((s) => (s.data as ConsoleSocketData).actor)
        .filter(Boolean);
      this.authenticator.revoked(actors).then(
        (revoked) => {
          for (const reason of ['session_expired', 'access_changed'] as const) {
            this.endSessions(new Set([...revoked].filter(([, why]) => why === reason).map(([sid]) => sid)), reason);
          }
        },
        () => undefined, // the database may be briefly unreachable; the next sweep tries again
      );
    }, REVOCATION_SWEEP_MS);
    this.sweep.unref();
  }

  private endSessions(sessionIds: ReadonlySet<string>, reason: string): void {
    if (sessionIds.size === 0) return;
    for (const socket of this.namespace.sockets.values()) {
      const sessionId = (socket.data as ConsoleSocketData).actor?.sessionId;
      if (!sessionId || !sessionIds.has(sessionId)) continue;
      socket.emit('session.expired', { data: { reason } } satisfies ConsoleControlMessages['session.expired']);
      socket.disconnect(true);
    }
  }

  handleConnection(client: Socket): void {
    const { actor, protocol } = client.data as ConsoleSocketData;
    // The budget first: a flood is refused before it is queued; then one message at a time, in arrival order.
    limitMessages(client);
    serveInOrder(client);
    void client.join(roomsOfSubscription({}, actor, protocol));
    this.fanout.joined(client.id);
    expireWithToken(client);
  }

  handleDisconnect(client: Socket): void {
    clearTimeout((client.data as ConsoleSocketData).expiryTimer);
  }

  @SubscribeMessage('subscribe')
  async subscribe(
    @ConnectedSocket() client: Socket,
    @MessageBody() body: unknown,
  ): Promise<{ ok: boolean; rooms?: string[]; error?: string; code?: string }> {
    const subscription = parseSubscription(body, this.jurisdictions);
    if (typeof subscription === 'string') return { ok: false, error: subscription };
    const { actor, protocol } = client.data as ConsoleSocketData;
    // Only the user who started a replay, or one whose jurisdictions cover its incidents, may follow it.
    if (subscription.replayId && !this.replays.canJoin(subscription.replayId, actor))
      return { ok: false, error: '回放不存在或无权查看' };
    // A drill the caller may not read (GET /drills/{id} answers 404) is refused as if it did not exist: its rooms are
    // per jurisdiction, but an ok would still confirm the id and let the socket follow the drill in its own county.
    if (subscription.drillId && !(await this.drillVisible(subscription.drillId, actor)))
      return { ok: false, code: 'DRILL_NOT_FOUND', error: '演练不存在' };
    // Protocol 2 follows an incident in its own jurisdiction's room only, once that is known to be in the actor's scope.
    const incidentJurisdiction =
      protocol === 2 && subscription.incidentId ? await this.incidentJurisdiction(subscription.incidentId) : undefined;
    if (protocol === 2 && subscription.incidentId && !inScope(incidentJurisdiction, actor))
      return { ok: false, code: 'INCIDENT_NOT_FOUND', error: '事故不存在或不在本辖区' };
    const rooms = roomsOfSubscription(subscription, actor, protocol, incidentJurisdiction);
    if (typeof rooms === 'string') return { ok: false, error: rooms };
    for (const room of client.rooms) if (room !== client.id) await client.leave(room);
    await client.join(rooms);
    // A replay joined late first gets what was re-emitted so far. No timer runs between the join and this loop (only
    // microtasks), so nothing is missed or sent twice.
    if (subscription.replayId)
      for (const e of this.replays.backlog(subscription.replayId)) client.emit(e.name, e.payload);
    // Protocol 1 consoles are answered the room names they always were (their own rooms carry a prefix).
    return { ok: true, rooms: rooms.map((room) => room.replace(/^v1:/, '')) };
  }

  /**
   * `incident.open { incidentId }` (protocol 2): the console shows this incident's detail and gets its detail deltas
   * (timeline lines, consultations) from now on, in the incident's room. Refused as if it did not exist when the
   * incident is not in the actor's jurisdictions (GET /incidents/{id} answers 404 there too), so a forged id learns
   * nothing. Rooms of other open incidents and of the subscription stay.
   */
  @SubscribeMessage('incident.open')
  async openIncident(@ConnectedSocket() client: Socket, @MessageBody() body: unknown): Promise<IncidentRoomAck> {
    const { actor, protocol } = client.data as ConsoleSocketData;
    if (protocol !== 2) return { ok: false, code: 'PROTOCOL_UNSUPPORTED', error: 'incident.open 须使用协议版本 2' };
    const incidentId = incidentIdOf(body);
    if (!incidentId) return { ok: false, code: 'INVALID_MESSAGE', error: 'incidentId 须为 UUID' };
    const open = [...client.rooms].filter((room) => room.startsWith('incident:'));
    if (open.length >= MAX_OPEN_INCIDENTS && !open.some((room) => room.startsWith(`incident:${incidentId}@`)))
      return { ok: false, code: 'TOO_MANY_OPEN', error: `同时打开的事故过多（上限 ${MAX_OPEN_INCIDENTS} 个）` };
    const jurisdiction = await this.incidentJurisdiction(incidentId);
    if (!inScope(jurisdiction, actor))
      return { ok: false, code: 'INCIDENT_NOT_FOUND', error: '事故不存在或不在本辖区' };
    const room = incidentRoom(incidentId, jurisdiction);
    await client.join(room);
    return { ok: true, room };
  }

  /** `incident.close { incidentId }`: the console no longer shows it; its detail deltas stop. Closing twice is fine. */
  @SubscribeMessage('incident.close')
  async closeIncident(@ConnectedSocket() client: Socket, @MessageBody() body: unknown): Promise<IncidentRoomAck> {
    const incidentId = incidentIdOf(body);
    if (!incidentId) return { ok: false, code: 'INVALID_MESSAGE', error: 'incidentId 须为 UUID' };
    for (const room of [...client.rooms]) if (room.startsWith(`incident:${incidentId}@`)) await client.leave(room);
    return { ok: true };
  }

  /** The incident's jurisdiction from its first event (the stream: an incident just reported counts). */
  private async incidentJurisdiction(incidentId: string): Promise<string | undefined> {
    try {
      const [reported] = await this.store.readStream(incidentStream(incidentId), { maxCount: 1 });
      const jurisdiction = (reported?.data as { jurisdiction?: unknown } | undefined)?.jurisdiction;
      return typeof jurisdiction === 'string' ? jurisdiction : undefined;
    } catch {
      // No such stream (or it cannot be read now): nothing to open.
      return undefined;
    }
  }

  /** The drill's jurisdiction from its first event (the stream, not the read model: a drill just planned counts). */
  private async drillVisible(drillId: string, actor: Pick<Actor, 'scope'>): Promise<boolean> {
    try {
      const [planned] = await this.store.readStream(`drill-${drillId}`, { maxCount: 1 });
      const jurisdiction = (planned?.data as { jurisdiction?: unknown } | undefined)?.jurisdiction;
      return typeof jurisdiction === 'string' && actor.scope.includes(jurisdiction);
    } catch {
      // No such stream (or it cannot be read now): nothing to follow.
      return false;
    }
  }

  @SubscribeMessage('resume')
  resume(@ConnectedSocket() client: Socket, @MessageBody() body: unknown): ResumeAck {
    return resumeConsole(
      client,
      body,
      this.buffer,
      () => this.runner.deltaFloor(),
      this.jurisdictions,
      (socket) => this.fanout.onItsWay(socket.id, socket.rooms),
      (client.data as ConsoleSocketData).protocol,
    );
  }
}

export type { LiveDelta };

export type IncidentRoomAck = { ok: boolean; room?: string; code?: string; error?: string };

/** How many incidents one console may have open at once (each a detail window); a script opening more is refused. */
const MAX_OPEN_INCIDENTS = 16;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function incidentIdOf(body: unknown): string | undefined {
  const id = typeof body === 'object' && body !== null ? (body as { incidentId?: unknown }).incidentId : undefined;
  return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : undefined;
}

function inScope(jurisdiction: string | undefined, actor: Pick<Actor, 'scope'>): jurisdiction is string {
  return jurisdiction !== undefined && actor.scope.includes(jurisdiction);
}

/** How long a withdrawn user's open console may still receive data at most (other API processes, role changes). */
const REVOCATION_SWEEP_MS = 5_000;

import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, formatPosition, type EventStore, type Position, type RecordedEvent } from '@app/event-store';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires } from '@app/shared/nest';
import { AuditQueryRequest } from './audit.request';

const PAGE = 1000;

export interface AuditEntry {
  position: string;
  stream: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actorId: string;
  actorName: string | null;
  actorRoles: string[];
  jurisdiction: string | null;
  correlationId: string;
  drillId: string | null;
}

/**
 * The audit trail is read from the event store itself (the truth), not from a read model that could be rebuilt
 * differently. It walks the global log in order; events outside the administrator's jurisdictions are left out.
 */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @Requires('audit.read')
  @ApiOperation({ summary: '审计记录：谁在何时做了什么（读自事件存储）' })
  async read(@Query() query: AuditQueryRequest, @CurrentActor() admin: Actor): Promise<AuditEntry[]> {
    const limit = query.limit ?? 200;
    const from = query.from ? Date.parse(query.from) : -Infinity;
    const to = query.to ? Date.parse(query.to) : Infinity;
    const entries: AuditEntry[] = [];
    let after: Position | undefined;
    for (;;) {
      const page = await this.store.readAll({ ...(after ? { after } : {}), maxCount: PAGE });
      for (const event of page) {
        if (matches(event, query.actor, from, to, admin.scope)) entries.push(toEntry(event));
        if (entries.length >= limit) return entries;
      }
      if (page.length < PAGE) return entries;
      after = page[page.length - 1]!.position;
    }
  }
}

function matches(event: RecordedEvent, actor: string | undefined, from: number, to: number, scope: readonly string[]): boolean {
  const m = event.metadata;
  if (actor !== undefined && m.actorId !== actor && m.actorName !== actor) return false;
  const at = event.recordedAt.getTime();
  if (at < from || at >= to) return false;
  return typeof m.jurisdiction !== 'string' || scope.includes(m.jurisdiction);
}

function toEntry(event: RecordedEvent): AuditEntry {
  const m = event.metadata;
  return {
    position: formatPosition(event.position),
    stream: event.streamName,
    type: event.type,
    occurredAt: m.occurredAt,
    recordedAt: event.recordedAt.toISOString(),
    actorId: m.actorId,
    actorName: typeof m.actorName === 'string' ? m.actorName : null,
    actorRoles: Array.isArray(m.actorRoles) ? m.actorRoles.map(String) : [],
    jurisdiction: typeof m.jurisdiction === 'string' ? m.jurisdiction : null,
    correlationId: m.correlationId,
    drillId: typeof m.drillId === 'string' ? m.drillId : null,
  };
}

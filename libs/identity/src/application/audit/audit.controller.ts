import { Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import {
  CurrentActor,
  ListPage,
  Paged,
  pageKeysOf,
  QueryController,
  QueryGet,
  type ListPaging,
  type PageRequest,
} from '@app/shared/nest';
import { AuditTrailQueries, type AuditEntry } from '../../audit/audit-trail.queries';
import { AuditQueryRequest } from './audit.request';

/**
 * How the list pages (docs/api.md, "Paging every list"): in log order, by the microsecond recorded (kept with each
 * entry by the query, the entry shows milliseconds), then the position in the log.
 */
const AUDIT_PAGING: ListPaging<AuditEntry> = {
  list: 'audit/1',
  order: 'recorded',
  kinds: ['bigint', 'bigint'],
  keys: (e) => pageKeysOf(e) ?? [String(Date.parse(e.recordedAt) * 1000), e.position.split('/')[1] ?? '0'],
  defaultLimit: 200,
  maxLimit: 1000,
};

@QueryController('audit', { tag: 'audit' })
export class AuditController {
  constructor(private readonly trail: AuditTrailQueries) {}

  @Paged(AUDIT_PAGING)
  @QueryGet(undefined, { requires: 'audit.read', summary: '审计记录：谁在何时做了什么（读自事件存储）' })
  read(
    @Query() query: AuditQueryRequest,
    @CurrentActor() admin: Actor,
    @ListPage() page: PageRequest,
  ): Promise<AuditEntry[]> {
    return this.trail.read({ ...query, limit: page.fetch, after: page.after }, admin.scope);
  }
}

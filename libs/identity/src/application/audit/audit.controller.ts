import { Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet } from '@app/shared/nest';
import { AuditTrailQueries, type AuditEntry } from '../../audit/audit-trail.queries';
import { AuditQueryRequest } from './audit.request';

@QueryController('audit', { tag: 'audit' })
export class AuditController {
  constructor(private readonly trail: AuditTrailQueries) {}

  @QueryGet(undefined, { requires: 'audit.read', summary: '审计记录：谁在何时做了什么（读自事件存储）' })
  read(@Query() query: AuditQueryRequest, @CurrentActor() admin: Actor): Promise<AuditEntry[]> {
    return this.trail.read(query, admin.scope);
  }
}

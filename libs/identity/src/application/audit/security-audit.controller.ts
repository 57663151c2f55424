import { Query } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
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
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '../../audit/security-events';
import { SecurityEventQueries, type SecurityEventView } from '../../audit/security-event.queries';
import { AuditWindowQuery } from './audit.request';

export class SecurityAuditQuery extends AuditWindowQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'userId 须为 UUID' })
  userId?: string;

  @ApiPropertyOptional({ enum: SECURITY_EVENT_KINDS })
  @IsOptional()
  @IsIn(SECURITY_EVENT_KINDS, { message: `kind 只能是 ${SECURITY_EVENT_KINDS.join('、')}` })
  kind?: SecurityEventKind;
}

/**
 * How the list pages (docs/api.md, "Paging every list"): newest first, by the microsecond (kept with each row by the
 * query, the row shows milliseconds), then the newer id.
 */
const SECURITY_EVENT_PAGING: ListPaging<SecurityEventView> = {
  list: 'security-events/1',
  order: 'newest',
  kinds: ['bigint', 'bigint'],
  keys: (e) => pageKeysOf(e) ?? [String(-Date.parse(e.at) * 1000), String(-BigInt(e.id))],
  defaultLimit: 200,
  maxLimit: 1000,
};

@QueryController('audit/security', { tag: 'audit' })
export class SecurityAuditController {
  constructor(private readonly securityEvents: SecurityEventQueries) {}

  @Paged(SECURITY_EVENT_PAGING)
  @QueryGet(undefined, {
    requires: 'audit.read',
    summary: '安全事件记录：登录、失败、延迟、退出、续期、密码与权限变更、被拒写操作、导出、回放',
  })
  read(
    @Query() query: SecurityAuditQuery,
    @CurrentActor() admin: Actor,
    @ListPage() page: PageRequest,
  ): Promise<SecurityEventView[]> {
    return this.securityEvents.read({ ...query, limit: page.fetch, after: page.after }, admin.scope);
  }
}

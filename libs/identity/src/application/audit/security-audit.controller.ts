import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires } from '@app/shared/nest';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '../../audit/security-events';
import { AuditWindowQuery } from './audit.request';

export class SecurityAuditQuery extends AuditWindowQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'userId 须为 UUID' })
  userId?: string;

  @ApiPropertyOptional({ enum: SECURITY_EVENT_KINDS })
  @IsOptional()
  @IsIn(SECURITY_EVENT_KINDS, { message: `kind 只能是 ${SECURITY_EVENT_KINDS.join('、')}` })
  kind?: SecurityEventKind;
}

export interface SecurityEventView {
  id: string;
  at: string;
  kind: string;
  userId: string | null;
  username: string | null;
  sessionId: string | null;
  jurisdiction: string | null;
  address: string | null;
  correlationId: string | null;
  method: string | null;
  path: string | null;
  status: number | null;
  details: Record<string, unknown>;
}

/**
 * The security event log, newest first: sign-ins, failures and delays, renewals, refresh reuse, sign-outs, password
 * and access changes, refused writes, exports, replays. An administrator sees the events of its jurisdictions and
 * those that have none (failures for unknown names, requests without a signed-in user).
 */
@ApiTags('audit')
@Controller('audit/security')
export class SecurityAuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Requires('audit.read')
  @ApiOperation({ summary: '安全事件记录：登录、失败、延迟、退出、续期、密码与权限变更、被拒写操作、导出、回放' })
  async read(@Query() query: SecurityAuditQuery, @CurrentActor() admin: Actor): Promise<SecurityEventView[]> {
    const where = ['(jurisdiction is null or jurisdiction = any($1))'];
    const params: unknown[] = [admin.scope];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (query.from) add('at >= ?', new Date(query.from));
    if (query.to) add('at < ?', new Date(query.to));
    if (query.userId) add('user_id = ?', query.userId);
    if (query.kind) add('kind = ?', query.kind);
    params.push(query.limit ?? 200);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `select id::text, at, kind, user_id, username, session_id, jurisdiction, address, correlation_id, method, path, status, details
         from security_events where ${where.join(' and ')} order by at desc, id desc limit $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: String(r.id), at: (r.at as Date).toISOString(), kind: String(r.kind), userId: (r.user_id as string) ?? null, username: (r.username as string) ?? null,
      sessionId: (r.session_id as string) ?? null, jurisdiction: (r.jurisdiction as string) ?? null, address: (r.address as string) ?? null,
      correlationId: (r.correlation_id as string) ?? null, method: (r.method as string) ?? null, path: (r.path as string) ?? null,
      status: (r.status as number) ?? null, details: (r.details as Record<string, unknown>) ?? {},
    }));
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires } from '@app/shared/nest';
import { AuditTrailQueries, type AuditEntry } from '../../audit/audit-trail.queries';
import { AuditQueryRequest } from './audit.request';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly trail: AuditTrailQueries) {}

  @Get()
  @Requires('audit.read')
  @ApiOperation({ summary: '审计记录：谁在何时做了什么（读自事件存储）' })
  read(@Query() query: AuditQueryRequest, @CurrentActor() admin: Actor): Promise<AuditEntry[]> {
    return this.trail.read(query, admin.scope);
  }
}

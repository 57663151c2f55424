import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires } from '@app/shared/nest';
import { DeadlineComplianceQueries } from '../../read-models/deadline-compliance/deadline-compliance.queries';
import { ComplianceRequest } from './statistics.request';

@ApiTags('statistics')
@Controller('compliance')
export class ComplianceController {
  constructor(private readonly queries: DeadlineComplianceQueries) {}

  @Get()
  @Requires('statistics.read')
  @ApiOperation({ summary: '报告时限执行情况：按时、迟报、漏报，及报告人（不含演练，除非指定演练）' })
  compliance(@Query() query: ComplianceRequest, @CurrentActor() actor: Actor) {
    return this.queries.compliance(query, actor);
  }
}

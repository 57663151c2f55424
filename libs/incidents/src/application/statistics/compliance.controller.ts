import { Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet } from '@app/shared/nest';
import { DeadlineComplianceQueries } from '../../read-models/deadline-compliance/deadline-compliance.queries';
import { ComplianceRequest } from './statistics.request';

@QueryController('compliance', { tag: 'statistics' })
export class ComplianceController {
  constructor(private readonly queries: DeadlineComplianceQueries) {}

  @QueryGet(undefined, {
    requires: 'statistics.read',
    summary: '报告时限执行情况：按时、迟报、漏报，及报告人（不含演练，除非指定演练）',
  })
  compliance(@Query() query: ComplianceRequest, @CurrentActor() actor: Actor) {
    return this.queries.compliance(query, actor);
  }
}

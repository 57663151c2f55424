import { Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, ListPage, Paged, QueryController, QueryGet, type PageRequest } from '@app/shared/nest';
import {
  COMPLIANCE_OBLIGATIONS_PAGING,
  DeadlineComplianceQueries,
} from '../../read-models/deadline-compliance/deadline-compliance.queries';
import type { ComplianceObligationView } from '../../contract';
import { ComplianceRequest } from './statistics.request';

@QueryController('compliance', { tag: 'statistics' })
export class ComplianceController {
  constructor(private readonly queries: DeadlineComplianceQueries) {}

  @QueryGet(undefined, {
    requires: 'statistics.read',
    summary: '报告时限执行情况：按时、迟报、漏报，及报告人（不含演练，除非指定演练）；逐项明细只含第一页',
  })
  compliance(@Query() query: ComplianceRequest, @CurrentActor() actor: Actor) {
    return this.queries.compliance(query, actor);
  }

  @Paged(COMPLIANCE_OBLIGATIONS_PAGING)
  @QueryGet('obligations', {
    requires: 'statistics.read',
    summary: '报告时限逐项明细（按时限先后分页）',
  })
  obligations(
    @Query() query: ComplianceRequest,
    @CurrentActor() actor: Actor,
    @ListPage() page: PageRequest,
  ): Promise<ComplianceObligationView[]> {
    return this.queries.obligations(query, actor, page);
  }
}

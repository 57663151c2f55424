import { Header, Inject, Optional, Param, Query } from '@nestjs/common';
import { CLOCK, JURISDICTIONS, toZonedIso, type Actor, type Clock, type JurisdictionRegistry } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam } from '@app/shared/nest';
import { IncidentBoardQueries } from '../../read-models/incident-board/incident-board.queries';
import { ENTERPRISE_PROFILES, NO_ENTERPRISE_PROFILES, type EnterpriseProfiles } from '../enterprise-profiles';
import { incidentReportText } from './incident-report-text';
import { ReportTextRequest } from './report-text.request';

/** The text of a 快报 / 续报 / 终报 (条例493 第十二条) from the incident as the board shows it, to print or copy. */
@QueryController('incidents', { tag: 'incidents' })
export class ReportTextController {
  constructor(
    private readonly board: IncidentBoardQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(ENTERPRISE_PROFILES) private readonly enterprises: EnterpriseProfiles = NO_ENTERPRISE_PROFILES,
  ) {}

  @QueryGet(':id/report-text', {
    requires: 'incident.read',
    summary: '事故报告文本（快报、续报、终报，按条例第十二条）',
  })
  @Header('content-type', 'text/plain; charset=utf-8')
  async text(
    @Param('id', uuidParam) id: string,
    @Query() query: ReportTextRequest,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    const incident = await this.board.get(id, actor.scope);
    const bureau = this.jurisdictions.get(actor.jurisdiction);
    const zone = this.jurisdictions.get(incident.jurisdiction)?.timeZone;
    // The unit as registered now: the report describes the unit as the bureau knows it when the report is written.
    const unit = incident.enterpriseId ? await this.enterprises.find(incident.enterpriseId) : null;
    return incidentReportText(
      incident,
      query.kind ?? 'initial',
      {
        bureau: `${bureau?.name ?? incident.jurisdictionName}应急管理局`,
        writtenAt: toZonedIso(this.clock.now(), zone),
      },
      unit,
    );
  }
}

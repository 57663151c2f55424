import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_TIME_ZONE, JURISDICTIONS, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import type { AccountEntryView, IncidentAccountView } from '../../contract';
import { IncidentNotFoundError } from '../../domain/incident/incident.errors';
import { IncidentBoardQueries } from '../incident-board/incident-board.queries';
import { IncidentAccountRow } from './incident-account.entity';

/** The original account and the follow-ups of an incident, in the zone of its jurisdiction; 404 outside the scope. */
@Injectable()
export class IncidentAccountQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly board: IncidentBoardQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async account(incidentId: string, scope: readonly string[]): Promise<IncidentAccountView> {
    const jurisdiction = await this.board.jurisdictionOf(incidentId, scope);
    const zone = this.jurisdictions.get(jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
    const rows = await this.dataSource
      .getRepository(IncidentAccountRow)
      .find({ where: { incidentId }, order: { revision: 'ASC' } });
    const original = rows.find((row) => row.kind === 'initial');
    // The board shows the incident but this read model has not caught up with its intake yet.
    if (!original) throw new IncidentNotFoundError();
    return {
      incidentId,
      original: toAccountEntry(original, zone),
      followUps: rows.filter((row) => row.kind === 'follow_up').map((row) => toAccountEntry(row, zone)),
      timeZone: zone,
    };
  }
}

function toAccountEntry(row: IncidentAccountRow, zone: string): AccountEntryView {
  return {
    kind: row.kind,
    revision: row.revision,
    at: toZonedIso(row.at, zone),
    author: row.author,
    description: row.description,
    measures: row.measures,
    casualties: row.casualties,
    directLossYuan: row.directLossYuan,
    outsideWindow: row.outsideWindow,
  };
}

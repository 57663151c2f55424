import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type FindOptionsWhere } from 'typeorm';
import { CLOCK, JURISDICTIONS, type Clock, type JurisdictionRegistry } from '@app/shared';
import { IncidentNotFoundError } from '../../domain/incident/incident.errors';
import {
  NOTIFICATION_PARTY_LABELS,
  OBLIGATION_KIND_LABELS,
  REPORT_LEVEL_LABELS,
  type Obligation,
} from '../../domain/incident/reporting-deadlines';
import { IncidentBoardRow } from './incident-board.entity';
import { toIncidentView, type IncidentView } from './incident.views';

/** An open incident as stored, for a summary that must keep the stored instants (see openIncidentsIn). */
export interface OpenIncidentRecord {
  id: string;
  title: string;
  jurisdiction: string;
  grade: IncidentBoardRow['grade'];
  responseLevel: IncidentBoardRow['responseLevel'];
  drillId: string | null;
  obligations: { id: string; level: string; dueAt: string; status: string }[];
}

/** A pending reporting obligation of the bureau, as a duty desk queues it (stored instants, UTC). */
export interface OwedObligationRecord {
  incidentId: string;
  title: string;
  jurisdiction: string;
  obligationId: string;
  kind: string;
  kindLabel: string;
  /** The level reported to, or the party notified. */
  level: string;
  levelLabel: string;
  basis: string;
  dueAt: string;
}

export interface IncidentFilter {
  status?: string;
  jurisdiction?: string;
  grade?: string;
  /** Absent: real incidents only. A drill's id: that drill's incidents. Drill data never mixes into the real board. */
  drillId?: string;
  limit: number;
  /** The actor's jurisdictions: nothing outside them is listed. */
  scope: readonly string[];
}

/** Reads of the incident board; outside the actor's scope an incident is not found, so existence does not leak. */
@Injectable()
export class IncidentBoardQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(filter: IncidentFilter): Promise<IncidentView[]> {
    const where: FindOptionsWhere<IncidentBoardRow> = { drillId: filter.drillId ?? IsNull() };
    if (filter.status) where.status = filter.status;
    if (filter.grade) where.grade = filter.grade as IncidentBoardRow['grade'];
    // A jurisdiction includes everything below it: a city sees its counties and parks.
    const asked = filter.jurisdiction ? this.jurisdictions.descendants(filter.jurisdiction) : filter.scope;
    where.jurisdiction = In(asked.filter((code) => filter.scope.includes(code)));
    const rows = await this.repository().find({ where, order: { occurredAt: 'DESC' }, take: filter.limit });
    return rows.map((row) => toIncidentView(row, this.jurisdictions, this.clock.now()));
  }

  async get(incidentId: string, scope: readonly string[]): Promise<IncidentView> {
    const row = await this.repository().findOneBy({ id: incidentId, jurisdiction: In([...scope]) });
    if (!row) throw new IncidentNotFoundError();
    return toIncidentView(row, this.jurisdictions, this.clock.now());
  }

  /** The incident as the board shows it, whoever asks: for the answer to a command that has just been allowed. */
  async viewOf(incidentId: string): Promise<IncidentView | null> {
    const row = await this.repository().findOneBy({ id: incidentId });
    return row ? toIncidentView(row, this.jurisdictions, this.clock.now()) : null;
  }

  /** The drill an incident belongs to (null: a real incident), or undefined when there is no such incident. */
  async drillOf(incidentId: string): Promise<string | null | undefined> {
    const row = await this.repository().findOne({ where: { id: incidentId }, select: { id: true, drillId: true } });
    return row ? row.drillId : undefined;
  }

  /** Its jurisdiction when the actor may see it, else 404 (the timeline and the raw events ask this first). */
  async jurisdictionOf(incidentId: string, scope: readonly string[]): Promise<string> {
    const row = await this.repository().findOne({
      where: { id: incidentId, jurisdiction: In([...scope]) },
      select: { id: true, jurisdiction: true },
    });
    if (!row) throw new IncidentNotFoundError();
    return row.jurisdiction;
  }

  /**
   * Real incidents with a reporting obligation still pending: what the deadline alarms look at. After 响应终止 the
   * 终报 and 补报 are still owed, so an ended response is included.
   */
  withPendingDeadlines(): Promise<IncidentBoardRow[]> {
    return this.repository()
      .createQueryBuilder('i')
      .where(`i.drill_id is null and i.deadlines @> '[{"status":"pending"}]'::jsonb`)
      .getMany();
  }

  /**
   * The open incidents of some jurisdictions, oldest first, with their obligations as stored (instants in UTC): what an
   * outgoing watch hands over (交接班). Drill incidents are listed (marked by their drill); their deadlines are not real.
   */
  async openIncidentsIn(jurisdictions: readonly string[]): Promise<OpenIncidentRecord[]> {
    const rows = await this.repository()
      .createQueryBuilder('i')
      .select([
        'i.id',
        'i.title',
        'i.jurisdiction',
        'i.grade',
        'i.responseLevel',
        'i.drillId',
        'i.deadlines',
        'i.reportedAt',
      ])
      .where(`i.status = 'open' and i.jurisdiction = any(:codes)`, { codes: [...jurisdictions] })
      .orderBy('i.reportedAt', 'ASC')
      .limit(500)
      .getMany();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      jurisdiction: row.jurisdiction,
      grade: row.grade,
      responseLevel: row.responseLevel,
      drillId: row.drillId,
      // A notification has no level: the party it is owed to stands in its place.
      obligations: (
        row.deadlines as { id: string; level: string | null; party?: string | null; dueAt: string; status: string }[]
      ).map((o) => ({ id: o.id, level: o.level ?? o.party ?? '', dueAt: o.dueAt, status: o.status })),
    }));
  }

  /**
   * The bureau's pending obligations (overdue ones included) of the real open incidents of these jurisdictions,
   * earliest due first, at most `limit`, with how many there are in all: one indexed read of the compliance rows, so
   * a year of open incidents does not hide the ones due next.
   */
  async owedObligations(
    jurisdictions: readonly string[],
    limit: number,
  ): Promise<{ total: number; obligations: OwedObligationRecord[] }> {
    const where = `jurisdiction = any($1) and drill_id is null and incident_status = 'open'
        and status = 'pending' and responsible = 'bureau'`;
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `select incident_id, obligation_id, title, jurisdiction, kind, level, party, basis, due_at
           from deadline_compliance where ${where}
          order by due_at, incident_id, obligation_id limit $2`,
        [[...jurisdictions], limit],
      ) as Promise<
        {
          incident_id: string;
          obligation_id: string;
          title: string;
          jurisdiction: string;
          kind: Obligation['kind'];
          level: Obligation['level'];
          party: Obligation['party'];
          basis: string;
          due_at: Date;
        }[]
      >,
      this.dataSource.query(`select count(*)::int as n from deadline_compliance where ${where}`, [
        [...jurisdictions],
      ]) as Promise<{ n: number }[]>,
    ]);
    return {
      total: count?.n ?? 0,
      obligations: rows.map((r) => ({
        incidentId: r.incident_id,
        title: r.title,
        jurisdiction: r.jurisdiction,
        obligationId: r.obligation_id,
        kind: r.kind,
        kindLabel: OBLIGATION_KIND_LABELS[r.kind] ?? r.kind,
        level: r.level ?? r.party ?? '',
        levelLabel: r.level ? REPORT_LEVEL_LABELS[r.level] : r.party ? NOTIFICATION_PARTY_LABELS[r.party] : '',
        basis: r.basis,
        dueAt: new Date(r.due_at).toISOString(),
      })),
    };
  }

  private repository() {
    return this.dataSource.getRepository(IncidentBoardRow);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import { TeamNotFoundError } from '../../domain/team/team.errors';
import { TeamAvailabilityRow } from './team-availability.entity';
import { toTeamView, type TeamView } from './team.views';

export interface TeamFilter {
  status?: string;
  specialty?: string;
  /** A jurisdiction includes everything below it. */
  jurisdiction?: string;
  /** The actor's jurisdictions: nothing outside them is listed or found. */
  scope: readonly string[];
}

/** Reads of the availability board; outside the actor's scope a team is not found, so existence does not leak. */
@Injectable()
export class TeamAvailabilityQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async list(filter: TeamFilter): Promise<TeamView[]> {
    const asked = filter.jurisdiction ? this.jurisdictions.descendants(filter.jurisdiction) : filter.scope;
    const qb = this.dataSource
      .getRepository(TeamAvailabilityRow)
      .createQueryBuilder('t')
      .where({ jurisdiction: In(asked.filter((c) => filter.scope.includes(c))) })
      .orderBy('t.name', 'ASC');
    if (filter.status) qb.andWhere('t.status = :status', { status: filter.status });
    if (filter.specialty) qb.andWhere(':specialty = any(t.specialties)', { specialty: filter.specialty });
    return (await qb.getMany()).map((row) => toTeamView(row, this.jurisdictions));
  }

  /**
   * The teams with these ids, wherever they are based: for teams another read already linked to something the actor
   * may see (e.g. the teams assigned to a visible incident), never for a search.
   */
  async byIds(ids: readonly string[]): Promise<TeamView[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(TeamAvailabilityRow).findBy({ id: In([...ids]) });
    return rows.map((row) => toTeamView(row, this.jurisdictions));
  }

  async get(id: string, scope: readonly string[]): Promise<TeamView> {
    const view = await this.find(id, scope);
    if (!view) throw new TeamNotFoundError();
    return view;
  }

  /** The team as the board shows it now, or undefined (not projected yet, or outside `scope` when given). */
  async find(id: string, scope?: readonly string[]): Promise<TeamView | undefined> {
    const row = await this.dataSource
      .getRepository(TeamAvailabilityRow)
      .findOneBy(scope ? { id, jurisdiction: In([...scope]) } : { id });
    return row ? toTeamView(row, this.jurisdictions) : undefined;
  }

  /** The teams the board shows taken into this drill (status `in_drill`), whatever the drill's stream says. */
  async idsInDrill(drillId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(TeamAvailabilityRow)
      .find({ select: { id: true }, where: { drillId } });
    return rows.map((row) => row.id);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DEFAULT_TIME_ZONE, DomainError, JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import { PlanNotFoundError, PlanNotInForceError, PlanVersionNotFoundError } from '../../domain/plan/plan.errors';
import { isReadOnlyPlanFor, readablePlanJurisdictions } from '../../domain/plan/plan-readers';
import type { PlanContent } from '../../domain/plan/plan.types';
import { PlanRow, PlanVersionRow } from './plan-register.entities';
import { toPlanVersionView, toPlanView, type PlanVersionView, type PlanView } from './plan.views';

export interface PlanFilter {
  status?: string;
  kind?: string;
  category?: string;
  /** Exactly this jurisdiction (among those the actor reads). */
  jurisdiction?: string;
}

/** The version in force of a plan, as an activation pins it. */
export interface PlanInForceView {
  planId: string;
  jurisdiction: string;
  version: number;
  content: PlanContent;
}

/**
 * Reads of the plan register. An actor reads the plans of its jurisdictions and of those above it; any other plan
 * is not found, so existence does not leak.
 */
@Injectable()
export class PlanRegisterQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async list(filter: PlanFilter, actor: Actor): Promise<PlanView[]> {
    const readable = readablePlanJurisdictions(actor, this.jurisdictions);
    const asked = filter.jurisdiction ? readable.filter((c) => c === filter.jurisdiction) : readable;
    const qb = this.dataSource
      .getRepository(PlanRow)
      .createQueryBuilder('p')
      .where({ jurisdiction: In(asked) })
      .orderBy('p.title', 'ASC');
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    // A comprehensive plan listing no category covers every category.
    const covers = `(:category = any(p.categories) or (p.kind = 'comprehensive' and cardinality(p.categories) = 0))`;
    if (filter.category) qb.andWhere(covers, { category: filter.category });
    return (await qb.getMany()).map((row) => toPlanView(row, this.jurisdictions));
  }

  async get(id: string, actor: Actor): Promise<PlanView> {
    return toPlanView(await this.readable(id, actor), this.jurisdictions);
  }

  async version(id: string, version: string, actor: Actor): Promise<PlanVersionView> {
    if (!/^[1-9]\d{0,5}$/.test(version)) throw new DomainError('INVALID_VERSION', 'invalid', '版本号须为正整数');
    const readable = In(readablePlanJurisdictions(actor, this.jurisdictions));
    const row = await this.dataSource
      .getRepository(PlanVersionRow)
      .findOneBy({ planId: id, version: Number(version), jurisdiction: readable });
    if (!row) {
      const plan = await this.dataSource.getRepository(PlanRow).findOneBy({ id, jurisdiction: readable });
      throw plan ? new PlanVersionNotFoundError(Number(version)) : new PlanNotFoundError();
    }
    return toPlanVersionView(row, this.jurisdictions);
  }

  /** The version in force of a plan the actor reads: 404 if it cannot read it, 409 PLAN_NOT_IN_FORCE if none is. */
  async inForce(id: string, actor: Actor): Promise<PlanInForceView> {
    const row = await this.readable(id, actor);
    if (row.inForceVersion === null || row.inForceContent === null || row.status === 'retired')
      throw new PlanNotInForceError();
    return { planId: row.id, jurisdiction: row.jurisdiction, version: row.inForceVersion, content: row.inForceContent };
  }

  /**
   * The number of the version in force of a plan the actor reads, or null while none is (a draft, or retired): for a
   * caller with its own answer to "nothing in force" (a drill refuses to test such a plan). 404 if it cannot read it.
   */
  async versionInForce(id: string, actor: Actor): Promise<number | null> {
    // The register clears the version in force when a plan is retired.
    return (await this.readable(id, actor)).inForceVersion;
  }

  /** The plan's jurisdiction when the actor reads the plan but may not change it (a higher level's), else null. */
  async isReadOnlyFor(id: string, actor: Actor): Promise<string | null> {
    const row = await this.dataSource.getRepository(PlanRow).findOneBy({ id });
    return row && isReadOnlyPlanFor(actor, row.jurisdiction, this.jurisdictions) ? row.jurisdiction : null;
  }

  /** The zone the plan's dates are read in (its jurisdiction's); the default one for a plan not on the register. */
  async timeZoneOf(id: string): Promise<string> {
    const row = await this.dataSource.getRepository(PlanRow).findOneBy({ id });
    return (row && this.jurisdictions.get(row.jurisdiction)?.timeZone) ?? DEFAULT_TIME_ZONE;
  }

  /** Rows of the plans not retired in the given jurisdictions: what plan governance looks at. */
  async governed(jurisdictions: readonly string[]): Promise<PlanRow[]> {
    if (jurisdictions.length === 0) return [];
    return this.dataSource
      .getRepository(PlanRow)
      .createQueryBuilder('p')
      .where({ jurisdiction: In([...jurisdictions]) })
      .andWhere(`p.status <> 'retired'`)
      .orderBy('p.jurisdiction', 'ASC')
      .addOrderBy('p.title', 'ASC')
      .getMany();
  }

  /** The plan as the register shows it now, or undefined while it is not projected (a command's answer). */
  async find(id: string): Promise<PlanView | undefined> {
    const row = await this.dataSource.getRepository(PlanRow).findOneBy({ id });
    return row ? toPlanView(row, this.jurisdictions) : undefined;
  }

  private async readable(id: string, actor: Actor): Promise<PlanRow> {
    const row = await this.dataSource
      .getRepository(PlanRow)
      .findOneBy({ id, jurisdiction: In(readablePlanJurisdictions(actor, this.jurisdictions)) });
    if (!row) throw new PlanNotFoundError();
    return row;
  }
}

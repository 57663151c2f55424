import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { INCIDENT_CATEGORIES } from '@app/incidents';
import { DomainError, JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import { CurrentActor, IsKnownJurisdiction, Requires, uuidParam } from '@app/shared/nest';
import { PlanNotFoundError, PlanVersionNotFoundError } from '../domain/plan.errors';
import { PLAN_KINDS, PLAN_STATUS_LABELS } from '../domain/plan.types';
import { PlanRow, PlanVersionRow } from '../read-models/plan.entities';
import { toPlanVersionView, toPlanView, type PlanVersionView, type PlanView } from '../read-models/plan.views';
import { readablePlanJurisdictions } from './plan-command-runner';

export class ListPlansRequest {
  @ApiPropertyOptional({ enum: Object.keys(PLAN_STATUS_LABELS) }) @IsOptional() @IsIn(Object.keys(PLAN_STATUS_LABELS)) status?: string;
  @ApiPropertyOptional({ enum: Object.keys(PLAN_KINDS) }) @IsOptional() @IsIn(Object.keys(PLAN_KINDS)) kind?: string;
  @ApiPropertyOptional({ enum: Object.keys(INCIDENT_CATEGORIES) }) @IsOptional() @IsIn(Object.keys(INCIDENT_CATEGORIES)) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsKnownJurisdiction() jurisdiction?: string;
}

@ApiTags('plans')
@Controller('plans')
export class PlanQueriesController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  @Get()
  @Requires('plan.read')
  @ApiOperation({ summary: '应急预案目录：本辖区、下级辖区及上级适用于本辖区的预案' })
  async list(@Query() query: ListPlansRequest, @CurrentActor() actor: Actor): Promise<PlanView[]> {
    const readable = readablePlanJurisdictions(actor, this.jurisdictions);
    const asked = query.jurisdiction ? readable.filter((c) => c === query.jurisdiction) : readable;
    const qb = this.dataSource.getRepository(PlanRow).createQueryBuilder('p').where({ jurisdiction: In(asked) }).orderBy('p.title', 'ASC');
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.category) qb.andWhere(`(:category = any(p.categories) or (p.kind = 'comprehensive' and cardinality(p.categories) = 0))`, { category: query.category });
    return (await qb.getMany()).map((row) => toPlanView(row, this.jurisdictions));
  }

  @Get(':id')
  @Requires('plan.read')
  @ApiOperation({ summary: '预案详情（最新版本及现行版本号）' })
  async get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<PlanView> {
    const row = await this.dataSource.getRepository(PlanRow).findOneBy({ id, jurisdiction: In(readablePlanJurisdictions(actor, this.jurisdictions)) });
    if (!row) throw new PlanNotFoundError();
    return toPlanView(row, this.jurisdictions);
  }

  @Get(':id/versions/:version')
  @Requires('plan.read')
  @ApiOperation({ summary: '预案的某一版本（含已被替代的旧版本）' })
  async version(@Param('id', uuidParam) id: string, @Param('version') version: string, @CurrentActor() actor: Actor): Promise<PlanVersionView> {
    if (!/^[1-9]\d{0,5}$/.test(version)) throw new DomainError('INVALID_VERSION', 'invalid', '版本号须为正整数');
    const row = await this.dataSource.getRepository(PlanVersionRow).findOneBy({ planId: id, version: Number(version), jurisdiction: In(readablePlanJurisdictions(actor, this.jurisdictions)) });
    if (!row) {
      const plan = await this.dataSource.getRepository(PlanRow).findOneBy({ id, jurisdiction: In(readablePlanJurisdictions(actor, this.jurisdictions)) });
      throw plan ? new PlanVersionNotFoundError(Number(version)) : new PlanNotFoundError();
    }
    return toPlanVersionView(row, this.jurisdictions);
  }
}

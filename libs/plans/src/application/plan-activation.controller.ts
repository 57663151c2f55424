import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import type { CommandContext } from '@app/event-sourcing';
import { GetIncidentQuery, IncidentCommandRunner, RESPONSE_LEVELS, type IncidentCategory, type IncidentCommandResponse, type IncidentView, type ResponseLevel } from '@app/incidents';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import { CommandCtx, CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import type { PlanSuggestionsView } from '../contract';
import { notApplicableBecause } from '../domain/plan-suggestions';
import { PlanNotApplicableError, PlanNotFoundError, PlanNotInForceError } from '../domain/plan.errors';
import { PlanRow, PlanSuggestionRow } from '../read-models/plan.entities';
import { toSuggestionView } from '../read-models/plan-suggestion.projection';
import { readablePlanJurisdictions } from './plan-command-runner';

export class ActivatePlanRequest {
  @ApiProperty() @IsUUID('all', { message: 'planId 须为预案编号（UUID）' }) planId!: string;
  @ApiPropertyOptional({ enum: RESPONSE_LEVELS, description: '同时确定的响应级别；不填则按事故当前响应级别' })
  @IsOptional() @IsIn(RESPONSE_LEVELS) level?: ResponseLevel;
  @ApiPropertyOptional({ example: '符合预案Ⅲ级响应条件：死亡 3 人' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) reason?: string;
}

/** 启动预案 for an incident, and the plans its facts suggest. Lives here: it needs both plans and incidents. */
@ApiTags('plans')
@Controller('incidents/:id')
export class PlanActivationController {
  constructor(
    private readonly queries: QueryBus,
    private readonly incidents: IncidentCommandRunner,
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  /**
   * Pins the version in force and puts its tasks for the incident's response level on the checklist. The plan must
   * be published (or filed), issued for the incident's jurisdiction or one above, and written for its category.
   */
  @Post('plan-activations')
  @Requires('plan.activate')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: '启动应急预案（指挥长）：锁定现行版本，按响应级别生成处置任务清单' })
  async activate(@Param('id', uuidParam) id: string, @Body() body: ActivatePlanRequest, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor): Promise<IncidentCommandResponse> {
    const incident: IncidentView = await this.queries.execute(new GetIncidentQuery(id, actor.scope));
    const plan = await this.dataSource.getRepository(PlanRow).findOneBy({ id: body.planId });
    if (!plan || !readablePlanJurisdictions(actor, this.jurisdictions).includes(plan.jurisdiction)) throw new PlanNotFoundError();
    if (plan.inForceVersion === null || plan.inForceContent === null || plan.status === 'retired') throw new PlanNotInForceError();
    const content = plan.inForceContent;
    const refusal = notApplicableBecause(content, { category: incident.category as IncidentCategory, jurisdictionLineage: this.jurisdictions.lineage(incident.jurisdiction) });
    if (refusal) throw new PlanNotApplicableError(refusal);
    return this.incidents.run(id, {
      type: 'ActivatePlan',
      plan: { planId: plan.id, version: plan.inForceVersion, title: content.title, groups: content.groups, requirements: content.requirements },
      ...(body.level !== undefined ? { level: body.level } : {}),
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
      activatedBy: context.actorName ?? context.actorId,
      now: this.incidents.now(),
    }, context);
  }

  @Get('plan-suggestions')
  @Requires('incident.read')
  @ApiOperation({ summary: '预案启动建议：事故符合哪些已发布预案的启动条件（由指挥长确认后启动）' })
  async suggestions(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<PlanSuggestionsView> {
    await this.queries.execute(new GetIncidentQuery(id, actor.scope)); // 404 outside the actor's jurisdictions
    const row = await this.dataSource.getRepository(PlanSuggestionRow).findOneBy({ incidentId: id });
    return row ? toSuggestionView(row) : { incidentId: id, title: '', responseLevel: null, drillId: null, suggestions: [] };
  }
}

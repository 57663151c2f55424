import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import {
  GetIncidentQuery, IncidentCommandRunner, type IncidentCommandResponse, type IncidentView,
} from '@app/incidents';
import { PlanRow } from '@app/plans';
import { TeamAvailabilityRow } from '@app/teams';
import { WarehouseRow } from '@app/warehouses';
import {
  DomainError, JURISDICTIONS, OutsideJurisdictionError, type Actor, type JurisdictionRegistry,
} from '@app/shared';
import { CommandCtx, CurrentActor, IsKnownJurisdiction, Requires, uuidParam } from '@app/shared/nest';
import {
  DrillJurisdictionMismatchError, DrillNotFoundError, DrillNotRunningError, ScenarioNotFoundError,
} from '../domain/drill.errors';
import {
  DRILL_STATUS_LABELS, type DrillForm, type DrillScope, type InjectKind, type Scenario,
} from '../domain/drill.types';
import { DrillRow, DrillScenarioRow } from '../read-models/drill.entities';
import { toDrillView, type DrillView } from '../read-models/drill.views';
import { DrillCommandRunner, type DrillCommandResponse } from './drill-command-runner';
import {
  assertValidPayload, assertValidScript, DrillAllocationRequest, DrillDispatchRequest, ManualInjectRequest,
  PlanDrillRequest,
} from './drill.requests';
import { InjectExecutor, type RunningDrill } from './inject-executor';

export class ListDrillsRequest {
  @ApiPropertyOptional({ enum: Object.keys(DRILL_STATUS_LABELS) }) @IsOptional() @IsIn(Object.keys(DRILL_STATUS_LABELS)) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsKnownJurisdiction() jurisdiction?: string;
}

/** 演练: plan (with the plan under test pinned and a script), start, inject, simulated actions, end. */
@ApiTags('drills')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('drills')
export class DrillsController {
  constructor(
    private readonly runner: DrillCommandRunner,
    private readonly executor: InjectExecutor,
    private readonly incidents: IncidentCommandRunner,
    private readonly queries: QueryBus,
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  @Post()
  @Requires('drill.run')
  @HttpCode(201)
  @ApiOperation({ summary: '策划演练：形式、范围、检验的预案（固定现行版本）、参演单位、情景脚本（或引用情景库）' })
  async plan(@Body() body: PlanDrillRequest, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor): Promise<DrillCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(body.jurisdiction)) throw new OutsideJurisdictionError(body.jurisdiction);
    if (body.scenario && body.scenarioId) throw new DomainError('SCENARIO_TWICE', 'invalid', 'scenario 与 scenarioId 只能填写一项');
    const scenario = await this.scenarioOf(body, actor);
    for (const inject of scenario?.injects ?? []) {
      const where = inject.kind === 'report_incident' ? String(inject.payload.jurisdiction) : undefined;
      if (where && context.visibleJurisdictions && !context.visibleJurisdictions.includes(where)) throw new OutsideJurisdictionError(where);
      // The scheduler reports these later as the system: they must already fit the drill (its jurisdiction or below).
      if (where && !this.jurisdictions.lineage(where).includes(body.jurisdiction)) throw new DrillJurisdictionMismatchError(where, body.jurisdiction);
    }
    const pinned = body.planId ? await this.pinPlan(body.planId, actor) : null;
    const drillId = context.idempotencyKey ? idempotentAggregateId('drill', context.actorId, context.idempotencyKey) : randomUUID();
    return this.runner.run(drillId, {
      type: 'PlanDrill', drillId, title: body.title, form: body.form as DrillForm, scope: body.scope as DrillScope, jurisdiction: body.jurisdiction,
      planId: pinned?.planId ?? null, planVersion: pinned?.version ?? null, participants: body.participants ?? [], scenario,
      plannedBy: by(context), now: this.runner.now(),
    }, { ...context, jurisdiction: body.jurisdiction, drillId });
  }

  @Get()
  @Requires('drill.read')
  @ApiOperation({ summary: '演练列表（本辖区及下级）' })
  async list(@Query() query: ListDrillsRequest, @CurrentActor() actor: Actor): Promise<DrillView[]> {
    const asked = query.jurisdiction ? actor.scope.filter((c) => c === query.jurisdiction) : actor.scope;
    const rows = await this.dataSource.getRepository(DrillRow).find({
      where: { jurisdiction: In([...asked]), ...(query.status ? { status: query.status as DrillRow['status'] } : {}) },
      order: { plannedAt: 'DESC' },
      take: 500,
    });
    return rows.map(toDrillView);
  }

  @Get(':id')
  @Requires('drill.read')
  @ApiOperation({ summary: '演练详情（含已执行的注入）' })
  async get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<DrillView> {
    return toDrillView(await this.visibleDrill(id, actor));
  }

  @Post(':id/start')
  @Requires('drill.run')
  @HttpCode(200)
  @ApiOperation({ summary: '开始演练：脚本注入按开始后的时间自动执行' })
  start(@Param('id', uuidParam) id: string, @CommandCtx() context: CommandContext): Promise<DrillCommandResponse> {
    return this.runner.run(id, { type: 'StartDrill', startedBy: by(context), now: this.runner.now() }, { ...context, drillId: id });
  }

  @Post(':id/end')
  @Requires('drill.run')
  @HttpCode(200)
  @ApiOperation({ summary: '结束演练：其后不再执行任何注入' })
  end(@Param('id', uuidParam) id: string, @CommandCtx() context: CommandContext): Promise<DrillCommandResponse> {
    return this.runner.run(id, { type: 'EndDrill', endedBy: by(context), now: this.runner.now() }, { ...context, drillId: id });
  }

  @Post(':id/injects')
  @Requires('drill.run')
  @HttpCode(201)
  @ApiOperation({ summary: '无脚本演练：导调人员当即注入（接报、续报或情况通报）' })
  async inject(@Param('id', uuidParam) id: string, @Body() body: ManualInjectRequest, @CommandCtx() context: CommandContext): Promise<DrillCommandResponse> {
    const kind = body.kind as InjectKind;
    await assertValidPayload(kind, body.payload);
    const drill = await this.runningDrill(id, context);
    if (kind === 'report_incident') {
      const where = String(body.payload.jurisdiction);
      if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(where)) throw new OutsideJurisdictionError(where);
    }
    const key = `drill-inject:${id}:manual:${context.idempotencyKey ? `${context.actorId}:${context.idempotencyKey}` : randomUUID()}`;
    const incidentId = await this.executor.execute(drill, kind, body.payload, key, context);
    const { requestHash: _h, ...rest } = context;
    return this.runner.run(id, { type: 'RecordInjectExecuted', index: null, kind, payload: body.payload, incidentId, now: this.runner.now() }, { ...rest, drillId: id, idempotencyKey: key });
  }

  @Post(':id/dispatches')
  @Requires('drill.act')
  @HttpCode(201)
  @ApiOperation({ summary: '演练调派（桌面推演）：只记入演练事故，不改变真实队伍状态' })
  async dispatch(@Param('id', uuidParam) id: string, @Body() body: DrillDispatchRequest, @CommandCtx() context: CommandContext): Promise<IncidentCommandResponse> {
    const drill = await this.runningDrill(id, context);
    const incidentId = await this.executor.drillIncident(drill, (await this.visibleIncident(body.incidentId, context)).id);
    const team = await this.dataSource.getRepository(TeamAvailabilityRow).findOneBy({ id: body.teamId });
    if (!team || (context.visibleJurisdictions && !this.visibleOrAbove(team.jurisdiction, context.visibleJurisdictions))) {
      throw new DomainError('TEAM_NOT_FOUND', 'not_found', '救援队伍不存在');
    }
    return this.incidents.run(incidentId, {
      type: 'AssignTeam', teamId: team.id, teamName: team.name, task: body.task ?? null, dispatchedAt: this.runner.now(), simulated: true,
    }, { ...context, drillId: id });
  }

  @Post(':id/allocations')
  @Requires('drill.act')
  @HttpCode(201)
  @ApiOperation({ summary: '演练调拨（桌面推演）：只记入演练事故，不动用真实库存' })
  async allocate(@Param('id', uuidParam) id: string, @Body() body: DrillAllocationRequest, @CommandCtx() context: CommandContext): Promise<IncidentCommandResponse & { allocationId: string }> {
    const drill = await this.runningDrill(id, context);
    const incidentId = await this.executor.drillIncident(drill, (await this.visibleIncident(body.incidentId, context)).id);
    const warehouse = await this.dataSource.getRepository(WarehouseRow).findOneBy({ id: body.warehouseId });
    // Like a simulated dispatch's team: a warehouse of the actor's jurisdictions or of one above (a county drill may
    // draw on the city's reserve); another county's warehouse is not found, so its existence does not leak.
    if (!warehouse || (context.visibleJurisdictions && !this.visibleOrAbove(warehouse.jurisdiction, context.visibleJurisdictions))) throw new DomainError('WAREHOUSE_NOT_FOUND', 'not_found', '物资储备库不存在');
    const allocationId = context.idempotencyKey ? idempotentAggregateId('drill-allocation', context.actorId, context.idempotencyKey) : randomUUID();
    const result = await this.incidents.run(incidentId, {
      type: 'RecordDrillAllocation', allocationId, warehouseId: body.warehouseId, items: body.items.map((i) => ({ materialCode: i.materialCode, quantity: i.quantity })), now: this.runner.now(),
    }, { ...context, drillId: id });
    return { ...result, allocationId };
  }

  private async visibleDrill(id: string, actor: Pick<Actor, 'scope'>): Promise<DrillRow> {
    const row = await this.dataSource.getRepository(DrillRow).findOneBy({ id, jurisdiction: In([...actor.scope]) });
    if (!row) throw new DrillNotFoundError();
    return row;
  }

  /** The drill as stored now, visible to the actor and running. */
  private async runningDrill(id: string, context: CommandContext): Promise<RunningDrill> {
    const { state } = await this.runner.load(id);
    if (state.status === 'none' || (context.visibleJurisdictions && !context.visibleJurisdictions.includes(state.jurisdiction))) throw new DrillNotFoundError();
    if (state.status !== 'running') throw new DrillNotRunningError(state.status);
    return state;
  }

  private async visibleIncident(incidentId: string, context: CommandContext): Promise<IncidentView> {
    return this.queries.execute(new GetIncidentQuery(incidentId, context.visibleJurisdictions ?? []));
  }

  /** A team of the actor's jurisdictions or of one above (a city's team may take part in a county's drill). */
  private visibleOrAbove(jurisdiction: string, visible: readonly string[]): boolean {
    return visible.some((code) => code === jurisdiction || this.jurisdictions.lineage(code).includes(jurisdiction));
  }

  private async scenarioOf(body: PlanDrillRequest, actor: Actor): Promise<Scenario | null> {
    if (body.scenario) return { injects: await assertValidScript(body.scenario.injects, 'scenario.injects') };
    if (!body.scenarioId) return null;
    const row = await this.dataSource.getRepository(DrillScenarioRow).findOneBy({ id: body.scenarioId, jurisdiction: In(this.readable(actor)) });
    if (!row) throw new ScenarioNotFoundError();
    return { injects: row.injects.map((i) => ({ ...i })) };
  }

  /** The plan under test: its version in force, pinned now (422 when none is in force). */
  private async pinPlan(planId: string, actor: Actor): Promise<{ planId: string; version: number }> {
    const row = await this.dataSource.getRepository(PlanRow).findOneBy({ id: planId, jurisdiction: In(this.readable(actor)) });
    if (!row) throw new DomainError('PLAN_NOT_FOUND', 'not_found', '预案不存在');
    if (row.inForceVersion === null) throw new DomainError('PLAN_NOT_IN_FORCE', 'rule', '该预案没有现行版本（未发布或已废止），不能用于演练', { planId });
    return { planId, version: row.inForceVersion };
  }

  /** Plans and scenarios of the actor's jurisdictions and of those above (a county drills its city's plan). */
  private readable(actor: Actor): string[] {
    return [...new Set([...actor.scope, ...this.jurisdictions.lineage(actor.jurisdiction)])];
  }
}

const by = (context: CommandContext): string => context.actorName ?? context.actorId;

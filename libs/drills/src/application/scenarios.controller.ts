import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { JURISDICTIONS, OutsideJurisdictionError, type Actor, type JurisdictionRegistry } from '@app/shared';
import { CommandCtx, CurrentActor, Requires } from '@app/shared/nest';
import { DrillScenarioRow } from '../read-models/drill.entities';
import { toScenarioView, type ScenarioView } from '../read-models/drill.views';
import { DrillCommandRunner } from './drill-command-runner';
import { assertValidScript, SaveScenarioRequest } from './drill.requests';

/** 情景库: named inject scripts a drill can copy (`POST /drills` with `scenarioId`). */
@ApiTags('drills')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('scenarios')
export class ScenariosController {
  constructor(
    private readonly runner: DrillCommandRunner,
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  @Get()
  @Requires('drill.read')
  @ApiOperation({ summary: '情景库：本辖区、下级及上级辖区的情景脚本' })
  async list(@CurrentActor() actor: Actor): Promise<ScenarioView[]> {
    const readable = [...new Set([...actor.scope, ...this.jurisdictions.lineage(actor.jurisdiction)])];
    const rows = await this.dataSource.getRepository(DrillScenarioRow).find({ where: { jurisdiction: In(readable) }, order: { name: 'ASC' }, take: 500 });
    return rows.map(toScenarioView);
  }

  @Post()
  @Requires('drill.run')
  @HttpCode(201)
  @ApiOperation({ summary: '存入情景库' })
  async save(@Body() body: SaveScenarioRequest, @CommandCtx() context: CommandContext): Promise<ScenarioView & { replayed: boolean }> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(body.jurisdiction)) throw new OutsideJurisdictionError(body.jurisdiction);
    const injects = await assertValidScript(body.injects, 'injects');
    const scenarioId = context.idempotencyKey ? idempotentAggregateId('scenario', context.actorId, context.idempotencyKey) : randomUUID();
    return this.runner.runScenario(scenarioId, {
      type: 'SaveScenario', scenarioId, name: body.name, description: body.description ?? null, jurisdiction: body.jurisdiction, injects,
      savedBy: context.actorName ?? context.actorId, now: this.runner.now(),
    }, { ...context, jurisdiction: body.jurisdiction });
  }
}

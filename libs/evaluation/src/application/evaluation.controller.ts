import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { handleCommand, load, type CommandContext } from '@app/event-sourcing';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { planDecider, planStream, readablePlanJurisdictions } from '@app/plans';
import { CLOCK, DEFAULT_TIME_ZONE, JURISDICTIONS, OutsideJurisdictionError, toZonedIso, type Actor, type Clock, type JurisdictionRegistry } from '@app/shared';
import { CommandCtx, CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { evaluationDecider, evaluationStream } from '../domain/evaluation';
import { DrillEvaluationReader, type DrillEvaluation } from './drill-evaluation.reader';
import { EVALUATION_REPORT_CSP, renderEvaluationReport } from './evaluation-report.html';

export class RubricAspectRequest {
  @ApiProperty({ example: 'command_coordination' }) @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'key 须为小写字母、数字和下划线' }) key!: string;
  @ApiProperty({ example: '指挥与协调' }) @IsString() @IsNotEmpty() @MaxLength(200) label!: string;
  @ApiProperty({ example: 25 }) @IsInt() @Min(1) @Max(1000) weight!: number;
  @ApiProperty({ example: 100 }) @IsInt() @Min(1) @Max(1000) maxScore!: number;
}
export class RubricRequest {
  @ApiProperty({ type: [RubricAspectRequest] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => RubricAspectRequest) aspects!: RubricAspectRequest[];
}
export class AspectScoreRequest {
  @ApiProperty({ example: 'plan_fitness' }) @IsString() @IsNotEmpty() @MaxLength(40) aspect!: string;
  @ApiProperty({ example: 85 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1000) score!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}
export class ScoresRequest {
  @ApiProperty({ type: [AspectScoreRequest] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => AspectScoreRequest) scores!: AspectScoreRequest[];
}
export class FindingRequest {
  @ApiProperty({ example: '警戒疏散组到场后 12 分钟才划定警戒区，预案未明确责任人' }) @IsString() @IsNotEmpty() @MaxLength(2000) text!: string;
  @ApiPropertyOptional({ description: '记入该预案，下一版修订时一并处理' }) @IsOptional() @IsUUID() planId?: string;
}

/**
 * Drill evaluation (演练评估, docs/domain.md rule 22): times measured from the recorded events, evaluators' scores on a rubric (default:
 * the aspects of AQ/T 9009), findings that can be recorded against a plan, and a printable report.
 */
@ApiTags('drills')
@Controller('drills/:id/evaluation')
export class EvaluationController {
  constructor(
    private readonly reader: DrillEvaluationReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
  ) {}

  @Get()
  @Requires('evaluation.read')
  @ApiOperation({ summary: '演练评估：由事件测得的关键用时、报告时限、任务完成、物资缺口，及评估人评分' })
  async evaluation(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<DrillEvaluation> {
    return this.reader.evaluate(id, actor);
  }

  @Get('report')
  @Requires('evaluation.read')
  @ApiProduces('text/html')
  @ApiOperation({ summary: '可打印的演练评估报告（HTML，可由浏览器打印或另存为 PDF）' })
  async report(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const evaluation = await this.reader.evaluate(id, actor);
    const zone = this.jurisdictions.get(evaluation.drill.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
    reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', EVALUATION_REPORT_CSP);
    return renderEvaluationReport(evaluation, (iso) => (iso ? toZonedIso(iso, zone) : '—'));
  }

  @Post('rubric')
  @Requires('evaluation.score')
  @HttpCode(200)
  @ApiOperation({ summary: '设置本次演练的评估指标（首次评分前）' })
  async rubric(@Param('id', uuidParam) id: string, @Body() body: RubricRequest, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor) {
    const drill = await this.reader.drill(id, actor);
    const aspects = body.aspects.map((a) => ({ key: a.key, label: a.label, weight: a.weight, maxScore: a.maxScore }));
    await this.run(id, { type: 'SetRubric', drillId: id, aspects, by: by(context), now: this.clock.now() }, { ...context, jurisdiction: drill.jurisdiction });
    return this.reader.evaluate(id, actor);
  }

  @Post('scores')
  @Requires('evaluation.score')
  @HttpCode(201)
  @ApiOperation({ summary: '评估人评分（同一评估人再次提交则以新评分为准）' })
  async scores(@Param('id', uuidParam) id: string, @Body() body: ScoresRequest, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor) {
    const drill = await this.reader.drill(id, actor);
    const scores = body.scores.map((s) => ({ aspect: s.aspect, score: s.score, comment: s.comment ?? null }));
    await this.run(id, { type: 'RecordScores', drillId: id, evaluator: by(context), scores, now: this.clock.now() }, { ...context, jurisdiction: drill.jurisdiction });
    return this.reader.evaluate(id, actor);
  }

  /** A finding, and when it names a plan, the same finding on the plan: its next version records it as addressed. */
  @Post('findings')
  @Requires('evaluation.score')
  @HttpCode(201)
  @ApiOperation({ summary: '记录评估发现的问题；指定预案时记入该预案，下一版修订时一并处理' })
  async finding(@Param('id', uuidParam) id: string, @Body() body: FindingRequest, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor) {
    const drill = await this.reader.drill(id, actor);
    const findingId = randomUUID();
    const now = this.clock.now();
    if (body.planId) {
      await this.assertPlanWritable(body.planId, actor);
      const recorded = await handleCommand({ store: this.store, clock: this.clock }, planDecider, planStream(body.planId), {
        type: 'RecordPlanFinding', finding: { findingId, drillId: id, text: body.text }, by: by(context), now,
      }, { ...context, idempotencyKey: undefined, visibleJurisdictions: actor.scope });
      // Read-your-writes: the plan page opened right after shows the finding (the plan register applies it).
      if (recorded.position) await this.projections.waitFor('plan-register', recorded.position);
    }
    await this.run(id, { type: 'RecordFinding', drillId: id, finding: { findingId, planId: body.planId ?? null, text: body.text }, by: by(context), now }, { ...context, jurisdiction: drill.jurisdiction });
    return this.reader.evaluate(id, actor);
  }

  /**
   * A finding is written onto the plan: a plan of the actor's jurisdictions or below. A county reads its city's plans
   * but does not write on them (403 OUTSIDE_JURISDICTION, as for any change to a higher level's plan); a plan it
   * cannot read is not found.
   */
  private async assertPlanWritable(planId: string, actor: Actor): Promise<void> {
    const { state } = await load(this.store, planDecider, planStream(planId));
    if (state.status === 'none' || actor.scope.includes(state.jurisdiction)) return;
    if (readablePlanJurisdictions(actor, this.jurisdictions).includes(state.jurisdiction)) throw new OutsideJurisdictionError(state.jurisdiction);
  }

  private run(drillId: string, command: Parameters<typeof evaluationDecider.decide>[0], context: CommandContext) {
    return handleCommand({ store: this.store, clock: this.clock }, evaluationDecider, evaluationStream(drillId), command, context);
  }
}

const by = (context: CommandContext): string => context.actorName ?? context.actorId;

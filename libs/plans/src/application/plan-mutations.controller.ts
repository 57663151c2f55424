import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError, type Actor } from '@app/shared';
import { CommandCtx, CurrentActor, IsDateOrInstant, Requires, uuidParam } from '@app/shared/nest';
import { PlanCommandRunner, type PlanCommandResponse } from './plan-command-runner';
import { PlanContentRequest, toPlanContent } from './plan-content.request';

export class FilePlanRequest {
  @ApiProperty({ example: '宁夏回族自治区应急管理厅' }) @IsString() @IsNotEmpty() @MaxLength(200) authority!: string;
  @ApiProperty({ example: '2026-11-20', description: '备案日期（日期或带时区的时刻）' })
  @IsDateOrInstant()
  filedAt!: string;
}

export class RetirePlanRequest {
  @ApiPropertyOptional({ example: '被《中卫市生产安全事故应急预案（2026 年版）》替代' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) reason?: string;
}

@ApiTags('plans')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('plans')
export class PlanMutationsController {
  constructor(private readonly runner: PlanCommandRunner) {}

  @Post()
  @Requires('plan.manage')
  @HttpCode(201)
  @ApiOperation({ summary: '编制应急预案（第 1 版，草案）' })
  draft(@Body() body: PlanContentRequest, @CommandCtx() context: CommandContext): Promise<PlanCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(body.jurisdiction)) throw new OutsideJurisdictionError(body.jurisdiction);
    const planId = context.idempotencyKey ? idempotentAggregateId('plan', context.actorId, context.idempotencyKey) : randomUUID();
    return this.runner.run(planId, { type: 'DraftPlan', planId, content: toPlanContent(body), by: by(context), now: this.runner.now() }, { ...context, jurisdiction: body.jurisdiction });
  }

  @Put(':id')
  @Requires('plan.manage')
  @HttpCode(200)
  @ApiOperation({ summary: '修订预案：生成新版本（草案），旧版本仍可查阅，现行版本继续有效直至新版本发布' })
  revise(@Param('id', uuidParam) id: string, @Body() body: PlanContentRequest, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor): Promise<PlanCommandResponse> {
    return this.runner.run(id, { type: 'RevisePlan', content: toPlanContent(body), by: by(context), now: this.runner.now() }, context, actor);
  }

  @Post(':id/publish')
  @Requires('plan.manage')
  @HttpCode(200)
  @ApiOperation({ summary: '发布预案最新版本（成为现行版本）' })
  publish(@Param('id', uuidParam) id: string, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor): Promise<PlanCommandResponse> {
    return this.runner.run(id, { type: 'PublishPlan', by: by(context), now: this.runner.now() }, context, actor);
  }

  @Post(':id/filings')
  @Requires('plan.manage')
  @HttpCode(201)
  @ApiOperation({ summary: '预案备案：记录备案机关和备案日期' })
  file(@Param('id', uuidParam) id: string, @Body() body: FilePlanRequest, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor): Promise<PlanCommandResponse> {
    return this.runner.run(id, { type: 'FilePlan', filing: { authority: body.authority, filedAt: body.filedAt }, by: by(context), now: this.runner.now() }, context, actor);
  }

  @Post(':id/retire')
  @Requires('plan.manage')
  @HttpCode(200)
  @ApiOperation({ summary: '废止预案' })
  retire(@Param('id', uuidParam) id: string, @Body() body: RetirePlanRequest, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor): Promise<PlanCommandResponse> {
    return this.runner.run(id, { type: 'RetirePlan', ...(body.reason !== undefined ? { reason: body.reason } : {}), by: by(context), now: this.runner.now() }, context, actor);
  }
}

const by = (context: CommandContext): string => context.actorName ?? context.actorId;

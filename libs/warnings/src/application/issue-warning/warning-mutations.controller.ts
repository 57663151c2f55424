import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { LiftWarningRequest, UpdateWarningRequest } from '../change-warning/change-warning.request';
import { WarningCommandRunner, type WarningCommandResponse } from '../shared/warning-command-runner';
import { IssueWarningCommand } from './issue-warning.command-handler';
import { IssueWarningRequest } from './issue-warning.request';

/**
 * 发布、调整、解除. The routes require `warning.issue_drill` (everyone who may issue some warning); a real warning
 * (no drillId) also needs `warning.issue`, which the decider checks against the body or the stored warning.
 */
@ApiTags('warnings')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('warnings')
export class WarningMutationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly runner: WarningCommandRunner,
  ) {}

  @Post()
  @Requires('warning.issue_drill')
  @HttpCode(201)
  @ApiOperation({ summary: '发布预警（CAP Alert）' })
  issue(@Body() body: IssueWarningRequest, @CommandCtx() context: CommandContext): Promise<WarningCommandResponse> {
    return this.commands.execute(new IssueWarningCommand(body, context));
  }

  @Post(':id/updates')
  @Requires('warning.issue_drill')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: '客户端所见的预警版本号' })
  @ApiOperation({ summary: '调整预警：级别、区域、内容、失效时间（CAP Update）' })
  update(@Param('id', uuidParam) id: string, @Body() body: UpdateWarningRequest, @CommandCtx() context: CommandContext): Promise<WarningCommandResponse> {
    return this.runner.run(id, {
      type: 'UpdateWarning',
      changes: {
        ...(body.level !== undefined ? { level: body.level } : {}),
        ...(body.area !== undefined
          ? { area: { description: body.area.description, polygon: body.area.polygon ? body.area.polygon.map((p) => ({ lat: p.lat, lng: p.lng })) : null } }
          : {}),
        ...(body.message !== undefined ? { message: body.message } : {}),
        ...(body.instruction !== undefined ? { instruction: body.instruction } : {}),
        ...(body.expires !== undefined ? { expires: new Date(body.expires) } : {}),
        ...(body.channels !== undefined ? { channels: [...body.channels] } : {}),
      },
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
      authority: this.runner.authorityOf(context),
      now: this.runner.now(),
    }, context);
  }

  @Post(':id/lift')
  @Requires('warning.issue_drill')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: '客户端所见的预警版本号' })
  @ApiOperation({ summary: '解除预警（CAP Cancel）；已解除的预警不能再调整' })
  lift(@Param('id', uuidParam) id: string, @Body() body: LiftWarningRequest, @CommandCtx() context: CommandContext): Promise<WarningCommandResponse> {
    return this.runner.run(id, { type: 'LiftWarning', reason: body.reason, authority: this.runner.authorityOf(context), now: this.runner.now() }, context);
  }
}

import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { REPORT_LEVELS, type ReportLevel } from '../../domain/reporting-deadlines';
import { IncidentCommandRunner, type IncidentCommandResponse } from '../shared/incident-command-runner';

export class PassReportUpRequest {
  @ApiProperty({ enum: REPORT_LEVELS, description: '上报到：县级、设区的市级、省级、国务院' })
  @IsIn(REPORT_LEVELS, { message: 'toLevel 须为 county、city、province 或 national' })
  toLevel!: ReportLevel;

  @ApiProperty({ example: '电话', description: '上报方式（电话、传真、系统报送等）' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  channel!: string;
}

@ApiTags('incidents')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('incidents/:id/reports')
export class PassReportUpController {
  constructor(private readonly runner: IncidentCommandRunner) {}

  /** Meets the pending reporting obligation of that level (and of skipped lower levels); recorded with who and how. */
  @Post()
  @Requires('incident.report_up')
  @HttpCode(201)
  @ApiOperation({ summary: '逐级上报（满足相应时限要求）' })
  report(@Param('id', uuidParam) id: string, @Body() body: PassReportUpRequest, @CommandCtx() context: CommandContext): Promise<IncidentCommandResponse> {
    return this.runner.run(id, { type: 'PassReportUp', toLevel: body.toLevel, channel: body.channel, reportedBy: context.actorName ?? context.actorId, now: this.runner.now() }, context);
  }
}

import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { PassReportUpHandler } from './pass-report-up.handler';
import { PassReportUpRequest } from './pass-report-up.request';

@ApiTags('incidents')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('incidents/:id/reports')
export class PassReportUpController {
  constructor(private readonly handler: PassReportUpHandler) {}

  /** Meets the pending reporting obligation of that level (and of skipped lower levels); recorded with who and how. */
  @Post()
  @Requires('incident.report_up')
  @HttpCode(201)
  @ApiOperation({ summary: '逐级上报（满足相应时限要求）' })
  report(@Param('id', uuidParam) id: string, @Body() body: PassReportUpRequest, @CommandCtx() context: CommandContext): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}

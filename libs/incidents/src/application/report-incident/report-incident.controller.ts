import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { ReportIncidentHandler } from './report-incident.handler';
import { ReportIncidentRequest } from './report-incident.request';

@ApiTags('incidents')
@Controller('incidents')
export class ReportIncidentController {
  constructor(private readonly handler: ReportIncidentHandler) {}

  @Post()
  @Requires('incident.report')
  @HttpCode(201)
  @ApiOperation({ summary: '接报：登记一起事故（初报）' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重试同一请求时不会重复登记' })
  @ApiCreatedResponse({ description: '已登记；返回事故视图、版本号与全局位置' })
  report(@Body() body: ReportIncidentRequest, @CommandCtx() context: CommandContext): Promise<IncidentCommandResponse> {
    return this.handler.handle(body, context);
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires } from '@app/shared/nest';
import type { ScenarioCommandResponse } from '../scenario-answer';
import { SaveScenarioHandler } from './save-scenario.handler';
import { SaveScenarioRequest } from './save-scenario.request';

/** 情景库: named inject scripts a drill can copy (`POST /drills` with `scenarioId`). */
@ApiTags('drills')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('scenarios')
export class SaveScenarioController {
  constructor(private readonly handler: SaveScenarioHandler) {}

  @Post()
  @Requires('drill.run')
  @HttpCode(201)
  @ApiOperation({ summary: '存入情景库' })
  save(@Body() body: SaveScenarioRequest, @CommandCtx() context: CommandContext): Promise<ScenarioCommandResponse> {
    return this.handler.handle(body, context);
  }
}

import { Body } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { ScenarioCommandResponse } from '../scenario-answer';
import { SaveScenarioHandler } from './save-scenario.handler';
import { SaveScenarioRequest } from './save-scenario.request';

/** 情景库: named inject scripts a drill can copy (`POST /drills` with `scenarioId`). */
@CommandController('scenarios', { tag: 'drills' })
export class SaveScenarioController {
  constructor(private readonly handler: SaveScenarioHandler) {}

  @CommandPost(undefined, { requires: 'drill.run', status: 201, location: () => '/scenarios', summary: '存入情景库' })
  save(@Body() body: SaveScenarioRequest, @CommandCtx() context: CommandContext): Promise<ScenarioCommandResponse> {
    return this.handler.handle(body, context);
  }
}

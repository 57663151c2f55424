import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/shared';
import { CommandPost, CurrentActor } from '@app/shared/nest';
import { StartReplayHandler } from './start-replay.handler';
import { StartReplayRequest } from './start-replay.request';

/** Replays (复盘回放): re-emit an incident's or a drill's recorded events on Socket.IO room `replay:{id}`. */
@ApiTags('replay')
@Controller('replays')
export class StartReplayController {
  constructor(private readonly handler: StartReplayHandler) {}

  @CommandPost(undefined, {
    requires: 'replay.run',
    status: 201,
    location: (answer) => `/replays/${String(answer['replayId'])}`,
    summary: '开始回放（事故或演练，×1–×100）；事件经 Socket.IO 房间 replay:{replayId} 推送',
  })
  start(@Body() body: StartReplayRequest, @CurrentActor() actor: Actor): Promise<{ replayId: string }> {
    return this.handler.handle(body, actor);
  }
}
